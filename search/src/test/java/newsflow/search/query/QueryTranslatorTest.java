package newsflow.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.SearchConfig;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each construct of the language becomes in Elasticsearch's query DSL. */
class QueryTranslatorTest {

    private static JsonNode json(Query query) {
        return Json.read(JsonpUtils.toJsonString(query, EsResponses.MAPPER), JsonNode.class);
    }

    private static JsonNode translate(String q) {
        return json(QueryTranslator.toEsQuery(QueryParser.parse(q, SearchConfig.DEFAULTS)));
    }

    @Test
    void aWordSearchesTheTextFieldsWithEveryPartRequired() {
        JsonNode mm = translate("e-mail").get("multi_match");
        assertThat(mm.get("query").asText()).isEqualTo("e-mail");
        assertThat(mm.get("fields")).extracting(JsonNode::asText).containsExactlyElementsOf(QueryTranslator.TEXT_FIELDS);
        assertThat(mm.get("operator").asText()).isEqualToIgnoringCase("and");
        assertThat(mm.get("zero_terms_query").asText()).as("a stop word alone must not empty the result").isEqualTo("all");
    }

    @Test
    void fieldsNarrowTheTextFieldsOrMatchKeywordsExactly() {
        assertThat(translate("title:flood").at("/multi_match/fields")).extracting(JsonNode::asText).containsExactly("title^3");
        assertThat(translate("body:flood").at("/multi_match/fields")).extracting(JsonNode::asText).containsExactly("body");
        assertThat(translate("author:kaminski").at("/match/authors.text/query").asText()).isEqualTo("kaminski");
        JsonNode source = translate("source:\"Coast Times\"").at("/term/source");
        assertThat(source.get("value").asText()).isEqualTo("Coast Times");
        assertThat(source.get("case_insensitive").asBoolean()).isTrue();
        assertThat(translate("topic:politics").at("/term/topics/value").asText()).isEqualTo("politics");
        assertThat(translate("lang:EN").at("/term/language/value").asText()).isEqualTo("en");
    }

    @Test
    void subFieldsOfTheTextFieldsBelongToTheirField() {
        assertThat(QueryTranslator.textFields(Field.ANY)).isEqualTo(QueryTranslator.TEXT_FIELDS);
        assertThat(QueryTranslator.textFields(Field.TITLE)).allMatch(f -> f.startsWith("title"));
    }

    @Test
    void phrasesArePhraseQueries() {
        JsonNode mm = translate("\"sea wall\"").get("multi_match");
        assertThat(mm.get("type").asText()).isEqualTo("phrase");
        assertThat(mm.get("query").asText()).isEqualTo("sea wall");
        assertThat(translate("author:\"ruth kaminski\"").at("/match_phrase/authors.text/query").asText()).isEqualTo("ruth kaminski");
    }

    @Test
    void prefixesGoThroughTheAnalyzerWithBoundedExpansion() {
        JsonNode mm = translate("wat*").get("multi_match");
        assertThat(mm.get("type").asText()).isEqualTo("phrase_prefix");
        assertThat(mm.get("query").asText()).isEqualTo("wat");
        assertThat(mm.get("max_expansions").asInt()).isEqualTo(QueryTranslator.PREFIX_EXPANSIONS);
        JsonNode source = translate("source:coast*").at("/prefix/source");
        assertThat(source.get("value").asText()).isEqualTo("coast");
        assertThat(source.get("case_insensitive").asBoolean()).isTrue();
    }

    @Test
    void booleanStructure() {
        JsonNode and = translate("flood -storm NOT title:sea").get("bool");
        assertThat(and.get("must")).hasSize(1);
        assertThat(and.at("/must/0/multi_match/query").asText()).isEqualTo("flood");
        assertThat(and.get("must_not")).hasSize(2);
        assertThat(and.at("/must_not/0/multi_match/query").asText()).isEqualTo("storm");
        assertThat(and.at("/must_not/1/multi_match/fields/0").asText()).isEqualTo("title^3");

        JsonNode or = translate("flood OR (storm surge)").get("bool");
        assertThat(or.get("should")).hasSize(2);
        assertThat(or.get("minimum_should_match").asText()).isEqualTo("1");
        assertThat(or.at("/should/1/bool/must")).hasSize(2);

        JsonNode onlyNot = translate("-storm").get("bool");
        assertThat(onlyNot.get("must_not")).hasSize(1);
        assertThat(onlyNot.has("must")).isFalse();
    }

    @Test
    void filtersAreExactAndAnyOfWithinAParameter() {
        Filters filters = new Filters(List.of("transport", "local"), List.of("Harbour Gazette"), List.of("en"),
                List.of("Mara Lind"), Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        JsonNode bool = json(QueryTranslator.toEsQuery(QueryParser.parse("ferry", SearchConfig.DEFAULTS), filters)).get("bool");

        assertThat(bool.at("/must/0/multi_match/query").asText()).isEqualTo("ferry");
        JsonNode f = bool.get("filter");
        assertThat(f).hasSize(5);
        assertThat(f.get(0).at("/terms/topics")).extracting(JsonNode::asText).containsExactly("transport", "local");
        assertThat(f.get(1).at("/term/source/value").asText()).isEqualTo("Harbour Gazette");
        assertThat(f.get(2).at("/term/language/value").asText()).isEqualTo("en");
        assertThat(f.get(3).at("/term/authors/value").asText()).isEqualTo("Mara Lind");
        assertThat(f.get(4).at("/range/published/gte").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(f.get(4).at("/range/published/lt").asText()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void filtersOnlyIgnoresTheQueryAndNoFiltersIsEverything() {
        Filters filters = new Filters(List.of("transport"), null, null, null, null, null);
        JsonNode only = json(QueryTranslator.filtersOnly(filters)).get("bool");
        assertThat(only.at("/must/0/match_all").isObject()).isTrue();
        assertThat(only.at("/filter/0/term/topics/value").asText()).isEqualTo("transport");

        assertThat(json(QueryTranslator.filtersOnly(Filters.NONE)).has("match_all")).isTrue();
        assertThat(json(QueryTranslator.toEsQuery(null, Filters.NONE)).has("match_all")).isTrue();
    }
}
