package newsflow.app.demo;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import newsflow.common.config.FeedConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSiteTest {

    private static final String WATER_RIGHTS = "/civic-ledger/2026/11/24/westmarch-assembly-passes-brennock-basin-water-rights-bill/";

    /** Items per feed: every page listed in site.txt, plus the Courier item whose page is missing. */
    private static final Map<String, Integer> ITEMS = Map.of(
            "The Harbour Courier", 9,
            "Northfield Tech Review", 8,
            "Meridian Science Weekly", 8,
            "The Civic Ledger", 5);

    private static DemoSite site;
    private static HttpClient http;
    private static SiteIndex index;

    @BeforeAll
    static void start() {
        site = DemoSite.start(0);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        index = SiteIndex.load();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void servesEveryFeedWithItsContentTypeAndItemCount() throws Exception {
        assertThat(site.feeds()).extracting(FeedConfig::url)
                .containsExactly(index.outlets().stream().map(o -> site.baseUrl() + o.feedPath()).toArray(String[]::new));
        for (Outlet outlet : index.outlets()) {
            HttpResponse<byte[]> r = get(site.baseUrl() + outlet.feedPath());
            assertThat(r.statusCode()).as(outlet.feedPath()).isEqualTo(200);
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            assertThat(contentType).as(outlet.feedPath()).isEqualTo(outlet.feedContentType());

            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(r.body()), contentType, true));
            assertThat(feed.getTitle()).isEqualTo(outlet.name());
            assertThat(feed.getEntries()).as(outlet.name()).hasSize(ITEMS.get(outlet.name()));
            for (SyndEntry e : feed.getEntries()) {
                assertThat(e.getLink()).as(outlet.name()).startsWith(site.baseUrl() + "/" + outlet.id() + "/");
                assertThat(e.getTitle()).isNotBlank();
                assertThat(e.getPublishedDate()).as(e.getLink()).isNotNull();
                assertThat(e.getAuthor()).as(e.getLink()).isNotBlank();
                // Rome 2 turns RSS 2.0/Atom categories into SyndCategory, but keeps RSS 1.0 dc:subject in the DC module only
                DCModule dc = (DCModule) e.getModule(DCModule.URI);
                assertThat(e.getCategories().isEmpty() ? dc.getSubjects() : e.getCategories()).as(e.getLink()).isNotEmpty();
            }
        }
    }

    @Test
    void feedsCarryFullTextWhereTheirFormatSaysSo() throws Exception {
        Map<String, SyndFeed> feeds = new LinkedHashMap<>();
        for (Outlet outlet : index.outlets()) {
            HttpResponse<byte[]> r = get(site.baseUrl() + outlet.feedPath());
            feeds.put(outlet.id(), new SyndFeedInput().build(
                    new XmlReader(new ByteArrayInputStream(r.body()), r.headers().firstValue("Content-Type").orElse(null), true)));
        }
        // RSS 2.0 and WordPress: content:encoded on every item, a whole article each
        for (String outlet : List.of("courier", "civic-ledger")) {
            for (SyndEntry e : feeds.get(outlet).getEntries()) {
                assertThat(fullText(e)).as(e.getLink()).hasSizeGreaterThan(1500).contains("<p>");
            }
        }
        // Atom: some entries with <content type="html">, all with a summary
        List<SyndEntry> atom = feeds.get("northfield").getEntries();
        assertThat(atom).allSatisfy(e -> assertThat(e.getDescription().getValue()).isNotBlank());
        assertThat(atom.stream().filter(e -> !e.getContents().isEmpty()).count()).isBetween(1L, (long) atom.size() - 1);
        // RSS 1.0: summaries only
        assertThat(feeds.get("meridian").getEntries()).allSatisfy(e -> {
            assertThat(e.getContents()).isEmpty();
            assertThat(e.getDescription().getValue()).hasSizeLessThan(400);
        });
        // The item without a page brings its own text
        SyndEntry missing = feeds.get("courier").getEntries().stream()
                .filter(e -> e.getLink().equals(site.baseUrl() + DemoSite.MISSING_ARTICLE_PATH)).findFirst().orElseThrow();
        assertThat(fullText(missing)).contains("ferry").contains("cancelled");
        // WordPress files the political story under its default category
        SyndEntry waterRights = feeds.get("civic-ledger").getEntries().stream()
                .filter(e -> e.getLink().equals(site.baseUrl() + WATER_RIGHTS)).findFirst().orElseThrow();
        assertThat(waterRights.getCategories()).extracting(SyndCategory::getName).contains("Uncategorized");
        assertThat(waterRights.getDescription().getValue()).endsWith("[&#8230;]");
    }

    @Test
    void everyArticleUrlAnswersExceptTheMissingOne() throws Exception {
        assertThat(site.articleCount()).isEqualTo(index.pages().size() + 1).isEqualTo(30);
        assertThat(site.articleUrls()).hasSize(site.articleCount()).contains(site.baseUrl() + DemoSite.MISSING_ARTICLE_PATH);
        for (String url : site.articleUrls()) {
            HttpResponse<byte[]> r = get(url);
            if (url.equals(site.baseUrl() + DemoSite.MISSING_ARTICLE_PATH)) {
                assertThat(r.statusCode()).as(url).isEqualTo(404);
            } else {
                assertThat(r.statusCode()).as(url).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).as(url).hasValue(DemoCorpus.HTML);
            }
        }
    }

    @Test
    void wordPressArticleHasItsCommentFormAndCategory() throws Exception {
        HttpResponse<byte[]> r = get(site.baseUrl() + WATER_RIGHTS);
        assertThat(r.statusCode()).isEqualTo(200);
        String html = text(r);
        String visible = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(visible)
                .contains("Leave a Reply")
                .contains("Your email address will not be published. Required fields are marked *");
        assertThat(html)
                .contains("rel=\"category tag\">Uncategorized</a>")
                .contains("category-uncategorized")
                .contains("Odile Ferran");
    }

    @Test
    void noServedResourceHasAPlaceholderOrADanglingStaticReference() throws Exception {
        List<String> urls = new ArrayList<>();
        index.outlets().forEach(o -> urls.add(site.baseUrl() + o.feedPath()));
        site.articleUrls().stream().filter(u -> !u.endsWith(DemoSite.MISSING_ARTICLE_PATH)).forEach(urls::add);
        index.statics().forEach(f -> urls.add(site.baseUrl() + "/static/" + f));

        Pattern staticRef = Pattern.compile(Pattern.quote(site.baseUrl()) + "(/static/[^\"'<>)\\s]+)");
        Set<String> referenced = new TreeSet<>();
        for (String url : urls) {
            HttpResponse<byte[]> r = get(url);
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("image/jpeg")) {
                assertThat(r.body()).as(url).hasSizeGreaterThan(100).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
                continue;
            }
            String body = text(r);
            assertThat(body).as(url).doesNotContain("{{");
            Matcher m = staticRef.matcher(body);
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        assertThat(referenced).isNotEmpty();
        for (String path : referenced) {
            assertThat(get(site.baseUrl() + path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void startsOnAGivenPortAndRefusesOneInUse() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (DemoSite fixed = DemoSite.start(port)) {
            assertThat(fixed.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(fixed.articleUrls()).allSatisfy(u -> assertThat(u).startsWith("http://127.0.0.1:" + port + "/"));
            assertThat(get(fixed.feeds().getFirst().url()).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> DemoSite.start(port)).isInstanceOf(UncheckedIOException.class).hasMessageContaining(":" + port);
        }
        assertThatThrownBy(() -> DemoSite.start(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String fullText(SyndEntry e) {
        return e.getContents().stream().map(SyndContent::getValue).reduce("", String::concat);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
