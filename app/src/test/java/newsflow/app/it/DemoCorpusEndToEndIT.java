package newsflow.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.demo.DemoSite;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.url.ArticleIds;
import newsflow.index.document.ArticleDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline in one process over the bundled demo corpus, against the real broker and node: every demo
 * article ends up searchable exactly once, and the WordPress political post comes back first for its subject,
 * tagged politics, with none of its page chrome in the body.
 */
class DemoCorpusEndToEndIT {

    private static final String WORDPRESS_POST = "/civic-ledger/2026/11/24/westmarch-assembly-passes-brennock-basin-water-rights-bill/";

    private static DemoSite site;
    private static NewsflowConfig config;
    private static Pipeline pipeline;

    @BeforeAll
    static void runDemoCorpus() {
        site = DemoSite.start(0);
        config = IsolatedRun.config("e2e", site.feeds());
        pipeline = new Pipeline(config, EnumSet.allOf(StageName.class)).start();
        Eventually.await("every demo article indexed", Duration.ofMinutes(3), Duration.ofSeconds(1),
                () -> IsolatedRun.documentsPerId(config, site.articleUrls()).size() == site.articleCount(),
                () -> IsolatedRun.documentsPerId(config, site.articleUrls()).size() + " of " + site.articleCount());
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyDemoArticleIsIndexedExactlyOnce() {
        Map<String, Long> perId = IsolatedRun.documentsPerId(config, site.articleUrls());
        assertThat(perId).hasSize(site.articleCount());
        assertThat(perId.values()).allMatch(n -> n == 1L);
        assertThat(IsolatedRun.documents(config)).hasSize(site.articleCount());
    }

    @Test
    void theWordPressPoliticalPostComesFirstForItsSubjectWithTopicsAndNoChrome() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + pipeline.httpPort() + "/api/search?q="
                        + URLEncoder.encode("Brennock Basin groundwater bill", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = Json.mapper().readTree(response.body());
        JsonNode first = result.at("/hits/0");
        assertThat(first.get("url").asText()).isEqualTo(site.baseUrl() + WORDPRESS_POST);
        assertThat(first.get("topics")).extracting(JsonNode::asText).contains("politics");
        // facets per taxonomy: the demo's rules, its watch-topic, and the default IPTC tagger by code and label
        assertThat(result.at("/facets/topics").isMissingNode()).isTrue();
        assertThat(result.at("/facets/operatorTopics").findValuesAsText("key")).contains("politics");
        assertThat(result.at("/facets/watchTopics").findValuesAsText("key")).contains("water supply");
        assertThat(result.at("/facets/iptc")).isNotEmpty().allSatisfy(b -> {
            assertThat(b.get("key").asText()).startsWith("medtop:");
            assertThat(b.get("label").asText()).isNotBlank();
        });

        ArticleDocument bill = IsolatedRun.documents(config).get(ArticleIds.forUrl(site.baseUrl() + WORDPRESS_POST));
        assertThat(bill.operatorTopics()).contains("politics").doesNotContain("sport");
        assertThat(bill.watchTopics()).containsExactly("water supply");
        assertThat(bill.iptc()).isNotEmpty().allSatisfy(t -> assertThat(t.code()).startsWith("medtop:"));

        ArticleDocument doc = IsolatedRun.documents(config).get(ArticleIds.forUrl(site.baseUrl() + WORDPRESS_POST));
        assertThat(doc.title()).isEqualTo("Westmarch Assembly narrowly passes Brennock Basin water-rights bill");
        assertThat(doc.authors()).containsExactly("Ruth Kaminski");
        assertThat(doc.extractionMethod()).isEqualTo("PAGE");
        assertThat(doc.body())
                .contains("The Westmarch General Assembly on Tuesday night passed House Bill 212")
                .contains("Every line on this map is a well that used to reach water at 60 feet")
                .doesNotContain("Leave a Reply")
                .doesNotContain("Your email address will not be published")
                .doesNotContain("Required fields are marked")
                .doesNotContain("Uncategorized")
                .doesNotContain("Thank you for staying until the end of the session"); // a reader's comment
    }

    @Test
    void everyArticleCarriesAStoryAndDistinctDemoStoriesAreNotMerged() {
        Map<String, ArticleDocument> docs = IsolatedRun.documents(config);
        // the demo's articles are all different stories: each heads its own
        assertThat(docs.values()).allSatisfy(d -> assertThat(d.storyId()).isEqualTo(d.id()));
    }

    @Test
    void anArticleWhosePageIsMissingIsIndexedFromTheFeedsOwnContent() {
        String missing = site.articleUrls().stream().filter(u -> u.contains("storm-warning-ferry-cancellations")).findFirst().orElseThrow();
        ArticleDocument doc = IsolatedRun.documents(config).get(ArticleIds.forUrl(missing));
        assertThat(doc.extractionMethod()).isEqualTo("FEED_CONTENT");
        assertThat(doc.body()).isNotBlank();
    }
}
