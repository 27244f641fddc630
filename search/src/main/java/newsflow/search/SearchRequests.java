package newsflow.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import newsflow.search.query.QueryTranslator;
import newsflow.search.query.SearchScope;
import newsflow.search.query.Sort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the Elasticsearch request for a {@link SearchQuery}. Field names are those of {@code docs/index.md}. */
final class SearchRequests {

    static final int SNIPPET_CHARS = 160;
    static final int SNIPPETS = 2;

    static final String INNER_ALSO = "also";
    /** Other articles of a story listed with its hit (one more is fetched: the hit itself is among them). */
    static final int ALSO_REPORTED = 6;

    /** Hits per request of an export: big pages are fewer requests, each still quick and small in memory. */
    static final int EXPORT_PAGE_SIZE = 500;
    /**
     * The stored fields a hit shows, on a search page and in an export row: the only ones asked for, so the node
     * neither sends nor do we read the rest of each article (its description, topic scores, provenance and times).
     */
    static final List<String> HIT_FIELDS = List.of("id", "published", "source", "site_name", "language", "title",
            "url", "authors", "topics", "story_id");

    private SearchRequests() {
    }

    /** @param timeout Elasticsearch answers with the hits collected so far after this (marked timed out) */
    static SearchRequest build(SearchQuery query, String alias, Duration timeout) {
        List<SortOptions> sort = sort(query.scope().sort());
        SearchRequest.Builder b = new SearchRequest.Builder()
                .index(alias)
                .timeout(timeout.toMillis() + "ms")
                .query(QueryTranslator.toEsQuery(query.scope()))
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true))
                .sort(sort)
                // the body (long) is shown as highlighted snippets instead
                .source(s -> s.filter(f -> f.includes(HIT_FIELDS)))
                .highlight(h -> h
                        .encoder(HighlighterEncoder.Html)
                        .preTags("<em>")
                        .postTags("</em>")
                        .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))))
                        .fields(NamedValue.of("body", HighlightField.of(f -> f
                                .fragmentSize(SNIPPET_CHARS).numberOfFragments(SNIPPETS).noMatchSize(SNIPPET_CHARS)))));
        FacetAggregations.addTo(b);
        if (query.searchAfter() != null) {
            b.searchAfter(Cursor.decode(query.searchAfter(), sort.size()));
        }
        if (query.collapseStories()) {
            // one hit per story; its other articles, newest first, as "also reported by"
            b.collapse(c -> c.field("story_id").innerHits(ih -> ih
                    .name(INNER_ALSO)
                    .size(ALSO_REPORTED)
                    .sort(SortOptions.of(so -> so.field(f -> f.field("published").order(SortOrder.Desc))))
                    .source(src -> src.filter(f -> f.includes("title", "url", "source")))));
        }
        return b.build();
    }

    /**
     * One page of an export: the scope's hits in its order after {@code cursor}, only the fields an export
     * writes, no highlights or facets, and no total (counting every match again on each page costs).
     */
    static SearchRequest exportPage(SearchScope scope, List<FieldValue> cursor, int size, String alias, Duration timeout) {
        SearchRequest.Builder b = new SearchRequest.Builder()
                .index(alias)
                .timeout(timeout.toMillis() + "ms")
                .query(QueryTranslator.toEsQuery(scope))
                .size(size)
                .trackTotalHits(t -> t.enabled(false))
                .sort(sort(scope.sort()))
                .source(s -> s.filter(f -> f.includes(HIT_FIELDS)));
        if (cursor != null) {
            b.searchAfter(cursor);
        }
        return b.build();
    }

    /**
     * The scope's order, then by date (newest first unless oldest), then the article id, so that search_after pages are stable; articles
     * without a published date come last.
     */
    static List<SortOptions> sort(Sort order) {
        List<SortOptions> sort = new ArrayList<>();
        if (order == Sort.RELEVANCE) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        SortOrder byDate = order == Sort.OLDEST ? SortOrder.Asc : SortOrder.Desc;
        sort.add(SortOptions.of(s -> s.field(f -> f.field("published").order(byDate).missing(FieldValue.of("_last")))));
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return sort;
    }
}
