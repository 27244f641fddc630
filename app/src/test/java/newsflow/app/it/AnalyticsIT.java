package newsflow.app.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.config.SearchConfig;
import newsflow.common.json.Json;
import newsflow.common.text.StopWords;
import newsflow.index.document.ArticleDocument;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.ArticleIndex;
import newsflow.index.schema.IndexNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics endpoints against the real Elasticsearch node: nine fixture articles with known dates, sources,
 * languages and stories are written straight into the run's index (with the index stage's template), then the
 * search stage answers attention, top sources, top words, a story and similar articles over HTTP.
 *
 * <p>The fixtures, 3 to 6 March 2025 (nothing on the 5th): four English flood articles (three of story
 * {@code s-flood}: Harbour Post and Coast Times on the 3rd, Valley News on the 4th; one of story
 * {@code s-farms}, Valley News on the 6th), all saying "sandbags" and, unlike every other article, "would" and
 * "their"; four other English articles (a ferry timetable on the 3rd among them); one French article on the 6th.
 */
class AnalyticsIT {

    private static final String RANGE = "&from=2025-03-03&to=2025-03-06";
    private static final int STORY_ARTICLES = 2;

    private static NewsflowConfig config;
    private static Pipeline pipeline;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void indexFixturesAndStartSearch() throws IOException {
        NewsflowConfig isolated = IsolatedRun.config("analytics", List.of());
        SearchConfig s = isolated.search();
        // a story view lists two articles at most here, so the three of s-flood prove the bound
        config = isolated.withSearch(new SearchConfig(s.maxQueryLength(), s.maxTerms(), s.maxWildcardTerms(), s.timeout(),
                s.maxConcurrent(), s.maxQueryDepth(), s.exportMaxRows(), s.maxCompareQueries(), s.maxAttentionBuckets(),
                STORY_ARTICLES, s.topWordsSample()));
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            ArticleIndex index = new ArticleIndex(es, config.elasticsearch());
            index.ensure();
            IndexNames names = index.names();
            for (ArticleDocument doc : fixtures()) {
                es.index(i -> i.index(names.forMonth(doc.published())).id(doc.id()).document(doc));
            }
            es.indices().refresh(r -> r.index(config.elasticsearch().index()));
        }
        pipeline = new Pipeline(config, EnumSet.of(StageName.SEARCH)).start();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void attentionCountsEachQueryAgainstTheTotalOfTheScopePerDayEmptyDaysIncluded() throws Exception {
        JsonNode body = getOk("/api/attention?q=flood&q=ferry&interval=day&lang=en" + RANGE);

        assertThat(body.get("interval").asText()).isEqualTo("day");
        JsonNode flood = body.at("/series/0");
        assertThat(flood.get("query").asText()).isEqualTo("flood");
        assertThat(buckets(flood)).containsExactly(
                "2025-03-03 2/4 0.5", "2025-03-04 1/2 0.5", "2025-03-05 0/0 0.0", "2025-03-06 1/2 0.5");
        JsonNode ferry = body.at("/series/1");
        assertThat(ferry.get("query").asText()).isEqualTo("ferry");
        assertThat(buckets(ferry)).containsExactly(
                "2025-03-03 1/4 0.25", "2025-03-04 0/2 0.0", "2025-03-05 0/0 0.0", "2025-03-06 0/2 0.0");
        assertThat(body.has("sources")).isFalse();

        // without the language filter the French article counts in the total of the 6th
        JsonNode everyLanguage = getOk("/api/attention?q=flood" + RANGE);
        assertThat(buckets(everyLanguage.at("/series/0")).get(3)).isEqualTo("2025-03-06 1/3 0.3333333333333333");
        // no q: one series of everything in scope
        JsonNode everything = getOk("/api/attention?lang=en&interval=week" + RANGE);
        assertThat(everything.at("/series/0").has("query")).isFalse();
        assertThat(buckets(everything.at("/series/0"))).containsExactly("2025-03-03 8/8 1.0");
    }

    @Test
    void attentionSplitBySourceListsTheTopSourcesOfEachBucket() throws Exception {
        JsonNode body = getOk("/api/attention?q=flood&split=source&top=2" + RANGE);

        JsonNode days = body.at("/sources/0/buckets");
        assertThat(body.at("/sources/0/query").asText()).isEqualTo("flood");
        assertThat(days).hasSize(4);
        assertThat(sources(days.get(0))).containsExactlyInAnyOrder("Harbour Post 1", "Coast Times 1");
        assertThat(sources(days.get(1))).containsExactly("Valley News 1");
        assertThat(sources(days.get(2))).isEmpty();
    }

    @Test
    void attentionLimitsAreClear400s() throws Exception {
        HttpResponse<String> tooMany = get("/api/attention?q=a&q=b&q=c&q=d&q=e&q=f" + RANGE);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("limit").asText()).isEqualTo("search.maxCompareQueries");

        HttpResponse<String> tooLong = get("/api/attention?q=flood&interval=day&from=2000-01-01&to=2025-03-06");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("limit").asText()).isEqualTo("search.maxAttentionBuckets");

        HttpResponse<String> badInterval = get("/api/attention?q=flood&interval=hour");
        assertThat(badInterval.statusCode()).isEqualTo(400);
        assertThat(json(badInterval).get("error").asText()).contains("interval");
    }

    @Test
    void topSourcesShareTheMatchesOfTheScope() throws Exception {
        JsonNode body = getOk("/api/top-sources?q=flood" + RANGE);

        assertThat(body.get("total").asLong()).isEqualTo(4);
        JsonNode first = body.at("/sources/0");
        assertThat(first.get("key").asText()).isEqualTo("Valley News");
        assertThat(first.get("count").asLong()).isEqualTo(2);
        assertThat(first.get("share").asDouble()).isEqualTo(0.5);
        assertThat(body.get("sources")).hasSize(3);
    }

    @Test
    void topWordsAreWordsAsWrittenWithTheirStemsAndNoStopWord() throws Exception {
        JsonNode body = getOk("/api/top-words?q=flood" + RANGE);

        assertThat(body.get("language").asText()).isEqualTo("en");
        Map<String, String> stems = new java.util.LinkedHashMap<>();
        body.get("words").forEach(w -> stems.put(w.get("term").asText(), w.get("stem").asText()));
        // the index stores "sandbag" (every node here stems); the articles write "sandbags" three times, "Sandbags"
        // once: the analyst reads the word as written most often
        assertThat(bodyTerm("sandbags")).isEqualTo("sandbag");
        assertThat(stems).containsEntry("sandbags", "sandbag");
        // no word is shown as a bare stem that no article writes
        assertThat(stems.keySet()).doesNotContain("sandbag");
        // "would" and "their" are as characteristic of the flood articles as "sandbags", but stop words
        assertThat(stems.keySet()).doesNotContain("would", "their").noneMatch(StopWords.of("en")::contains);
    }

    @Test
    void aStoryListsItsArticlesOldestFirstUpToTheLimitWithItsFirstReportAndTimeline() throws Exception {
        JsonNode body = getOk("/api/stories/s-flood");

        assertThat(body.get("size").asInt()).isEqualTo(3);
        assertThat(body.at("/first/id").asText()).isEqualTo("a1");
        assertThat(body.at("/first/source").asText()).isEqualTo("Harbour Post");
        List<String> order = new ArrayList<>();
        body.get("articles").forEach(a -> order.add(a.get("id").asText() + " " + a.get("published").asText()));
        // search.maxStoryArticles is 2 here: the third article is counted in size and the timeline, not listed
        assertThat(order).containsExactly("a1 2025-03-03T08:00:00Z", "a2 2025-03-03T10:30:00Z");
        assertThat(body.get("truncated").asBoolean()).isTrue();
        assertThat(body.get("interval").asText()).isEqualTo("hour");
        List<String> timeline = new ArrayList<>();
        body.get("timeline").forEach(b -> timeline.add(b.get("date").asText() + " " + b.get("count").asInt()));
        assertThat(timeline).containsExactly("2025-03-03T08:00:00Z 1", "2025-03-03T10:00:00Z 1", "2025-03-04T14:00:00Z 1");
        assertThat(body.get("sources")).hasSize(3);

        assertThat(get("/api/stories/no-such-story").statusCode()).isEqualTo(404);
    }

    @Test
    void similarArticlesComeFromOtherStoriesBestFirst() throws Exception {
        JsonNode body = getOk("/api/articles/a1/similar?size=5");

        List<String> ids = new ArrayList<>();
        body.get("articles").forEach(a -> ids.add(a.get("id").asText()));
        assertThat(ids).isNotEmpty().doesNotContain("a1", "a2", "a3");
        assertThat(ids.getFirst()).isEqualTo("a4");
        assertThat(body.at("/articles/0/score").asDouble()).isPositive();

        assertThat(get("/api/articles/no-such-article/similar").statusCode()).isEqualTo(404);
        assertThat(get("/api/articles/a1/similar?size=500").statusCode()).isEqualTo(400);
    }

    private static List<String> buckets(JsonNode series) {
        List<String> out = new ArrayList<>();
        series.get("buckets").forEach(b -> out.add(b.get("date").asText() + " " + b.get("count").asLong() + "/"
                + b.get("total").asLong() + " " + b.get("ratio").asDouble()));
        return out;
    }

    private static List<String> sources(JsonNode bucket) {
        List<String> out = new ArrayList<>();
        bucket.get("sources").forEach(s -> out.add(s.get("key").asText() + " " + s.get("count").asLong()));
        return out;
    }

    /** The one term the fixtures' index makes of {@code word} in {@code body}. */
    private static String bodyTerm(String word) throws IOException {
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            String index = IndexNames.current(config.elasticsearch().index()).forMonth(Instant.parse("2025-03-05T00:00:00Z"));
            var tokens = es.indices().analyze(a -> a.index(index).field("body").text(word)).tokens();
            assertThat(tokens).hasSize(1);
            return tokens.getFirst().token();
        }
    }

    private static JsonNode getOk(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body(), JsonNode.class);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.httpPort() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<ArticleDocument> fixtures() {
        String wire = "River levels rose through the night and the harbour authority closed the flood barrier at dawn. "
                + "Volunteers filled sandbags along the quay.";
        return List.of(
                article("a1", "2025-03-03T08:00:00Z", "Harbour Post", "en", "s-flood", "Flood barrier closes as river rises",
                        wire + " Residents said they would move their cars to higher ground before the evening tide."),
                article("a2", "2025-03-03T10:30:00Z", "Coast Times", "en", "s-flood", "Flood barrier shut as the river rises",
                        "PORT TOWN - " + wire),
                article("a3", "2025-03-04T14:00:00Z", "Valley News", "en", "s-flood", "Flood water reaches the valley road",
                        "The flood reached the valley road by noon. Farmers stacked sandbags at their gates and said they "
                                + "would wait for the water to fall."),
                article("a4", "2025-03-06T09:00:00Z", "Valley News", "en", "s-farms", "Flood damage costs farms dearly",
                        "A week after the flood, farms count the damage. Sandbags still line the river road, and growers "
                                + "would need their fields dry by April to sow."),
                article("b1", "2025-03-03T12:00:00Z", "Harbour Post", "en", "s-b1", "New ferry timetable from Monday",
                        "The ferry company publishes a new timetable with an early crossing on weekdays."),
                article("b2", "2025-03-03T15:00:00Z", "Coast Times", "en", "s-b2", "Council agrees the budget",
                        "Councillors agreed the budget after a long meeting, with more money for libraries."),
                article("b3", "2025-03-04T09:00:00Z", "Valley News", "en", "s-b3", "Valley win the cup final",
                        "Valley won the cup final with a late goal in front of a full stadium."),
                article("b4", "2025-03-06T11:00:00Z", "Harbour Post", "en", "s-b4", "Theatre reopens after repairs",
                        "The theatre on the quay reopens with a new stage and a season of plays."),
                article("f1", "2025-03-06T12:00:00Z", "Coast Times", "fr", "s-f1", "Le marché du port rouvre",
                        "Le marché du port rouvre ses portes après les travaux de l'hiver."));
    }

    private static ArticleDocument article(String id, String published, String source, String lang, String storyId,
                                           String title, String body) {
        return new ArticleDocument(id, "https://" + source.replace(' ', '-').toLowerCase() + ".example/" + id, null, null,
                title, null, body, List.of(), source, null, source, lang, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(),
                Instant.parse(published), null, null, null, null, body.split(" ").length, null, Map.of(), null, storyId, Map.of());
    }
}
