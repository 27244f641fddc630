package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import newsflow.search.SearchService;

/** Matching articles per source, with each source's share of all matches: one terms aggregation. */
final class TopSourcesSearch {

    static final String AGG_SOURCES = "sources";

    private TopSourcesSearch() {
    }

    static SearchRequest request(Query scope, String alias, String timeout, int size) {
        return SearchRequest.of(s -> s
                .index(alias)
                .timeout(timeout)
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(scope)
                .aggregations(AGG_SOURCES, a -> a.terms(t -> t.field("source").size(size))));
    }

    static TopSources result(SearchResponse<?> response) {
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new TopSources(total, AggBuckets.terms(response.aggregations().get(AGG_SOURCES)).stream()
                .map(k -> new TopSources.Share(k.key(), k.count(), total == 0 ? 0 : (double) k.count() / total))
                .toList(), SearchService.isPartial(response));
    }
}
