package newsflow.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total  how many articles match in all
 * @param hits   this page, best first (or newest first without free text)
 * @param facets counts over all matches, not just this page
 * @param next   cursor for the following page ({@link SearchQuery#searchAfter()}), null on the last page
 * @param partial Elasticsearch stopped at {@code search.timeout} or some shards failed: there may be more or
 *                better hits than these, and {@code total} and facets may be low
 */
public record SearchResult(long total, List<SearchHit> hits, Facets facets, String next, boolean partial) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** A complete result. */
    public SearchResult(long total, List<SearchHit> hits, Facets facets, String next) {
        this(total, hits, facets, next, false);
    }

    public static SearchResult empty() {
        return new SearchResult(0, List.of(), Facets.EMPTY, null);
    }
}
