package newsflow.search.analytics;

import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A story's articles oldest first, bounded, with its first report, timeline and sources. */
class StorySearchTest {

    private static String answer(String last, String total) {
        return """
                {"took": 1, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": %s, "relation": "eq"}, "hits": [
                   {"_index": "a-2026.11", "_id": "p1", "_score": null, "_source": {"title": "Breakwater to close",
                     "url": "https://post.example/b", "source": "Harbour Post", "site_name": "The Harbour Post",
                     "published": "2026-11-24T08:00:00Z", "language": "en", "topics": ["transport"]}, "sort": [1, "p1"]},
                   {"_index": "a-2026.11", "_id": "t1", "_score": null, "_source": {"title": "Breakwater closes",
                     "url": "https://times.example/b", "source": "Coast Times", "published": "2026-11-24T11:30:00Z"}, "sort": [2, "t1"]}]},
                 "aggregations": {
                   "min#first": {"value": 1795507200000, "value_as_string": "2026-11-24T08:00:00.000Z"},
                   "max#last": {"value": %s},
                   "date_histogram#per_hour": {"buckets": [
                     {"key_as_string": "2026-11-24T08:00:00Z", "key": 1795507200000, "doc_count": 1},
                     {"key_as_string": "2026-11-24T11:00:00Z", "key": 1795518000000, "doc_count": 1}]},
                   "date_histogram#per_day": {"buckets": [
                     {"key_as_string": "2026-11-24T00:00:00Z", "key": 1795478400000, "doc_count": 2}]},
                   "sterms#sources": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                     {"key": "Coast Times", "doc_count": 1}, {"key": "Harbour Post", "doc_count": 1}]}}}
                """.formatted(total, last);
    }

    @Test
    void requestsTheStorysArticlesOldestFirstBoundedWithBothTimelines() {
        JsonNode body = Json.read(JsonpUtils.toJsonString(StorySearch.request("s1", "articles", "5000ms", 50),
                EsResponses.MAPPER), JsonNode.class);

        assertThat(body.at("/query/term/story_id/value").asText()).isEqualTo("s1");
        assertThat(body.get("size").asInt()).isEqualTo(50);
        assertThat(body.at("/sort/0/published/order").asText()).isEqualTo("asc");
        assertThat(body.at("/sort/0/published/missing").asText()).isEqualTo("_last");
        assertThat(body.at("/sort/1/id/order").asText()).isEqualTo("asc");
        assertThat(body.at("/_source/includes")).extracting(JsonNode::asText).doesNotContain("body");
        assertThat(body.at("/aggregations/per_hour/date_histogram/calendar_interval").asText()).isEqualTo("hour");
        assertThat(body.at("/aggregations/per_day/date_histogram/calendar_interval").asText()).isEqualTo("day");
        assertThat(body.at("/aggregations/per_day/date_histogram/min_doc_count").asInt()).isEqualTo(1);
    }

    @Test
    void aShortStoryHasAnHourlyTimelineAndItsFirstReport() {
        StoryView story = StorySearch.view("s1", EsResponses.searchResponse(answer("1795519800000", "2"))).orElseThrow();

        assertThat(story.size()).isEqualTo(2);
        assertThat(story.truncated()).isFalse();
        assertThat(story.first().id()).isEqualTo("p1");
        assertThat(story.first().siteName()).isEqualTo("The Harbour Post");
        assertThat(story.first().published()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(story.articles()).extracting(ArticleSummary::source).containsExactly("Harbour Post", "Coast Times");
        assertThat(story.interval()).isEqualTo("hour");
        assertThat(story.timeline()).containsExactly(new StoryView.DateCount("2026-11-24T08:00:00Z", 1),
                new StoryView.DateCount("2026-11-24T11:00:00Z", 1));
        assertThat(story.sources()).extracting(KeyCount::key).containsExactly("Coast Times", "Harbour Post");
        assertThat(Json.write(story.first())).contains("\"site_name\":\"The Harbour Post\"").doesNotContain("score");
    }

    @Test
    void aStoryLongerThanThreeDaysHasADailyTimelineAndALongOneIsMarkedTruncated() {
        // the last article four days after the first; the story has more articles than the two listed
        StoryView story = StorySearch.view("s1", EsResponses.searchResponse(answer("1795852800000", "9"))).orElseThrow();

        assertThat(story.interval()).isEqualTo("day");
        assertThat(story.timeline()).containsExactly(new StoryView.DateCount("2026-11-24T00:00:00Z", 2));
        assertThat(story.size()).isEqualTo(9);
        assertThat(story.truncated()).isTrue();
    }

    @Test
    void aStoryWithoutArticlesIsNotFound() {
        assertThat(StorySearch.view("nope", EsResponses.searchResponse("""
                {"took": 1, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
                """))).isEmpty();
    }
}
