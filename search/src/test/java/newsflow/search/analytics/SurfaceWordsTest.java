package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Top words as the articles write them: each stem's marked forms in the article that holds it best. */
class SurfaceWordsTest {

    private static final String S = SurfaceWords.START;
    private static final String E = SurfaceWords.END;

    @Test
    void eachStemsSearchFindsTheScopesBestArticleForItInTheLanguageAndMarksOnlyThatStem() {
        Query scope = Query.of(q -> q.match(m -> m.field("body").query("flood")));
        JsonNode body = Json.read(JsonpUtils.toJsonString(SurfaceWords.request(scope, "en", "sandbag", "5000ms"),
                EsResponses.MAPPER), JsonNode.class);

        assertThat(body.get("size").asInt()).isEqualTo(1);
        assertThat(body.get("timeout").asText()).isEqualTo("5000ms");
        assertThat(body.at("/_source").asBoolean(true)).isFalse();
        assertThat(body.at("/track_total_hits").asBoolean(true)).isFalse();
        JsonNode bool = body.at("/query/bool");
        assertThat(bool.at("/must/0/term/body/value").asText()).isEqualTo("sandbag");
        assertThat(bool.at("/filter/0/match/body/query").asText()).isEqualTo("flood");
        assertThat(bool.at("/filter/1/term/language/value").asText()).isEqualTo("en");
        JsonNode field = body.at("/highlight/fields/0/body");
        // only this stem is marked: every marked word is one of its forms
        assertThat(field.at("/highlight_query/term/body/value").asText()).isEqualTo("sandbag");
        assertThat(field.get("number_of_fragments").asInt()).isEqualTo(SurfaceWords.PASSAGES);
        assertThat(field.get("fragment_size").asInt()).isEqualTo(SurfaceWords.PASSAGE_CHARS);
        assertThat(field.get("boundary_scanner").asText()).isEqualTo("word");
        assertThat(field.get("max_analyzed_offset").asInt()).isEqualTo(SurfaceWords.MAX_ANALYZED_CHARS);
        assertThat(body.at("/highlight/pre_tags/0").asText()).isEqualTo(S);
        assertThat(body.at("/highlight/post_tags/0").asText()).isEqualTo(E);
    }

    @Test
    void theMarkedWordsAreReadFromEveryPassageWithoutThePossessive() {
        String answer = """
                {"took": 2, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"hits": [
                   {"_index": "articles-v2-2026.11", "_id": "a1", "_score": 2.0,
                    "highlight": {"body": ["%1$selections%2$s", "the %1$sCouncil's%2$s %1$selection%2$s", "%1$sunclosed"]}},
                   {"_index": "articles-v2-2026.11", "_id": "a2", "_score": 1.0, "highlight": {"body": ["%1$sSandbags%2$s"]}},
                   {"_index": "articles-v2-2026.11", "_id": "a3", "_score": 1.0}]}}
                """.formatted(S, E);

        assertThat(SurfaceWords.marked(EsResponses.searchResponse(answer)))
                .containsExactly("elections", "Council", "election", "Sandbags");
    }

    @Test
    void aStemIsShownAsItsMostFrequentFormInLowerCaseUnlessAlwaysCapitalised() {
        // "Elections" at a sentence's start counts as "elections": three of four
        assertThat(SurfaceWords.shown(List.of("elections", "Elections", "election", "elections"))).contains("elections");
        // once capitalised, once not: a word, not a name
        assertThat(SurfaceWords.shown(List.of("Sandbags", "sandbags"))).contains("sandbags");
        // always capitalised: a name, as written most often
        assertThat(SurfaceWords.shown(List.of("Harbour", "Harbour", "HARBOUR"))).contains("Harbour");
        assertThat(SurfaceWords.shown(List.of("NATO"))).contains("NATO");
        // the index folds it; the analyst reads the accent
        assertThat(SurfaceWords.shown(List.of("café", "cafe", "Café"))).contains("café");
    }

    @Test
    void aTieGoesToTheShorterFormAndNothingMarkedShowsNothing() {
        assertThat(SurfaceWords.shown(List.of("voters", "voter"))).contains("voter");
        assertThat(SurfaceWords.shown(List.of())).isEmpty();
    }

    @Test
    void theStemsFoundAreShownAsTheirFormsTheOthersAsTheyAre() {
        TopWords top = new TopWords("en", List.of(new TopWords.Word("elect", "elect", 2.0, 5, 9),
                new TopWords.Word("quay", "quay", 1.0, 2, 3)), false);

        TopWords shown = top.shownAs(Map.of("elect", "elections"), true);

        assertThat(shown.words()).containsExactly(new TopWords.Word("elections", "elect", 2.0, 5, 9),
                new TopWords.Word("quay", "quay", 1.0, 2, 3));
        assertThat(shown.partial()).isTrue();
        assertThat(shown.language()).isEqualTo("en");
    }
}
