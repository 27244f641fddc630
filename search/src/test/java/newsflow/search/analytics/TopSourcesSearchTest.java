package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopSourcesSearchTest {

    @Test
    void countsMatchesPerSourceWithTheExactTotal() {
        JsonNode body = Json.read(JsonpUtils.toJsonString(TopSourcesSearch.request(
                Query.of(q -> q.matchAll(m -> m)), "articles", "5000ms", 7), EsResponses.MAPPER), JsonNode.class);

        assertThat(body.get("size").asInt()).isZero();
        assertThat(body.get("track_total_hits").asBoolean()).isTrue();
        assertThat(body.at("/aggregations/sources/terms/field").asText()).isEqualTo("source");
        assertThat(body.at("/aggregations/sources/terms/size").asInt()).isEqualTo(7);
    }

    @Test
    void eachSourceGetsItsShareOfAllMatches() {
        TopSources sources = TopSourcesSearch.result(EsResponses.searchResponse("""
                {"took": 1, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 8, "relation": "eq"}, "hits": []},
                 "aggregations": {"sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 1,
                   "buckets": [{"key": "Harbour Post", "doc_count": 4}, {"key": "Coast Times", "doc_count": 3}]}}}
                """));

        assertThat(sources.total()).isEqualTo(8);
        assertThat(sources.sources()).containsExactly(new TopSources.Share("Harbour Post", 4, 0.5),
                new TopSources.Share("Coast Times", 3, 0.375));
    }
}
