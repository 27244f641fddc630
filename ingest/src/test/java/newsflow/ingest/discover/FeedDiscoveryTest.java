package newsflow.ingest.discover;

import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.HttpConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.ingest.parse.FeedParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedDiscoveryTest {

    /** path → (content type, fixture); every other path is a 404. */
    private static final Map<String, String[]> SITE = Map.of(
            "/blog/", new String[]{"text/html; charset=utf-8", "blog.html"},
            "/blog/feed.xml", new String[]{"application/rss+xml", "almanac.rss"},
            "/atom", new String[]{"application/atom+xml", "almanac.atom"},
            "/wp-json/wp/v2/pages/2", new String[]{"application/json", "wp-page.json"},
            "/ferry/timetable", new String[]{"text/html", "plain.html"},
            "/index.xml", new String[]{"application/xml", "almanac.rss"},
            "/notices.json", new String[]{"application/feed+json", "timetable.json"},
            "/quiet/", new String[]{"text/html", "plain.html"});

    private HttpServer server;
    private HttpFetcher http;
    private String base;
    private final Queue<String> requested = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            String[] page = SITE.get(path);
            // /quiet/ is a site whose root has no feed either: /index.xml answers only for the ferry site's requests
            if (page == null || (path.equals("/index.xml") && requested.contains("/quiet/"))) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = fixture(page[1]);
                exchange.getResponseHeaders().add("Content-Type", page[0]);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        http = new HttpFetcher(new HttpConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20, "newsflow-test")
                .allowingLoopbackPort(server.getAddress().getPort()));
    }

    @AfterEach
    void stopSite() {
        server.stop(0);
        http.close();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = FeedDiscoveryTest.class.getResourceAsStream("/discover/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FeedDiscovery discovery() {
        return new FeedDiscovery(http, new FeedParser(500));
    }

    @Test
    void alternateLinksOfFeedTypesAreVerifiedAndTheOnesThatParseComeBackInPageOrder() throws Exception {
        Discovery d = discovery().discover(base + "/blog/");

        assertThat(d.feeds()).extracting(DiscoveredFeed::url).containsExactly(base + "/blog/feed.xml", base + "/atom");
        assertThat(d.feeds().get(0)).isEqualTo(new DiscoveredFeed(base + "/blog/feed.xml", "Almanac posts", "rss_2.0", 2, "link"));
        assertThat(d.feeds().get(1).format()).isEqualTo("atom_1.0");
        // the REST API's JSON alternate is not a JSON Feed, the comments feed is missing; the HTML translation
        // link is not even tried, nor the common paths, since alternates were found
        assertThat(d.rejected()).extracting(Rejected::url)
                .containsExactly(base + "/wp-json/wp/v2/pages/2", base + "/comments/feed");
        assertThat(d.rejected().get(1).reason()).contains("404");
        assertThat(requested).doesNotContain("/fr/blog/", "/feed", "/index.xml");
    }

    @Test
    void withoutAlternateLinksTheCommonPathsAreTriedUnderThePageDirectoryThenAtTheRoot() throws Exception {
        Discovery d = discovery().discover(base + "/ferry/timetable");

        assertThat(d.feeds()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo(base + "/index.xml");
            assertThat(f.via()).isEqualTo("path");
        });
        assertThat(requested).contains("/ferry/feed", "/ferry/rss.xml", "/feed", "/atom.xml", "/feeds/posts/default");
    }

    @Test
    void aUrlThatIsAlreadyAFeedIsReturnedAsItIs() throws Exception {
        Discovery d = discovery().discover(base + "/notices.json");

        assertThat(d.feeds()).containsExactly(new DiscoveredFeed(base + "/notices.json", "Ferry notices", "json_1.1", 1, "given"));
        assertThat(requested).containsExactly("/notices.json");
    }

    @Test
    void aSiteWithNoFeedAnywhereGivesNoFeedAndSaysWhatWasTried() throws Exception {
        Discovery d = discovery().discover(base + "/quiet/");

        assertThat(d.feeds()).isEmpty();
        assertThat(d.rejected()).hasSize(2 * FeedDiscovery.COMMON_PATHS.size());
        assertThat(d.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void aSiteThatCannotBeFetchedIsADiscoveryExceptionNamingIt() {
        assertThatThrownBy(() -> discovery().discover(base + "/gone/"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining(base + "/gone/").hasMessageContaining("404");
        assertThatThrownBy(() -> discovery().discover("almanac.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("almanac.example");
    }

    @Test
    void commonPathsAtTheRootOnlyWhenThePageIsTheRoot() {
        assertThat(FeedDiscovery.commonPaths(URI.create("https://x.example/"))).containsExactly(
                "https://x.example/feed", "https://x.example/rss", "https://x.example/rss.xml", "https://x.example/atom.xml",
                "https://x.example/feed.xml", "https://x.example/index.xml", "https://x.example/feeds/posts/default");
        assertThat(FeedDiscovery.commonPaths(URI.create("https://x.example:8443/news/today"))).startsWith(
                "https://x.example:8443/news/feed").contains("https://x.example:8443/rss").hasSize(14);
    }

    @Test
    void alternateLinksNeedAFeedTypeAndAreCappedAndDeduplicated() {
        StringBuilder page = new StringBuilder("<html><head>");
        for (int i = 0; i < 30; i++) {
            page.append("<link rel='alternate' type='application/rss+xml' href='/cat/").append(i).append("/feed'>");
            page.append("<link rel='alternate' type='application/rss+xml' href='/cat/").append(i).append("/feed'>");
        }
        page.append("<link rel='alternate' href='/untyped'></head></html>");
        List<String> links = FeedDiscovery.alternateLinks(org.jsoup.Jsoup.parse(page.toString(), "https://x.example/"));

        assertThat(links).hasSize(10).doesNotHaveDuplicates().doesNotContain("https://x.example/untyped");
        assertThat(links.get(0)).isEqualTo("https://x.example/cat/0/feed");
    }
}
