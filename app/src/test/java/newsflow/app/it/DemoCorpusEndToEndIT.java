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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline in one process over the bundled demo corpus, against the real broker and node: every demo
 * article ends up searchable exactly once, and the WordPress political post comes back first for its subject,
 * tagged politics, with none of its page chrome in the body. The query language and the export work against the
 * real node: fields, NOT, phrases, prefixes, OR, several filter values, sort, CSV and NDJSON downloads.
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

    // ---- query language and export against the real node (expected sets come from the indexed documents) ----

    private static HttpResponse<String> api(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + pipeline.httpPort() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every hit of a search, all pages followed. */
    private static List<JsonNode> allHits(String params) throws Exception {
        List<JsonNode> hits = new ArrayList<>();
        String after = null;
        do {
            HttpResponse<String> r = api("/api/search?size=100&" + params + (after == null ? "" : "&after=" + enc(after)));
            assertThat(r.statusCode()).as(params + ": " + r.body()).isEqualTo(200);
            JsonNode page = Json.mapper().readTree(r.body());
            assertThat(page.get("partial").asBoolean()).isFalse();
            page.get("hits").forEach(hits::add);
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (after != null);
        return hits;
    }

    private static Set<String> ids(String q) throws Exception {
        return allHits("q=" + enc(q)).stream().map(h -> h.get("id").asText()).collect(Collectors.toSet());
    }

    private static Set<String> docIds(Predicate<ArticleDocument> which) {
        return IsolatedRun.documents(config).values().stream().filter(which).map(ArticleDocument::id).collect(Collectors.toSet());
    }

    private static boolean has(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part);
    }

    private static String wordPressId() {
        return ArticleIds.forUrl(site.baseUrl() + WORDPRESS_POST);
    }

    @Test
    void fieldQueriesMatchOnlyTheirField() throws Exception {
        ArticleDocument post = IsolatedRun.documents(config).get(wordPressId());

        assertThat(ids("title:Brennock")).contains(wordPressId()).isEqualTo(docIds(d -> has(d.title(), "brennock")));
        assertThat(ids("author:kaminski")).contains(wordPressId())
                .isEqualTo(docIds(d -> d.authors() != null && d.authors().stream().anyMatch(a -> has(a, "kaminski"))));
        assertThat(ids("source:" + '"' + post.source().toUpperCase(Locale.ROOT) + '"')).as("a whole source name, case aside")
                .isEqualTo(docIds(d -> post.source().equals(d.source())));
        assertThat(ids("topic:politics")).isNotEmpty()
                .isEqualTo(docIds(d -> d.topics() != null && d.topics().contains("politics")));
        String rare = IsolatedRun.documents(config).values().stream().map(ArticleDocument::language)
                .filter(l -> l != null && !l.equals("en")).findFirst().orElse("en");
        assertThat(ids("lang:" + rare)).isNotEmpty().isEqualTo(docIds(d -> rare.equals(d.language())));
        // in the body but not the title: a field and a negated field together
        Set<String> bodyOnly = ids("body:Brennock -title:Brennock");
        assertThat(bodyOnly).doesNotContain(wordPressId());
        assertThat(bodyOnly).allSatisfy(id -> assertThat(IsolatedRun.documents(config).get(id).title()).doesNotContainIgnoringCase("brennock"));
    }

    @Test
    void notPhrasePrefixAndOrKeepTheirMeaning() throws Exception {
        Set<String> brennock = ids("Brennock");
        Set<String> withWater = ids("Brennock water");
        Set<String> withoutWater = ids("Brennock -water");
        assertThat(brennock).isNotEmpty().contains(wordPressId());
        assertThat(withoutWater).doesNotContain(wordPressId()).doesNotContainAnyElementsOf(withWater);
        Set<String> union = new HashSet<>(withWater);
        union.addAll(withoutWater);
        assertThat(union).as("NOT splits the matches exactly").isEqualTo(brennock);
        assertThat(ids("Brennock NOT water")).isEqualTo(withoutWater);

        assertThat(ids("\"Brennock Basin\"")).contains(wordPressId());
        assertThat(ids("Basin Brennock")).contains(wordPressId());
        assertThat(ids("\"Basin Brennock\"")).as("a phrase keeps the word order").isEmpty();

        assertThat(ids("Brenno")).as("not a word of the corpus").isEmpty();
        assertThat(ids("Brenno*")).as("a prefix of one").contains(wordPressId()).containsAll(brennock);

        Set<String> ferry = ids("ferry");
        Set<String> either = new HashSet<>(brennock);
        either.addAll(ferry);
        assertThat(ferry).isNotEmpty();
        assertThat(ids("Brennock OR ferry")).isEqualTo(either);
        Set<String> water = ids("water");
        assertThat(ids("(Brennock OR ferry) -water")).as("grouping, then NOT")
                .isEqualTo(either.stream().filter(id -> !water.contains(id)).collect(Collectors.toSet()));
    }

    @Test
    void severalValuesOfAFilterAndTheOldestFirstSort() throws Exception {
        List<String> topics = IsolatedRun.documents(config).values().stream()
                .flatMap(d -> d.topics() == null ? java.util.stream.Stream.<String>empty() : d.topics().stream())
                .distinct().sorted().limit(2).toList();
        assertThat(topics).hasSize(2);
        Set<String> filtered = allHits("topic=" + enc(topics.get(0)) + "&topic=" + enc(topics.get(1))).stream()
                .map(h -> h.get("id").asText()).collect(Collectors.toSet());
        assertThat(filtered).isEqualTo(docIds(d -> d.topics() != null && (d.topics().contains(topics.get(0)) || d.topics().contains(topics.get(1)))));

        List<JsonNode> oldest = allHits("sort=oldest");
        List<String> published = oldest.stream().filter(h -> h.hasNonNull("published")).map(h -> h.get("published").asText()).toList();
        assertThat(published).isSortedAccordingTo(Comparator.comparing(java.time.Instant::parse));
        assertThat(oldest).hasSize(site.articleCount());
    }

    @Test
    void aSyntaxErrorIsA400WithItsPosition() throws Exception {
        HttpResponse<String> r = api("/api/search?q=" + enc("title:(Brennock"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(r.body());
        assertThat(error.get("position").asInt()).isEqualTo(6);
        assertThat(error.get("error").asText()).contains("never closed");
    }

    @Test
    void csvAndNdjsonExportsHoldEveryMatch() throws Exception {
        String q = "Brennock OR ferry OR water";
        List<String> searched = allHits("q=" + enc(q) + "&sort=newest").stream().map(h -> h.get("id").asText()).toList();
        assertThat(searched.size()).isGreaterThan(2);

        HttpResponse<String> csv = api("/api/search?format=csv&sort=newest&q=" + enc(q));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("id,published,source,site_name,language,title,url,authors,topics,story_id");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',')))
                .as("every match once, in the search's order").containsExactlyElementsOf(searched);
        String postLine = lines.stream().filter(l -> l.startsWith(wordPressId() + ",")).findFirst().orElseThrow();
        assertThat(postLine).contains(",Westmarch Assembly narrowly passes Brennock Basin water-rights bill,")
                .contains("Ruth Kaminski");

        HttpResponse<String> ndjson = api("/api/search?format=ndjson&limit=2&sort=newest&q=" + enc(q));
        List<String> rows = List.of(ndjson.body().split("\n"));
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(l -> Json.read(l, JsonNode.class).get("id").asText()).containsExactlyElementsOf(searched.subList(0, 2));
        assertThat(rows).extracting(l -> Json.read(l, JsonNode.class).path("published").asText())
                .as("the stored instant, as Instant writes it").allSatisfy(p -> assertThat(java.time.Instant.parse(p).toString()).isEqualTo(p));
    }
}
