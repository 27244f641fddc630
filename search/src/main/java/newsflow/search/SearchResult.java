package newsflow.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total  how many articles match in all
 * @param hits   this page, best first (or newest first without free text)
 * @param facets counts over all matches, not just this page
 * @param next   cursor for the following page ({@link SearchQuery#searchAfter()}), null on the last page
 */
public record SearchResult(long total, List<SearchHit> hits, Facets facets, String next) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public static SearchResult empty() {
        return new SearchResult(0, List.of(), Facets.EMPTY, null);
    }
}
