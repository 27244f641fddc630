package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one request of an attention query, and its answer read back into series. */
class AttentionSearchTest {

    private static final Query FLOOD = Query.of(q -> q.match(m -> m.field("body").query("flood")));
    private static final Query STORM = Query.of(q -> q.match(m -> m.field("body").query("storm")));
    private static final Query SCOPE = Query.of(q -> q.term(t -> t.field("language").value("en")));

    private static AttentionQuery query(int top) {
        return new AttentionQuery(List.of("flood", "storm"), List.of(FLOOD, STORM), SCOPE, Interval.DAY,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-04T00:00:00Z"), top);
    }

    private static JsonNode json(AttentionQuery a) {
        return Json.read(JsonpUtils.toJsonString(AttentionSearch.request(a, "articles", "5000ms"), EsResponses.MAPPER), JsonNode.class);
    }

    @Test
    void oneSearchOverTheScopeWithATotalHistogramAndOneFilterBucketPerQuery() {
        JsonNode body = json(query(0));

        assertThat(body.get("size").asInt()).isZero();
        assertThat(body.at("/query/term/language/value").asText()).isEqualTo("en");
        JsonNode total = body.at("/aggregations/total/date_histogram");
        assertThat(total.get("calendar_interval").asText()).isEqualTo("day");
        assertThat(total.get("min_doc_count").asInt()).isZero();
        assertThat(total.at("/extended_bounds/min").asText()).isEqualTo("2026-11-01");
        // "to" is exclusive: the last bucket is the day before it
        assertThat(total.at("/extended_bounds/max").asText()).isEqualTo("2026-11-03");
        assertThat(total.get("time_zone").asText()).isEqualTo("UTC");
        JsonNode filters = body.at("/aggregations/queries/filters/filters");
        assertThat(filters).hasSize(2);
        assertThat(filters.get(0).at("/match/body/query").asText()).isEqualTo("flood");
        assertThat(filters.get(1).at("/match/body/query").asText()).isEqualTo("storm");
        assertThat(body.at("/aggregations/queries/aggregations/per_date/date_histogram"))
                .isEqualTo(total);
        assertThat(body.at("/aggregations/queries/aggregations/per_date/aggregations").isMissingNode()).isTrue();
    }

    @Test
    void splitBySourceAddsTheTopSourcesUnderEachQuerysBuckets() {
        JsonNode body = json(query(3));

        JsonNode sources = body.at("/aggregations/queries/aggregations/per_date/aggregations/sources/terms");
        assertThat(sources.get("field").asText()).isEqualTo("source");
        assertThat(sources.get("size").asInt()).isEqualTo(3);
        assertThat(body.at("/aggregations/total/aggregations").isMissingNode()).isTrue();
    }

    @Test
    void seriesHaveEveryBucketWithCountTotalAndRatio() {
        AttentionResult result = AttentionSearch.result(query(2), EsResponses.searchResponse("""
                {"took": 2, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 8, "relation": "eq"}, "hits": []},
                 "aggregations": {
                   "date_histogram#total": {"buckets": [
                     {"key_as_string": "2026-11-01", "key": 1793491200000, "doc_count": 4},
                     {"key_as_string": "2026-11-02", "key": 1793577600000, "doc_count": 0},
                     {"key_as_string": "2026-11-03", "key": 1793664000000, "doc_count": 4}]},
                   "filters#queries": {"buckets": [
                     {"doc_count": 3, "date_histogram#per_date": {"buckets": [
                       {"key_as_string": "2026-11-01", "key": 1793491200000, "doc_count": 1,
                        "sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                                           "buckets": [{"key": "Coast Times", "doc_count": 1}]}},
                       {"key_as_string": "2026-11-02", "key": 1793577600000, "doc_count": 0,
                        "sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []}},
                       {"key_as_string": "2026-11-03", "key": 1793664000000, "doc_count": 2,
                        "sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
                                           "buckets": [{"key": "Harbour Post", "doc_count": 2}]}}]}},
                     {"doc_count": 0, "date_histogram#per_date": {"buckets": [
                       {"key_as_string": "2026-11-01", "key": 1793491200000, "doc_count": 0,
                        "sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []}},
                       {"key_as_string": "2026-11-02", "key": 1793577600000, "doc_count": 0,
                        "sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []}},
                       {"key_as_string": "2026-11-03", "key": 1793664000000, "doc_count": 0,
                        "sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []}}]}}]}}}
                """));

        assertThat(result.interval()).isEqualTo("day");
        assertThat(result.partial()).isFalse();
        assertThat(result.series()).extracting(AttentionResult.Series::query).containsExactly("flood", "storm");
        assertThat(result.series().get(0).buckets()).containsExactly(
                new AttentionResult.Bucket("2026-11-01", 1, 4, 0.25),
                new AttentionResult.Bucket("2026-11-02", 0, 0, 0),
                new AttentionResult.Bucket("2026-11-03", 2, 4, 0.5));
        assertThat(result.series().get(1).buckets()).extracting(AttentionResult.Bucket::count).containsExactly(0L, 0L, 0L);
        assertThat(result.sources().get(0).buckets().get(2).sources()).containsExactly(new KeyCount("Harbour Post", 2));
        assertThat(result.sources().get(1).buckets()).allSatisfy(b -> assertThat(b.sources()).isEmpty());
    }

    @Test
    void withoutAnIndexEveryBucketOfTheRangeIsZero() {
        AttentionQuery everything = new AttentionQuery(Arrays.asList((String) null), List.of(FLOOD), SCOPE, Interval.DAY,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-04T00:00:00Z"), 0);

        AttentionResult result = AttentionSearch.empty(everything);

        assertThat(result.series()).hasSize(1);
        assertThat(result.series().getFirst().query()).isNull();
        assertThat(result.series().getFirst().buckets()).extracting(AttentionResult.Bucket::date)
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
        assertThat(result.sources()).isNull();
        assertThat(Json.write(result)).doesNotContain("\"query\"").doesNotContain("\"sources\"");
    }
}
