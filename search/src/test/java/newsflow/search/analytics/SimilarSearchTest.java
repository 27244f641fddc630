package newsflow.search.analytics;

import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** More-like-this on the stored article, its own story left out. */
class SimilarSearchTest {

    @Test
    void theLookupFindsTheArticlesIndexAndStory() {
        SimilarSearch.Origin origin = SimilarSearch.origin(EsResponses.searchResponse("""
                {"took": 1, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 1, "relation": "eq"}, "hits": [
                   {"_index": "articles-v1-2026.11", "_id": "a1", "_score": 1.0, "_source": {"story_id": "s9", "language": "en"}}]}}
                """));

        assertThat(origin).isEqualTo(new SimilarSearch.Origin("articles-v1-2026.11", "s9", "en"));
        assertThat(SimilarSearch.origin(EsResponses.searchResponse("""
                {"took": 1, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
                """))).isNull();
    }

    @Test
    void likesTheStoredDocumentOnTitleAndBodyAndExcludesItsStory() {
        JsonNode body = Json.read(JsonpUtils.toJsonString(SimilarSearch.request("a1",
                new SimilarSearch.Origin("articles-v1-2026.11", "s9", "en"), "articles", "5000ms", 7), EsResponses.MAPPER), JsonNode.class);

        JsonNode mlt = body.at("/query/bool/must/0/more_like_this");
        assertThat(mlt.get("fields")).extracting(JsonNode::asText).containsExactly("title", "body");
        assertThat(mlt.at("/like/0/_index").asText()).isEqualTo("articles-v1-2026.11");
        assertThat(mlt.at("/like/0/_id").asText()).isEqualTo("a1");
        assertThat(mlt.get("min_term_freq").asInt()).isEqualTo(1);
        assertThat(mlt.get("stop_words")).extracting(JsonNode::asText).contains("the", "would");
        JsonNode excluded = body.at("/query/bool/must_not");
        assertThat(excluded.get(0).at("/ids/values/0").asText()).isEqualTo("a1");
        assertThat(excluded.get(1).at("/term/story_id/value").asText()).isEqualTo("s9");
        assertThat(body.get("size").asInt()).isEqualTo(7);
    }

    @Test
    void anArticleWithoutStoryOrKnownLanguageExcludesOnlyItself() {
        JsonNode body = Json.read(JsonpUtils.toJsonString(SimilarSearch.request("a1",
                new SimilarSearch.Origin("i", null, "und"), "articles", "5000ms", 7), EsResponses.MAPPER), JsonNode.class);

        assertThat(body.at("/query/bool/must_not")).hasSize(1);
        assertThat(body.at("/query/bool/must/0/more_like_this/stop_words").isMissingNode()).isTrue();
    }

    @Test
    void theHitsBecomeSummariesWithTheirScoreBestFirst() {
        SimilarArticles similar = SimilarSearch.result(EsResponses.searchResponse("""
                {"took": 1, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 2, "relation": "eq"}, "hits": [
                   {"_index": "i", "_id": "b2", "_score": 4.5, "_source": {"title": "Pier repairs", "source": "Coast Times"}},
                   {"_index": "i", "_id": "c3", "_score": 2.0, "_source": {"title": "Harbour dues", "source": "Harbour Post"}}]}}
                """));

        assertThat(similar.articles()).extracting(ArticleSummary::id, ArticleSummary::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b2", 4.5), org.assertj.core.groups.Tuple.tuple("c3", 2.0));
    }
}
