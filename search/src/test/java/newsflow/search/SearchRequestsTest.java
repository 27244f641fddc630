package newsflow.search;

import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import newsflow.search.query.Filters;
import newsflow.search.query.TopicFilter;
import newsflow.search.query.Sort;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchRequestsTest {

    private static JsonNode json(SearchQuery query) {
        String text = JsonpUtils.toJsonString(SearchRequests.build(query, "newsflow-articles", java.time.Duration.ofSeconds(5)), EsResponses.MAPPER);
        return Json.read(text, JsonNode.class);
    }

    @Test
    void emptyQueryMatchesAllNewestFirst() {
        JsonNode body = json(SearchQuery.text("  "));

        assertThat(body.at("/query/match_all").isObject()).isTrue();
        assertThat(body.at("/sort/0/published/order").asText()).isEqualTo("desc");
        assertThat(body.at("/sort/0/published/missing").asText()).isEqualTo("_last");
        assertThat(body.at("/sort/1/id/order").asText()).isEqualTo("asc");
        assertThat(body.get("sort")).hasSize(2);
        assertThat(body.get("size").asInt()).isEqualTo(10);
    }

    @Test
    void textQuerySearchesBoostedFieldsAndSortsByScore() {
        JsonNode body = json(SearchQuery.text("ferry \"night line\""));

        assertThat(body.at("/query/bool/must/0/multi_match/query").asText()).isEqualTo("ferry");
        assertThat(body.at("/query/bool/must/1/multi_match/query").asText()).isEqualTo("night line");
        assertThat(body.at("/sort/0/_score/order").asText()).isEqualTo("desc");
        assertThat(body.at("/sort/1/published/order").asText()).isEqualTo("desc");
        assertThat(body.get("sort")).hasSize(3);
    }

    @Test
    void filtersAreBesideTheTextQuery() {
        Filters filters = new Filters(List.of("transport"), List.of("Harbour Gazette"), List.of("en"), List.of(),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        JsonNode body = json(new SearchQuery(SearchQuery.text("ferry").scope().withFilters(filters)));

        assertThat(body.at("/query/bool/must/0/multi_match/query").asText()).isEqualTo("ferry");
        assertThat(body.at("/query/bool/filter")).hasSize(4);
    }

    @Test
    void sortOrders() {
        JsonNode newest = json(new SearchQuery(SearchQuery.text("ferry").scope().withSort(Sort.NEWEST)));
        assertThat(newest.get("sort")).hasSize(2);
        assertThat(newest.at("/sort/0/published/order").asText()).isEqualTo("desc");
        JsonNode oldest = json(new SearchQuery(SearchQuery.text("ferry").scope().withSort(Sort.OLDEST)));
        assertThat(oldest.at("/sort/0/published/order").asText()).isEqualTo("asc");
        assertThat(oldest.at("/sort/1/id/order").asText()).isEqualTo("asc");
        JsonNode relevance = json(new SearchQuery(SearchQuery.text("").scope().withSort(Sort.RELEVANCE)));
        assertThat(relevance.at("/sort/0/_score/order").asText()).isEqualTo("desc");
    }

    @Test
    void asksForHighlightsFacetsAndNoBody() {
        JsonNode body = json(SearchQuery.text("ferry"));

        assertThat(body.at("/highlight/encoder").asText()).isEqualTo("html");
        assertThat(body.at("/highlight/fields").toString()).contains("title").contains("body");
        assertThat(body.at("/aggregations/topics").isMissingNode()).as("no facet mixing the taxonomies").isTrue();
        assertThat(body.at("/aggregations/operator_topics/terms/field").asText()).isEqualTo("operator_topics");
        assertThat(body.at("/aggregations/watch_topics/terms/field").asText()).isEqualTo("watch_topics");
        assertThat(body.at("/aggregations/model_topics/terms/field").asText()).isEqualTo("model_topics");
        assertThat(body.at("/aggregations/sources/terms/field").asText()).isEqualTo("source");
        assertThat(body.at("/aggregations/languages/terms/field").asText()).isEqualTo("language");
        assertThat(body.at("/aggregations/authors/terms/field").asText()).isEqualTo("authors");
        assertThat(body.at("/aggregations/per_day/date_histogram/field").asText()).isEqualTo("published");
        assertThat(body.at("/aggregations/per_day/date_histogram/calendar_interval").asText()).isEqualTo("day");
        assertThat(body.at("/_source/includes")).extracting(JsonNode::asText)
                .as("only the fields a hit shows: no body, no language copies, no topic scores")
                .containsExactlyInAnyOrderElementsOf(SearchRequests.HIT_FIELDS);
        assertThat(body.get("track_total_hits").asBoolean()).isTrue();
    }

    @Test
    void iptcFacetKeepsEachCodeWithItsOwnLabelAndParent() {
        JsonNode iptc = json(SearchQuery.text("ferry")).at("/aggregations/iptc");

        assertThat(iptc.at("/nested/path").asText()).isEqualTo("topic_scores");
        JsonNode withCode = iptc.at("/aggregations/with_code");
        assertThat(withCode.at("/filter/exists/field").asText()).isEqualTo("topic_scores.code");
        JsonNode codes = withCode.at("/aggregations/codes");
        assertThat(codes.at("/terms/field").asText()).isEqualTo("topic_scores.code");
        assertThat(codes.at("/aggregations/label/terms/field").asText()).isEqualTo("topic_scores.name");
        assertThat(codes.at("/aggregations/parent/terms/field").asText()).isEqualTo("topic_scores.parent");
        assertThat(codes.at("/aggregations/articles/reverse_nested").isObject()).isTrue();
    }

    @Test
    void anIptcCodeFiltersOnTheTopicAndEverythingBelowIt() {
        JsonNode filter = json(new SearchQuery(SearchQuery.text("").scope().withFilters(
                new Filters(List.of("MEDTOP:13000000"), List.of(), List.of(), List.of(), null, null))))
                .at("/query/bool/filter/0/bool");

        assertThat(filter.at("/should/0/term/iptc.code/value").asText()).isEqualTo("medtop:13000000");
        assertThat(filter.at("/should/1/term/iptc.parent/value").asText()).isEqualTo("medtop:13000000");
        assertThat(filter.at("/minimum_should_match").asText()).isEqualTo("1");
    }

    @Test
    void anyOtherTopicIsANameInTheUnionOfTaxonomies() {
        JsonNode filter = json(new SearchQuery(SearchQuery.text("").scope().withFilters(
                new Filters(List.of("science and technology"), List.of(), List.of(), List.of(), null, null))))
                .at("/query/bool/filter/0");

        assertThat(filter.at("/term/topics/value").asText()).isEqualTo("science and technology");
        assertThat(TopicFilter.isIptcCode("medtop:2000076")).as("seven digits").isFalse();
        assertThat(TopicFilter.isIptcCode("sport")).isFalse();
    }

    @Test
    void cursorBecomesSearchAfter() {
        String cursor = Cursor.encode(java.util.List.of(
                co.elastic.clients.elasticsearch._types.FieldValue.of(2.5),
                co.elastic.clients.elasticsearch._types.FieldValue.of(1793693700000L),
                co.elastic.clients.elasticsearch._types.FieldValue.of("a1")));

        JsonNode body = json(SearchQuery.text("ferry").withSearchAfter(cursor));

        assertThat(body.get("search_after").toString()).isEqualTo("[2.5,1793693700000,\"a1\"]");
    }

    @Test
    void cursorOfAnotherSortIsRefused() {
        String dateSortCursor = Cursor.encode(java.util.List.of(
                co.elastic.clients.elasticsearch._types.FieldValue.of(1793693700000L),
                co.elastic.clients.elasticsearch._types.FieldValue.of("a1")));

        assertThatThrownBy(() -> SearchRequests.build(SearchQuery.text("ferry").withSearchAfter(dateSortCursor), "x", java.time.Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to this query");
        assertThatThrownBy(() -> SearchRequests.build(SearchQuery.text("ferry").withSearchAfter("%%%"), "x", java.time.Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a cursor");
    }

    @Test
    void collapsingByStoryKeepsOneHitPerStoryWithTheOthersAsInnerHits() {
        JsonNode body = json(SearchQuery.text("ferry").collapsed());

        assertThat(body.at("/collapse/field").asText()).isEqualTo("story_id");
        assertThat(body.at("/collapse/inner_hits/0/name").asText()).isEqualTo(SearchRequests.INNER_ALSO);
        assertThat(body.at("/collapse/inner_hits/0/size").asInt()).isEqualTo(SearchRequests.ALSO_REPORTED);
        assertThat(json(SearchQuery.text("ferry")).has("collapse")).isFalse();
    }
}
