package newsflow.app.it;

import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Browser;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.config.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst page in a real browser (headless Chromium) against a search stage that requires an API key
 * ({@code server.apiKeys}), on the real Elasticsearch node and Kafka broker: the page opens without a key, asks for
 * one when the API refuses it, and then sends it with every request, the CSV download and the saved-search calls
 * included. Screenshots land in {@code app/target/screenshots/}.
 */
class KeyedPagesIT {

    private static final String KEY = "analyst-key-7f3a";
    private static final List<Map<String, Object>> ARTICLES = List.of(
            article("k1", "Breakwater to close for repairs", "The harbour authority will close the north breakwater.", "Harbour Post",
                    "2026-11-02T08:00:00Z"),
            article("k2", "Breakwater closes for six weeks", "The north breakwater closes on Monday for six weeks.", "Coast Times",
                    "2026-11-02T11:30:00Z"),
            article("k3", "Ferry fares rise in spring", "Ferry fares on the harbour crossing rise by four percent.", "Coast Times",
                    "2026-11-05T16:00:00Z"));

    private static Pipeline pipeline;
    private static Path downloads;
    private Browser browser;

    @BeforeAll
    static void indexFixtureAndStartSearchWithAKey() throws IOException {
        NewsflowConfig isolated = IsolatedRun.config("keyed-pages", List.of());
        NewsflowConfig config = isolated.withServer(new ServerConfig(isolated.server().host(), 0, List.of(KEY)));
        IsolatedRun.index(config, ARTICLES, doc -> (String) doc.get("id"), doc -> Instant.parse((String) doc.get("published")));
        pipeline = new Pipeline(config, EnumSet.of(StageName.SEARCH)).start();
        downloads = Files.createTempDirectory("keyed-pages-downloads");
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            assertThat(browser.closeReturningScriptErrors()).as("script errors or CSP violations in the page").isEmpty();
        }
    }

    private static String url(String pathAndQuery) {
        return "http://127.0.0.1:" + pipeline.httpPort() + pathAndQuery;
    }

    private static HttpResponse<String> get(String pathAndQuery, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery)));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private List<WebElement> awaitHits(int n) {
        browser.await(n + " hits", d -> browser.findAll("#results > li.hit").size() == n
                && !browser.find("#status").getText().startsWith("Searching"));
        return browser.findAll("#results > li.hit");
    }

    private WebElement awaitKeyDialog(String note) {
        return browser.await("the key dialog saying '" + note + "'", d -> {
            WebElement dialog = browser.find("#api-key-dialog");
            return dialog.getAttribute("open") != null && browser.find("#api-key-note").getText().equals(note) ? dialog : null;
        });
    }

    private String stored(String storage) {
        return (String) browser.script("return window." + storage + ".getItem('newsflow.apiKey');");
    }

    @Test
    void thePageOpensWithoutAKeyAsksForOneAndThenShowsTheResults() throws Exception {
        // the server does require the key: the API refuses without it, the page and its files do not
        assertThat(get("/api/search?q=breakwater", null).statusCode()).isEqualTo(401);
        assertThat(get("/", null).statusCode()).isEqualTo(200);
        assertThat(get("/assets/newsflow.js", null).statusCode()).isEqualTo(200);
        // the API's description, which the page links to, holds no data either
        assertThat(get("/api/openapi.json", null).statusCode()).isEqualTo(200);
        // a feed reader, which cannot send X-Api-Key, is challenged for Basic and sends the key as the password
        HttpResponse<String> feed = get("/feeds/saved/abc.atom", null);
        assertThat(feed.statusCode()).isEqualTo(401);
        assertThat(feed.headers().allValues("WWW-Authenticate")).contains("Basic realm=\"newsflow feeds\", charset=\"UTF-8\"");
        HttpResponse<String> withBasic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/feeds/saved/abc.atom")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("reader:" + KEY)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // past the key: no saved search has that id
        assertThat(withBasic.statusCode()).isEqualTo(404);

        browser = Browser.start(1280, 900);
        browser.open(url("/?q=breakwater"));
        awaitKeyDialog("This server needs an API key.");
        assertThat(browser.find("#error").getText()).contains("an API key is required");
        browser.screenshot("keyed-asks-for-key");

        browser.find("#api-key").sendKeys("not-the-key", Keys.ENTER);
        awaitKeyDialog("The server refused this key: check it and enter it again.");

        browser.find("#api-key").sendKeys(KEY, Keys.ENTER);
        List<WebElement> hits = awaitHits(2);
        assertThat(hits.getFirst().findElement(By.cssSelector("h3")).getText()).contains("Breakwater");
        assertThat(browser.find("#api-key-dialog").getAttribute("open")).isNull();
        // every panel of the page got its answer with the key
        browser.await("top sources with the key", d -> !browser.findAll("#top-sources ul.bars li").isEmpty());
        // two matches are too few for significant words, but the answer came (no "Top words failed: …")
        browser.await("top words answered", d -> browser.find("#top-words").getText().equals("No characteristic words."));
        assertThat(browser.find("#saved").getText()).contains("None yet.");
        // kept for this tab only, never in the URL
        assertThat(stored("sessionStorage")).isEqualTo(KEY);
        assertThat(stored("localStorage")).isNull();
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=breakwater").doesNotContain(KEY);
        assertThat(browser.find("#api-key-button").getText()).isEqualTo("API key (set)");
        browser.screenshot("keyed-results");

        // a reload in the same tab keeps the key: no dialog, results straight away
        browser.open(url("/?q=ferry"));
        awaitHits(1);
        assertThat(browser.findAll("#api-key-dialog")).as("no key asked for").isEmpty();
    }

    @Test
    void theCsvDownloadAndSavedSearchesCarryTheKey() throws Exception {
        browser = Browser.start(1280, 900, downloads);
        browser.open(url("/"));
        awaitKeyDialog("This server needs an API key.");
        browser.find("#api-key-remember").click();
        browser.find("#api-key").sendKeys(KEY, Keys.ENTER);
        awaitHits(3);
        assertThat(stored("localStorage")).isEqualTo(KEY);
        assertThat(stored("sessionStorage")).isNull();

        browser.open(url("/?q=breakwater&source=" + "Coast+Times"));
        awaitHits(1);
        // the link itself cannot carry the key (the server would answer 401); the page fetches it with the key
        String href = browser.find("#csv").getAttribute("href");
        assertThat(get(href.substring(url("").length()), null).statusCode()).isEqualTo(401);
        browser.find("#csv").click();
        Path csv = downloads.resolve("newsflow-search.csv");
        browser.await("the CSV downloaded", d -> Files.isRegularFile(csv) && sizeOf(csv) > 0);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst()).startsWith("id,published,source");
        assertThat(rows.get(1)).startsWith("k2,").contains("Breakwater closes for six weeks");

        browser.find("#save-name").sendKeys("Keyed watch", Keys.ENTER);
        browser.await("the saved search listed", d -> d.findElements(By.cssSelector("#saved li[data-id]")).stream().findFirst().orElse(null));
        assertThat(browser.find("#saved-status").getText()).isEqualTo("Saved “Keyed watch”.");
        HttpResponse<String> listed = get("/api/saved-searches", KEY);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("Keyed watch");

        WebElement delete = browser.find("#saved li[data-id] button.danger");
        delete.click();
        delete.click();
        browser.await("the saved search deleted", d -> browser.find("#saved").getText().contains("None yet."));
        assertThat(get("/api/saved-searches", KEY).body()).doesNotContain("Keyed watch");

        // forgetting the key: gone from the browser, and the page asks again
        browser.find("#api-key-button").click();
        awaitKeyDialog("");
        browser.find("#api-key-forget").click();
        assertThat(stored("localStorage")).isNull();
        awaitKeyDialog("This server needs an API key.");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, Object> article(String id, String title, String body, String source, String published) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("url", "https://" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example/" + id);
        doc.put("title", title);
        doc.put("body", body);
        doc.put("authors", List.of());
        doc.put("source", source);
        doc.put("site_name", source);
        doc.put("language", "en");
        doc.put("topics", List.of("transport"));
        doc.put("published", published);
        doc.put("indexed_at", published);
        doc.put("word_count", body.split(" ").length);
        doc.put("story_id", id);
        return doc;
    }
}
