package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Top words as the articles write them: the stems' marked forms, paired with their stems by the index's analyzer. */
class SurfaceWordsTest {

    private static final String S = SurfaceWords.START;
    private static final String E = SurfaceWords.END;

    @Test
    void theRequestRanksTheScopesArticlesInTheLanguageRareStemsFirstAndMarksTheStemsInShortPassages() {
        Query scope = Query.of(q -> q.match(m -> m.field("body").query("flood")));
        List<TopWords.Word> words = List.of(new TopWords.Word("sandbag", "sandbag", 2.0, 4, 9),
                new TopWords.Word("elect", "elect", 1.0, 1, 3));
        JsonNode body = Json.read(JsonpUtils.toJsonString(SurfaceWords.request(scope, "en", words, "articles", "5000ms"),
                EsResponses.MAPPER), JsonNode.class);

        assertThat(body.get("size").asInt()).isEqualTo(SurfaceWords.ARTICLES);
        assertThat(body.at("/_source").asBoolean(true)).isFalse();
        assertThat(body.at("/track_total_hits").asBoolean(true)).isFalse();
        JsonNode bool = body.at("/query/bool");
        assertThat(bool.at("/filter/0/match/body/query").asText()).isEqualTo("flood");
        assertThat(bool.at("/filter/1/term/language/value").asText()).isEqualTo("en");
        // 1 / count per stem an article contains: the few articles holding a rare stem first
        assertThat(bool.get("should")).hasSize(2);
        assertThat(bool.at("/should/0/constant_score/boost").asDouble()).isEqualTo(0.25);
        assertThat(bool.at("/should/1/constant_score/filter/term/body/value").asText()).isEqualTo("elect");
        assertThat(bool.at("/should/1/constant_score/boost").asDouble()).isEqualTo(1.0);
        assertThat(bool.get("minimum_should_match").asText()).isEqualTo("1");
        JsonNode field = body.at("/highlight/fields/0/body");
        assertThat(field.at("/highlight_query/terms/body")).extracting(JsonNode::asText).containsExactly("sandbag", "elect");
        assertThat(field.get("number_of_fragments").asInt()).isEqualTo(SurfaceWords.PASSAGES);
        assertThat(field.get("boundary_scanner").asText()).isEqualTo("word");
        assertThat(field.get("max_analyzed_offset").asInt()).isEqualTo(SurfaceWords.MAX_ANALYZED_CHARS);
        assertThat(body.at("/highlight/pre_tags/0").asText()).isEqualTo(S);
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
    void eachStemIsShownAsItsMostFrequentFormInLowerCaseUnlessAlwaysCapitalised() {
        List<String> marked = List.of("elections", "Elections", "election", "elections", "Sandbags", "sandbags",
                "Harbour", "Harbour", "HARBOUR", "NATO", "café", "cafe", "Café");
        Map<String, String> termOf = Map.of("elections", "elect", "election", "elect", "sandbags", "sandbag",
                "harbour", "harbour", "nato", "nato", "café", "cafe", "cafe", "cafe");

        Map<String, String> shown = SurfaceWords.shown(marked, termOf, Set.of("elect", "sandbag", "harbour", "nato", "cafe"));

        assertThat(shown).containsExactlyInAnyOrderEntriesOf(Map.of(
                "elect", "elections",      // three of four; "Elections" at a sentence's start counts as "elections"
                "sandbag", "sandbags",     // once capitalised, once not: a word, not a name
                "harbour", "Harbour",      // always capitalised: a name, as written most often
                "nato", "NATO",
                "cafe", "café"));          // the index folds it; the analyst reads the accent
    }

    @Test
    void aTieGoesToTheShorterFormAndAWordOfNoListedStemIsIgnored() {
        Map<String, String> shown = SurfaceWords.shown(List.of("voters", "voter", "ferry"),
                Map.of("voters", "voter", "voter", "voter", "ferry", "ferri"), Set.of("voter"));

        assertThat(shown).containsExactlyEntriesOf(Map.of("voter", "voter"));
    }

    @Test
    void theFormsAskedForAreDistinctLowerCaseAndBounded() {
        assertThat(SurfaceWords.forms(List.of("Elections", "elections", "Sandbags"))).containsExactly("elections", "sandbags");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < SurfaceWords.MAX_FORMS + 50; i++) {
            many.add("w" + i);
        }
        assertThat(SurfaceWords.forms(many)).hasSize(SurfaceWords.MAX_FORMS).startsWith("w0").endsWith("w" + (SurfaceWords.MAX_FORMS - 1));
    }

    @Test
    void formsArePairedWithTermsOneEachOrNotAtAll() {
        assertThat(SurfaceWords.termsOf(List.of("elections", "sandbags"), List.of("elect", "sandbag")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("elections", "elect", "sandbags", "sandbag"));
        // a word analysed into no term or two: the pairs cannot be told apart, none is made
        assertThat(SurfaceWords.termsOf(List.of("elections", "sandbags"), List.of("elect"))).isEmpty();
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
