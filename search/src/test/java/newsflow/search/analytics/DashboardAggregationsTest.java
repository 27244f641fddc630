package newsflow.search.analytics;

import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import newsflow.search.query.Filters;
import newsflow.search.query.QueryParser;
import newsflow.search.query.QueryTranslator;
import newsflow.search.query.SearchScope;
import newsflow.search.query.Sort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's Elasticsearch request (same scope as search, bounded aggregations) and how its answer is read. */
class DashboardAggregationsTest {

    private static SearchScope scope(String q, Filters filters) {
        var node = QueryParser.parse(q, newsflow.common.config.SearchConfig.DEFAULTS);
        return new SearchScope(node == null ? null : q, node, filters, Sort.defaultFor(node));
    }

    private static JsonNode json(SearchScope scope, Interval interval) {
        return Json.read(JsonpUtils.toJsonString(DashboardAggregations.build(scope, interval, "newsflow-articles", Duration.ofSeconds(5)),
                EsResponses.MAPPER), JsonNode.class);
    }

    @Test
    void usesTheSearchsScopeAndAsksForNoHits() {
        SearchScope scope = scope("ferry", new Filters(List.of("transport"), List.of(), List.of(), List.of(),
                Instant.parse("2026-11-01T00:00:00Z"), null));
        JsonNode body = json(scope, Interval.DAY);

        assertThat(body.get("size").asInt()).isZero();
        assertThat(body.get("query")).isEqualTo(Json.read(JsonpUtils.toJsonString(QueryTranslator.toEsQuery(scope), EsResponses.MAPPER), JsonNode.class));
        assertThat(body.at("/aggregations/over_time/date_histogram/calendar_interval").asText()).isEqualTo("day");
        assertThat(body.at("/aggregations/over_time/date_histogram/min_doc_count").asInt()).isEqualTo(1);
    }

    @Test
    void everyAggregationHasAFixedSize() {
        JsonNode aggs = json(SearchScope.EVERYTHING, Interval.WEEK).get("aggregations");

        assertThat(aggs.at("/topics/terms/size").asInt()).isEqualTo(DashboardAggregations.TOPIC_SERIES).isEqualTo(5);
        assertThat(aggs.at("/topics/aggregations/over_time/date_histogram/calendar_interval").asText()).isEqualTo("week");
        assertThat(aggs.at("/authors/terms/field").asText()).isEqualTo("authors");
        assertThat(aggs.at("/authors/terms/size").asInt()).isEqualTo(DashboardAggregations.AUTHORS);
        assertThat(aggs.at("/largest_stories/terms/size").asInt()).isEqualTo(DashboardAggregations.LARGEST_STORIES);
        assertThat(aggs.at("/largest_stories/aggregations/first/top_hits/size").asInt()).isEqualTo(1);
        assertThat(aggs.at("/story_sizes/terms/size").asInt()).isEqualTo(DashboardAggregations.STORY_SIZE_BUCKETS);
        assertThat(aggs.at("/story_sizes/terms/min_doc_count").asInt()).isEqualTo(2);
        assertThat(aggs.at("/stories/cardinality/field").asText()).isEqualTo("story_id");
    }

    @Test
    void readsTopicsOverTimeAuthorsAndStorySizes() {
        Dashboard d = DashboardAggregations.toDashboard(Interval.DAY, EsResponses.searchResponse(EsResponses.fixture("es-dashboard-response.json")));

        assertThat(d.total()).isEqualTo(6);
        assertThat(d.interval()).isEqualTo("day");
        assertThat(d.topics()).containsExactly("politics", "science");
        assertThat(d.overTime()).containsExactly(
                new Dashboard.Bucket("2026-11-02", 4, List.of(new KeyCount("politics", 3))),
                new Dashboard.Bucket("2026-11-03", 2, List.of(new KeyCount("science", 2))));
        assertThat(d.authors()).containsExactly(new KeyCount("Ada Lane", 2));
        assertThat(d.stories().distinct()).isEqualTo(4);
        assertThat(d.stories().largest()).containsExactly(new Dashboard.Story("s1", 3, "Dam breach", "Harbour Post"),
                new Dashboard.Story("s2", 1, "Ferry fares", "Coast Times"));
        // four stories: one of three articles, so three of one
        assertThat(d.stories().sizes()).containsExactly(new Dashboard.SizeCount(1, 3), new Dashboard.SizeCount(3, 1));
        assertThat(d.stories().complete()).isTrue();
    }
}
