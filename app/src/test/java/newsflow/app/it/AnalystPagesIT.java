package newsflow.app.it;

import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Browser;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.NewsflowConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst page ({@code /}) and the dashboard ({@code /dashboard}) in a real browser (headless Chromium from
 * the distribution) against the search stage on the real Elasticsearch node and Kafka broker (saved searches),
 * over fixture articles indexed with the production template. Every test also fails on a script error or a
 * Content-Security-Policy violation in the page. Screenshots land in {@code app/target/screenshots/}.
 */
class AnalystPagesIT {

    /** The fixture: ten articles over five days, three sources, two languages, one story of three reports. */
    private static final List<Map<String, Object>> ARTICLES = List.of(
            article("a01", "Breakwater to close for repairs", "The harbour authority will close the north breakwater for six weeks.",
                    "Harbour Post", "en", List.of("transport"), List.of("Ada Lane"), "2026-11-02T08:00:00Z", "story-breakwater"),
            article("a02", "Breakwater closes for six weeks", "The harbour authority said the north breakwater closes on Monday.",
                    "Coast Times", "en", List.of("transport"), List.of("Ben Ruiz"), "2026-11-02T11:30:00Z", "story-breakwater"),
            article("a03", "Harbour breakwater works start", "Contractors began replacing storm-damaged stones on the breakwater.",
                    "Valley Herald", "en", List.of("transport"), List.of(), "2026-11-03T09:00:00Z", "story-breakwater"),
            article("a04", "Assembly passes the water rights bill", "The assembly voted for the basin water rights bill after a long debate.",
                    "Coast Times", "en", List.of("politics"), List.of("Ben Ruiz"), "2026-11-03T12:00:00Z", null),
            article("a05", "Council debates the harbour budget", "Councillors debated the harbour budget and the ferry timetable.",
                    "Harbour Post", "en", List.of("politics"), List.of("Ada Lane"), "2026-11-03T15:00:00Z", null),
            article("a06", "Chip plant opens in the valley", "The new chip plant employs four hundred engineers in the valley.",
                    "Valley Herald", "en", List.of("science"), List.of("Cleo Park"), "2026-11-04T10:00:00Z", null),
            article("a07", "Le port rouvre la digue", "Le port de la ville rouvre la digue nord aux promeneurs.",
                    "Harbour Post", "fr", List.of("transport"), List.of(), "2026-11-05T07:00:00Z", null),
            article("a08", "Ferry fares rise in spring", "Ferry fares on the harbour crossing rise by four percent in spring.",
                    "Coast Times", "en", List.of("transport"), List.of("Ben Ruiz"), "2026-11-05T16:00:00Z", null),
            article("a09", "Harbour <img src=x onerror=window.pwned=1> report", "A harbour report with <script>window.pwned=2</script> markup in it.",
                    "Valley Herald", "en", List.of("science"), List.of(), "2026-11-06T09:00:00Z", null),
            article("a10", "Researchers map the valley aquifer", "Researchers mapped the aquifer under the valley with new sensors.",
                    "Valley Herald", "en", List.of("science"), List.of("Cleo Park"), "2026-11-06T13:00:00Z", null));

    private static NewsflowConfig config;
    private static Pipeline pipeline;
    private Browser browser;

    @BeforeAll
    static void indexFixtureAndStartSearch() {
        config = IsolatedRun.config("pages", List.of());
        IsolatedRun.index(config, ARTICLES, doc -> (String) doc.get("id"), doc -> Instant.parse((String) doc.get("published")));
        pipeline = new Pipeline(config, EnumSet.of(StageName.SEARCH)).start();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(1280, 1000);
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Waits until the results list shows {@code n} hits and the status line says the search is done. */
    private List<WebElement> awaitHits(int n) {
        browser.await(n + " hits", d -> browser.findAll("#results > li.hit").size() == n
                && !browser.find("#status").getText().startsWith("Searching"));
        return browser.findAll("#results > li.hit");
    }

    private List<String> hitSources() {
        return browser.findAll("#results > li.hit .meta").stream().filter(m -> !m.getAttribute("class").contains("also"))
                .map(m -> m.getText().split(" · ")[0]).toList();
    }

    @Test
    void searchShowsHighlightedHitsAndKeepsTheQueryInTheUrl() {
        browser.open(url("/"));
        WebElement q = browser.await("search box focused", d -> d.switchTo().activeElement().getAttribute("id").equals("q")
                ? d.switchTo().activeElement() : null);
        awaitHits(10);
        q.sendKeys("breakwater", Keys.ENTER);

        List<WebElement> hits = awaitHits(3);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=breakwater");
        assertThat(hits.getFirst().findElements(By.cssSelector("h3 em"))).extracting(WebElement::getText)
                .allMatch(t -> t.equalsIgnoreCase("breakwater")).isNotEmpty();
        assertThat(browser.find("#status").getText()).startsWith("Showing 3 of 3");
        assertThat(browser.find("#csv").getAttribute("href")).endsWith("/api/search?q=breakwater&format=csv");
        browser.screenshot("search-results");

        // "/" brings the keyboard back to the query from anywhere on the page
        browser.find("body").sendKeys("/");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("q");
    }

    @Test
    void theQueryLanguageFiltersAndSortWorkFromThePage() {
        // "weeks" is in a02's title only ("closes" would also exclude a01: the title analyzer stems it to "close")
        browser.open(url("/?q=" + enc("breakwater AND -title:weeks") + "&sort=oldest"));
        List<WebElement> hits = awaitHits(2);
        assertThat(hits).extracting(h -> h.findElement(By.cssSelector("h3")).getText())
                .containsExactly("Breakwater to close for repairs", "Harbour breakwater works start");
        assertThat(browser.find("#sort").getAttribute("value")).isEqualTo("oldest");

        // an author in a hit is a filter; a second source ORs with the first
        browser.open(url("/?q=harbour"));
        awaitHits(6);
        browser.findAll("#results .meta button.link").stream().filter(b -> b.getText().equals("by Ben Ruiz")).findFirst()
                .orElseThrow().click();
        awaitHits(2);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=harbour&author=Ben+Ruiz");
        browser.open(url("/?source=Coast+Times&source=" + enc("Harbour Post")));
        awaitHits(6);
        assertThat(hitSources()).containsOnly("Coast Times", "Harbour Post");

        // a syntax error is shown with its position, and the page keeps working
        browser.open(url("/?q=" + enc("(breakwater")));
        browser.await("the syntax error", d -> !browser.find("#error").getText().isEmpty());
        assertThat(browser.find("#error").getText()).startsWith("Search failed: syntax error in 'q' at position");
        browser.screenshot("search-syntax-error");
    }

    @Test
    void theCsvLinkDownloadsTheSearch() throws Exception {
        browser.open(url("/?q=breakwater&source=" + enc("Coast Times")));
        awaitHits(1);
        String href = browser.find("#csv").getAttribute("href");
        assertThat(href).isEqualTo(url("/api/search?q=breakwater&source=Coast+Times&format=csv"));
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body()).startsWith("id,published,source").contains("a02,", "Breakwater closes for six weeks");
    }

    @Test
    void aSearchIsSavedListedOpenedFollowedAsAFeedAndDeleted() throws Exception {
        browser.open(url("/?q=breakwater&source=" + enc("Coast Times")));
        awaitHits(1);
        browser.await("the saved searches listed", d -> browser.find("#saved").getText().contains("None yet."));
        browser.find("#save-name").sendKeys("Breakwater watch", Keys.ENTER);

        WebElement saved = browser.await("the saved search listed", d -> d.findElements(By.cssSelector("#saved li[data-id]"))
                .stream().findFirst().orElse(null));
        assertThat(browser.find("#saved-status").getText()).isEqualTo("Saved “Breakwater watch”.");
        assertThat(saved.findElement(By.cssSelector("button.saved-open")).getText()).isEqualTo("Breakwater watch");
        assertThat(saved.findElement(By.cssSelector(".meta")).getText()).isEqualTo("“breakwater” · source: Coast Times");
        String feed = saved.findElement(By.linkText("Atom feed")).getAttribute("href");
        assertThat(feed).matches("http://127\\.0\\.0\\.1:\\d+/feeds/saved/[a-z2-7]+\\.atom");
        browser.screenshot("search-saved");

        saved.findElement(By.cssSelector("button[aria-label^='Copy the feed link']")).click();
        browser.await("the feed link offered for copying", d -> {
            WebElement status = browser.find("#saved-status");
            List<WebElement> field = status.findElements(By.tagName("input"));
            return status.getText().contains(feed) || !field.isEmpty() && feed.equals(field.getFirst().getAttribute("value"));
        });
        HttpResponse<String> atom = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(feed)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.body()).contains("<feed", "Breakwater watch");

        // from another search, the saved one comes back with its query and filters
        browser.open(url("/?q=ferry"));
        awaitHits(2);
        browser.await("the saved search listed", d -> d.findElement(By.cssSelector("#saved button.saved-open"))).click();
        awaitHits(1);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=breakwater&source=Coast+Times");

        WebElement delete = browser.find("#saved li[data-id] button.danger");
        delete.click();
        assertThat(delete.getText()).isEqualTo("Really delete?");
        delete.click();
        browser.await("the saved search gone", d -> browser.find("#saved").getText().contains("None yet."));
        assertThat(browser.find("#saved-status").getText()).isEqualTo("Deleted “Breakwater watch”.");
    }

    @Test
    void textFromArticlesIsShownAsTextNeverRunAsMarkup() {
        browser.open(url("/?q=" + enc("report")));
        List<WebElement> hits = awaitHits(1);
        assertThat(hits.getFirst().findElement(By.cssSelector("h3")).getText()).isEqualTo("Harbour <img src=x onerror=window.pwned=1> report");
        assertThat(hits.getFirst().getText()).contains("<script>window.pwned=2</script>");
        assertThat(browser.findAll("#results img, #results script")).isEmpty();
        assertThat(browser.script("return window.pwned === undefined;")).isEqualTo(true);
    }

    @Test
    void aFacetClickFiltersAndBackUndoesIt() {
        browser.open(url("/?q=harbour"));
        awaitHits(6);
        WebElement coastTimes = browser.await("Coast Times in the sources facet",
                d -> d.findElements(By.cssSelector("#facet-sources button")).stream()
                        .filter(b -> b.getText().startsWith("Coast Times")).findFirst().orElse(null));
        coastTimes.click();

        awaitHits(2);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=harbour&source=Coast+Times");
        assertThat(hitSources()).containsOnly("Coast Times");
        assertThat(browser.findAll("#active-filters button")).extracting(WebElement::getText).containsExactly("source: Coast Times");
        assertThat(browser.find("#facet-sources button[aria-pressed=true]").getText()).startsWith("Coast Times");
        browser.screenshot("search-facet-filter");

        browser.driver().navigate().back();
        awaitHits(6);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=harbour");
        assertThat(browser.findAll("#active-filters button")).isEmpty();
    }

    /** The fixture's five days: without dates the chart would show the last 30 days before now. */
    private static final String FIXTURE_DAYS = "from=2026-11-02&to=2026-11-06";

    @Test
    void dragAcrossTheChartSetsTheDateRange() {
        browser.open(url("/?" + FIXTURE_DAYS));
        awaitHits(10);
        WebElement plot = browser.await("the attention chart", d -> d.findElement(By.cssSelector("#attention svg.chart rect.hit")));
        // the fixture's five days, 2026-11-02 to 2026-11-06, as five equal columns: press on the second, release on the fourth
        int width = plot.getSize().getWidth();
        int second = (int) (width * 1.5 / 5) - width / 2;
        int fourth = (int) (width * 3.5 / 5) - width / 2;
        new Actions(browser.driver()).moveToElement(plot, second, 0).clickAndHold().moveToElement(plot, fourth, 0).release().perform();

        awaitHits(6);
        assertThat(browser.pathAndQuery()).isEqualTo("/?from=2026-11-03&to=2026-11-05");
        assertThat(browser.find("#from").getAttribute("value")).isEqualTo("2026-11-03");
        assertThat(browser.find("#reset-range").isDisplayed()).isTrue();
        browser.screenshot("search-chart-range");

        // a click on one column selects that day
        WebElement narrowed = browser.find("#attention svg.chart rect.hit");
        int w = narrowed.getSize().getWidth();
        new Actions(browser.driver()).moveToElement(narrowed, (int) (w * 0.5 / 3) - w / 2, 0).click().perform();
        awaitHits(3);
        assertThat(browser.pathAndQuery()).isEqualTo("/?from=2026-11-03&to=2026-11-03");
    }

    @Test
    void theChartTakesARangeFromTheKeyboardToo() {
        browser.open(url("/?" + FIXTURE_DAYS));
        awaitHits(10);
        WebElement chart = browser.await("the attention chart", d -> d.findElement(By.cssSelector("#attention .chart-wrap")));
        assertThat(chart.getAttribute("aria-label")).contains("5 days from 2026-11-02 to 2026-11-06");
        chart.sendKeys(Keys.HOME, Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        assertThat(browser.find("#attention .chart-readout").getText()).contains("range 2026-11-02 to 2026-11-03");
        chart.sendKeys(Keys.ENTER);

        awaitHits(5);
        assertThat(browser.pathAndQuery()).isEqualTo("/?from=2026-11-02&to=2026-11-03");
    }

    @Test
    void attentionComparesQueriesAsCountsAndShares() {
        browser.open(url("/?q=breakwater&" + FIXTURE_DAYS));
        awaitHits(3);
        browser.find("#compare").sendKeys("ferry", Keys.ENTER);
        browser.await("two series", d -> d.findElements(By.cssSelector("#attention svg.chart polyline")).size() == 2);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=breakwater&from=2026-11-02&to=2026-11-06&cmp=ferry");
        assertThat(browser.findAll("#attention .legend li")).extracting(WebElement::getText).containsExactly("breakwater", "ferry");
        assertThat(browser.findAll("#compared button")).extracting(WebElement::getText).containsExactly("ferry");

        browser.find("#show-share").click();
        browser.await("the share", d -> browser.find("#show-share").getAttribute("aria-pressed").equals("true"));
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=breakwater&from=2026-11-02&to=2026-11-06&chart=share&cmp=ferry");
        browser.find("#attention details summary").click();
        // 2026-11-02: both articles of the day are about the breakwater, none about the ferry
        assertThat(browser.find("#attention tbody tr").getText()).isEqualTo("2026-11-02 100% 0%");
        assertThat(browser.findAll("#attention svg.chart text.tick")).extracting(WebElement::getText).contains("100%");
        browser.screenshot("search-attention-share");

        browser.driver().navigate().back();
        browser.await("counts again", d -> browser.find("#show-count").getAttribute("aria-pressed").equals("true"));
        browser.find("#attention details summary").click();
        assertThat(browser.find("#attention tbody tr").getText()).isEqualTo("2026-11-02 2 0");
    }

    @Test
    void topSourcesAndTopWordsDescribeTheMatches() {
        browser.open(url("/"));
        awaitHits(10);
        WebElement first = browser.await("the top sources", d -> d.findElements(By.cssSelector("#top-sources button")).stream()
                .findFirst().orElse(null));
        assertThat(first.getText()).startsWith("Valley Herald").contains("4 · 40%");
        first.click();
        awaitHits(4);
        assertThat(browser.pathAndQuery()).isEqualTo("/?source=Valley+Herald");

        browser.open(url("/?q=breakwater"));
        awaitHits(3);
        List<String> words = browser.await("the top words", d -> {
            List<String> labels = d.findElements(By.cssSelector("#top-words .bar-label")).stream().map(WebElement::getText).toList();
            return labels.isEmpty() ? null : labels;
        });
        // the word as the articles write it, not the index's stem "breakwat"
        assertThat(words).contains("breakwater").doesNotContain("breakwat");
        WebElement breakwater = browser.findAll("#top-words li > button").stream()
                .filter(b -> b.findElement(By.cssSelector(".bar-label")).getText().equals("breakwater")).findFirst().orElseThrow();
        assertThat(breakwater.getAttribute("title")).startsWith("breakwater (indexed as “breakwat”): in 3 matching articles");
    }

    @Test
    void similarArticlesAreListedForAHit() {
        browser.open(url("/?q=chip"));
        List<WebElement> hits = awaitHits(1);
        hits.getFirst().findElement(By.cssSelector("button.similar-open")).click();
        WebElement list = browser.await("similar articles", d -> d.findElements(By.cssSelector("#similar-list li a")).isEmpty()
                ? null : d.findElement(By.id("similar-list")));
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=chip&similar=a06");
        assertThat(list.findElements(By.cssSelector("li a"))).extracting(WebElement::getText)
                .contains("Researchers map the valley aquifer").doesNotContain("Chip plant opens in the valley");
        browser.screenshot("search-similar");

        browser.find("body").sendKeys(Keys.ESCAPE);
        browser.await("the list closed", d -> !browser.find("#similar").isDisplayed());
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=chip");
    }

    @Test
    void theStoryViewOpensFromAHitAndClosesWithEscape() {
        browser.open(url("/?q=breakwater&collapse=story"));
        List<WebElement> hits = awaitHits(1);
        assertThat(hits.getFirst().findElement(By.cssSelector(".also")).getText()).startsWith("Also reported by:");
        hits.getFirst().findElement(By.cssSelector("button.story-open")).click();

        WebElement dialog = browser.await("the story dialog", d -> d.findElement(By.id("story")).getAttribute("open") != null
                ? d.findElement(By.id("story")) : null);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=breakwater&collapse=story&story=story-breakwater");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus moves into the dialog").isEqualTo("story-close");
        browser.await("the story's summary", d -> !dialog.findElement(By.id("story-summary")).getText().startsWith("Loading"));
        assertThat(dialog.findElement(By.id("story-title")).getText()).isEqualTo("Story: Breakwater to close for repairs");
        assertThat(dialog.findElement(By.id("story-summary")).getText())
                .isEqualTo("3 reports from 3 sources, first 2026-11-02 08:00 UTC by Harbour Post.");
        assertThat(dialog.findElements(By.cssSelector("#story-articles li a"))).extracting(WebElement::getText)
                .containsExactly("Breakwater to close for repairs", "Breakwater closes for six weeks", "Harbour breakwater works start");
        assertThat(dialog.findElement(By.cssSelector("#story-articles li.first")).getText()).contains("first report");
        assertThat(dialog.findElements(By.cssSelector("#story-timeline svg.chart polyline"))).hasSize(1);
        assertThat(dialog.findElements(By.cssSelector("#story-sources .bar-label"))).hasSize(3);
        browser.screenshot("search-story");

        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await("the dialog closed", d -> d.findElement(By.id("story")).getAttribute("open") == null);
        assertThat(browser.pathAndQuery()).isEqualTo("/?q=breakwater&collapse=story");
        browser.driver().navigate().back();
        browser.await("the dialog open again after back", d -> d.findElement(By.id("story")).getAttribute("open") != null);
    }

    @Test
    void aSharedLinkRestoresTheWholeState() {
        browser.open(url("/?q=digue&lang=fr&chart=share&interval=week"));
        awaitHits(1);
        assertThat(browser.find("#q").getAttribute("value")).isEqualTo("digue");
        assertThat(browser.find("#interval").getAttribute("value")).isEqualTo("week");
        assertThat(browser.findAll("#active-filters button")).extracting(WebElement::getText).containsExactly("language: fr");
        assertThat(hitSources()).containsExactly("Harbour Post");
    }

    @Test
    void atPhoneWidthNothingOverflowsSideways() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(url("/?q=harbour"));
        awaitHits(6);
        browser.await("the chart drawn", d -> d.findElements(By.cssSelector("#attention svg.chart")).size() == 1);
        assertThat(overflowing()).as("elements wider than a 390 px screen").isEmpty();
        browser.screenshot("search-phone");
        browser.open(url("/dashboard"));
        browser.await("the dashboard loaded", d -> d.findElements(By.cssSelector("#latest tr")).size() == 10);
        assertThat(overflowing()).as("elements wider than a 390 px screen on the dashboard").isEmpty();
        browser.screenshot("dashboard-phone");
    }

    /** Elements reaching past the right edge of the viewport (what would make the page scroll sideways). */
    @SuppressWarnings("unchecked")
    private List<String> overflowing() {
        return (List<String>) browser.script("""
                const w = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('body *').forEach((e) => {
                  const r = e.getBoundingClientRect();
                  if (r.width && r.right > w + 1 && !e.closest('.table-scroll')) out.push(e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right));
                });
                return out.slice(0, 10);""");
    }

    @Test
    void theDashboardShowsEveryPanelAndFilters() {
        browser.open(url("/dashboard"));
        browser.await("the latest articles", d -> d.findElements(By.cssSelector("#latest tr")).size() == 10);
        assertThat(browser.find("#summary").getText()).isEqualTo("10 articles.");
        // all articles plus the three topics
        assertThat(browser.findAll("#over-time svg.chart polyline")).hasSize(4);
        assertThat(browser.findAll("#over-time .legend li")).extracting(WebElement::getText)
                .containsExactly("all articles", "transport", "science", "politics");
        assertThat(barLabels("#sources")).containsExactly("Valley Herald", "Coast Times", "Harbour Post");
        assertThat(barLabels("#languages")).containsExactly("en", "fr");
        assertThat(barLabels("#authors")).containsExactly("Ben Ruiz", "Ada Lane", "Cleo Park");
        assertThat(barLabels("#story-sizes")).containsExactly("1 article", "3 articles");
        assertThat(browser.find("#largest-stories li a").getText()).isEqualTo("Breakwater to close for repairs");
        assertThat(browser.find("#largest-stories li a").getAttribute("href")).endsWith("/?story=story-breakwater");
        assertThat(browser.find("#latest tr td:nth-child(3)").getText()).isEqualTo("Researchers map the valley aquifer");
        browser.screenshot("dashboard");

        browser.findAll("#sources button").stream().filter(b -> b.getText().startsWith("Coast Times")).findFirst().orElseThrow().click();
        browser.await("only Coast Times", d -> d.findElements(By.cssSelector("#latest tr")).size() == 3);
        assertThat(browser.pathAndQuery()).isEqualTo("/dashboard?source=Coast+Times");
        assertThat(browser.find("#source").getAttribute("value")).isEqualTo("Coast Times");
        assertThat(barLabels("#authors")).containsExactly("Ben Ruiz");

        new org.openqa.selenium.support.ui.Select(browser.find("#topic")).selectByValue("politics");
        browser.await("Coast Times on politics", d -> d.findElements(By.cssSelector("#latest tr")).size() == 1);
        assertThat(browser.pathAndQuery()).isEqualTo("/dashboard?topic=politics&source=Coast+Times");
    }

    private List<String> barLabels(String box) {
        return browser.findAll(box + " .bar-label").stream().map(WebElement::getText).toList();
    }

    /** A stored document as the index stage writes it (field names of the mapping; written as JSON, not a record). */
    private static Map<String, Object> article(String id, String title, String body, String source, String lang,
                                               List<String> topics, List<String> authors, String published, String storyId) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("id", id);
        doc.put("url", "https://" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example/" + id);
        doc.put("title", title);
        doc.put("body", body);
        doc.put("authors", authors);
        doc.put("source", source);
        doc.put("site_name", source);
        doc.put("language", lang);
        doc.put("topics", topics);
        doc.put("operator_topics", topics); // the fixtures' topics are operator topics (the dashboard charts those)
        doc.put("published", published);
        doc.put("indexed_at", published);
        doc.put("word_count", body.split(" ").length);
        doc.put("story_id", storyId == null ? id : storyId);
        return doc;
    }
}
