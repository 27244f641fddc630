package newsflow.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the Elasticsearch request for a {@link SearchQuery}. Field names are those of {@code docs/index.md}. */
final class SearchRequests {

    /** Fields free text is matched against, with boosts: a word in the title says more than one in the body. */
    static final List<String> TEXT_FIELDS = List.of("title^3", "description^2", "body");
    static final int SNIPPET_CHARS = 160;
    static final int SNIPPETS = 2;

    static final String INNER_ALSO = "also";
    /** Other articles of a story listed with its hit (one more is fetched: the hit itself is among them). */
    static final int ALSO_REPORTED = 6;

    private SearchRequests() {
    }

    /** @param timeout Elasticsearch answers with the hits collected so far after this (marked timed out) */
    static SearchRequest build(SearchQuery query, String alias, Duration timeout) {
        List<SortOptions> sort = sort(query);
        SearchRequest.Builder b = new SearchRequest.Builder()
                .index(alias)
                .timeout(timeout.toMillis() + "ms")
                .query(query(query))
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true))
                .sort(sort)
                // The body can be long and hits show snippets instead: do not ship it.
                .source(s -> s.filter(f -> f.excludes("body")))
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

    static Query query(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        if (query.topic() != null) {
            filters.add(TopicFilter.of(query.topic()));
        }
        if (query.source() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("source").value(query.source()))));
        }
        if (query.lang() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("language").value(query.lang()))));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("published");
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lt(query.to().toString());
                }
                return d;
            }))));
        }
        Query main = query.hasText()
                ? Query.of(q -> q.simpleQueryString(s -> s
                        .query(query.q())
                        .fields(TEXT_FIELDS)
                        // Every word must match, as people expect from a search box; "a | b" still means or.
                        .defaultOperator(Operator.And)
                        .lenient(true)))
                : Query.of(q -> q.matchAll(m -> m));
        if (filters.isEmpty()) {
            return main;
        }
        return Query.of(q -> q.bool(bq -> bq.must(main).filter(filters)));
    }

    /**
     * By relevance with free text, otherwise newest first. The article id breaks ties so that search_after
     * pages are stable; articles without a published date come last.
     */
    static List<SortOptions> sort(SearchQuery query) {
        List<SortOptions> sort = new ArrayList<>();
        if (query.hasText()) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("published").order(SortOrder.Desc).missing(FieldValue.of("_last")))));
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return sort;
    }
}
