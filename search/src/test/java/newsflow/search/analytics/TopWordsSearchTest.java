package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Significant text of a bounded sample, in the matches' main language, without that language's stop words. */
class TopWordsSearchTest {

    private static final String ANSWER = """
            {"took": 2, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
             "hits": {"total": {"value": 12, "relation": "eq"},
                      "hits": [{"_index": "articles-v1-2026.11", "_id": "a1", "_score": 1.0}]},
             "aggregations": {"sampler#sample": {"doc_count": 12,
               "sterms#language": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 2,
                 "buckets": [{"key": "fr", "doc_count": 10,
                   "sigsterms#words": {"doc_count": 10, "bg_count": 40, "buckets": [
                     {"key": "inondation", "doc_count": 8, "score": 3.5, "bg_count": 9},
                     {"key": "les", "doc_count": 10, "score": 1.2, "bg_count": 20},
                     {"key": "nou", "doc_count": 6, "score": 1.1, "bg_count": 12},
                     {"key": "digue", "doc_count": 4, "score": 0.9, "bg_count": 5},
                     {"key": "crue", "doc_count": 3, "score": 0.5, "bg_count": 4}]}}]}}}}
            """;

    @Test
    void theRequestSamplesTheBestMatchesOnceAndReadsTheBodyOfTheMainLanguage() {
        Query scope = Query.of(q -> q.match(m -> m.field("body").query("inondation")));
        JsonNode body = Json.read(JsonpUtils.toJsonString(TopWordsSearch.request(scope, "articles", "5000ms", 20, 150),
                EsResponses.MAPPER), JsonNode.class);

        assertThat(body.at("/query/match/body/query").asText()).isEqualTo("inondation");
        // the sample first: each sampled article is read once, not once per language bucket
        assertThat(body.at("/aggregations/sample/sampler/shard_size").asInt()).isEqualTo(150);
        JsonNode language = body.at("/aggregations/sample/aggregations/language");
        assertThat(language.at("/terms/field").asText()).isEqualTo("language");
        assertThat(language.at("/terms/size").asInt()).isEqualTo(1);
        JsonNode words = language.at("/aggregations/words/significant_text");
        assertThat(words.get("field").asText()).isEqualTo("body");
        assertThat(words.get("filter_duplicate_text").asBoolean()).isTrue();
        assertThat(words.get("size").asInt()).isEqualTo(20 + TopWordsSearch.STOP_WORD_MARGIN);
        assertThat(body.at("/_source").asBoolean(true)).isFalse();
    }

    @Test
    void theSampleIsSpreadOverTheShardsWithAFloorPerShard() {
        assertThat(TopWordsSearch.perShard(1000, 14)).isEqualTo(72);
        assertThat(TopWordsSearch.perShard(1000, 1)).isEqualTo(1000);
        assertThat(TopWordsSearch.perShard(1000, 0)).isEqualTo((1000 + TopWordsSearch.ASSUMED_SHARDS - 1) / TopWordsSearch.ASSUMED_SHARDS);
        assertThat(TopWordsSearch.perShard(50, 20)).isEqualTo(TopWordsSearch.MIN_PER_SHARD);
    }

    @Test
    void stopWordsOfTheLanguageAsTheIndexStoresThemAreDroppedAndTheListCut() {
        List<String> asked = new ArrayList<>();
        TopWords words = TopWordsSearch.result(EsResponses.searchResponse(ANSWER), 2, (lang, index) -> {
            asked.add(lang + " " + index);
            return Set.of("les", "nou");
        });

        assertThat(asked).containsExactly("fr articles-v1-2026.11");
        assertThat(words.language()).isEqualTo("fr");
        assertThat(words.words()).containsExactly(new TopWords.Word("inondation", "inondation", 3.5, 8, 9),
                new TopWords.Word("digue", "digue", 0.9, 4, 5));
    }

    @Test
    void nothingMatchedIsNoLanguageAndNoWords() {
        TopWords words = TopWordsSearch.result(EsResponses.searchResponse("""
                {"took": 1, "timed_out": true, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
                 "aggregations": {"sampler#sample": {"doc_count": 0,
                   "sterms#language": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []}}}}
                """), 20, (lang, index) -> {
            throw new AssertionError("no stop words needed");
        });

        assertThat(words.language()).isNull();
        assertThat(words.words()).isEmpty();
        assertThat(words.partial()).isTrue();
    }
}
