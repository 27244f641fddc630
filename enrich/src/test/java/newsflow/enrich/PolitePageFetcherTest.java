package newsflow.enrich;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.HttpConfig;
import newsflow.common.http.HostGate;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.Extraction.Method;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Provenance;
import newsflow.common.model.Schema;
import newsflow.enrich.process.ArticleBuilder;
import newsflow.enrich.robots.RobotsCache;
import newsflow.enrich.topics.TopicMatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Article fetches through the real fetch layer against pages served on loopback: robots.txt, the shared per-host
 * gate, the alternate version of a shell page, and the enrich loop around them (Kafka's mock clients).
 */
class PolitePageFetcherTest {

    static final String ENTRIES = "nf.entries";
    static final TopicPartition TP = new TopicPartition(ENTRIES, 0);

    final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    final MockProducer<String, Article> articles = new MockProducer<>(true, null, new StringSerializer(),
            JsonCodec.ARTICLE.serializer());
    final MockProducer<String, byte[]> deadLetters = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
    // several loopback hosts (127.0.0.x) on ports chosen later: the whole loopback network is allowed
    final HttpFetcher http = new HttpFetcher(new HttpConfig(Duration.ofSeconds(5), Duration.ofSeconds(20), 1_000_000, "newsflow-test")
            .withAllowPrivate(List.of("127.0.0.0/8")));
    final List<HttpServer> servers = new ArrayList<>();
    /** Paths requested, per host, in order. */
    final Map<String, List<String>> requested = new ConcurrentHashMap<>();
    /** Requests in flight per host now, and the most seen at once. */
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
    private long added;

    @BeforeEach
    void setUp() {
        consumer.assign(List.of(TP));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        http.close();
        servers.forEach(s -> s.stop(0));
    }

    interface Page {
        void serve(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** A site on {@code address}: every request counted, {@code pages} by path, anything else 404. */
    String site(String address, Map<String, Page> pages) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.setExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory()));
        server.createContext("/", ex -> {
            String host = ex.getLocalAddress().getAddress().getHostAddress();
            String path = ex.getRequestURI().toString();
            requested.computeIfAbsent(host, k -> Collections.synchronizedList(new ArrayList<>())).add(path);
            int now = inFlight.computeIfAbsent(host, k -> new AtomicInteger()).incrementAndGet();
            mostInFlight.computeIfAbsent(host, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                Page page = pages.get(path);
                if (page == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    page.serve(ex);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.get(host).decrementAndGet();
                ex.close();
            }
        });
        server.start();
        servers.add(server);
        return "http://" + address + ":" + server.getAddress().getPort();
    }

    static Page html(String html) {
        return ex -> send(ex, 200, html.getBytes(StandardCharsets.UTF_8));
    }

    static Page fixture(String name) {
        return ex -> send(ex, 200, Fixtures.bytes(name));
    }

    static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    static final Page ROBOTS = ex -> {
        byte[] body = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    };

    static String story(String headline) {
        return "<html><head><title>" + headline + "</title></head><body><article><h1>" + headline + "</h1>"
                + ("<p>" + headline + " was discussed at length by the town council on Monday evening, and residents "
                + "spoke for and against the plan for more than two hours before the vote was taken.</p>").repeat(4)
                + "</article></body></html>";
    }

    EnrichProcessor loop(int concurrency, HostGate gate, boolean robots) {
        return loop(http, concurrency, gate, robots);
    }

    EnrichProcessor loop(HttpFetcher http, int concurrency, HostGate gate, boolean robots) {
        RobotsCache cache = robots ? new RobotsCache(http, "newsflow-test", meters, Clock.systemUTC()) : null;
        PageFetcher fetcher = new PolitePageFetcher(http, cache, gate, concurrency, meters, Clock.systemUTC(),
                PolitePageFetcher.MAX_TURN_WAIT);
        return new EnrichProcessor(articles, new DeadLetters(deadLetters, "nf.dead-letter", EnrichProcessor.STAGE),
                "nf.articles", fetcher, true, new ArticleBuilder(new TopicMatcher(Map.of()), Clock.systemUTC()),
                new ArticleSizeLimit(1_048_588, meters), pool, meters, Clock.systemUTC());
    }

    void add(String id, String link) {
        FeedEntry entry = new FeedEntry(Schema.VERSION, id, "https://example.org/feed", "Site", link, null, "Headline " + id,
                "The feed's summary of " + id + ".", null, List.of(), Instant.parse("2026-03-04T08:00:00Z"), null, List.of(),
                List.of(), Instant.now());
        consumer.addRecord(new ConsumerRecord<>(ENTRIES, 0, added++, id, JsonCodec.FEED_ENTRY.encode(entry)));
    }

    Map<String, Article> byId() {
        Map<String, Article> out = new ConcurrentHashMap<>();
        articles.history().forEach(r -> out.put(r.key(), r.value()));
        return out;
    }

    static boolean process(EnrichProcessor processor, ConsumerRecords<String, byte[]> records) throws Exception {
        return EnrichProcessorTest.processBatch(processor, records, Duration.ofMinutes(5));
    }

    @Test
    void aShellPageIsReplacedByItsAmpVersionFetchedThroughTheSameRobotsAndGate() throws Exception {
        String base = site("127.0.0.1", Map.of(
                "/robots.txt", ROBOTS,
                "/news/harbour-ferry-returns", fixture("shell-with-amp.html"),
                "/news/harbour-ferry-returns/amp", fixture("shell-amp-version.html")));
        add("ferry", base + "/news/harbour-ferry-returns");

        assertThat(process(loop(4, new HostGate(1, Duration.ZERO, Clock.systemUTC()), true), consumer.poll(Duration.ZERO))).isTrue();

        Article a = byId().get("ferry");
        assertThat(a.extraction().method()).isEqualTo(Method.PAGE);
        assertThat(a.extraction().fieldSources().byField()).containsEntry(ArticleField.BODY, Provenance.AMP);
        assertThat(a.body()).startsWith("The Kestrel Bay ferry carried its first passengers");
        assertThat(a.extraction().fallbackReason()).endsWith("used its AMP version " + base + "/news/harbour-ferry-returns/amp");
        assertThat(requested.get("127.0.0.1")).containsExactly("/robots.txt", "/news/harbour-ferry-returns",
                "/news/harbour-ferry-returns/amp");
        assertThat(meters.find(MeterNames.ALTERNATE_PAGES).tag("kind", "amp").counter().count()).isEqualTo(1);
    }

    @Test
    void aPrintVersionRobotsTxtDisallowsIsNotFetched() throws Exception {
        String shell = """
                <html><head><title>Quarry plan</title><link rel="alternate" media="print" href="/private/quarry-plan-print">
                </head><body><div id="app"></div></body></html>""";
        String base = site("127.0.0.1", Map.of("/robots.txt", ROBOTS, "/news/quarry-plan", html(shell),
                "/private/quarry-plan-print", html(story("Quarry plan"))));
        add("quarry", base + "/news/quarry-plan");

        assertThat(process(loop(4, new HostGate(2, Duration.ZERO, Clock.systemUTC()), true), consumer.poll(Duration.ZERO))).isTrue();

        Article a = byId().get("quarry");
        assertThat(a.extraction().method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(a.extraction().fallbackReason()).contains("print version " + base + "/private/quarry-plan-print not used: "
                + "robots.txt disallows");
        assertThat(requested.get("127.0.0.1")).containsExactly("/robots.txt", "/news/quarry-plan");
    }

    @Test
    void aBusyHostDoesNotHoldUpPagesOfOtherHostsInTheSameBatch() throws Exception {
        CountDownLatch slowHostAnswers = new CountDownLatch(1);
        Page slow = ex -> {
            slowHostAnswers.await(20, TimeUnit.SECONDS);
            send(ex, 200, story("Bridge closure").getBytes(StandardCharsets.UTF_8));
        };
        Map<String, Page> slowPages = Map.of("/a1", slow, "/a2", slow, "/a3", slow, "/a4", slow);
        String busy = site("127.0.0.1", slowPages);
        String other = site("127.0.0.2", Map.of("/b1", html(story("School fete")), "/b2", html(story("Library hours"))));
        for (String path : List.of("/a1", "/a2", "/a3", "/a4")) {
            add("busy" + path.substring(1), busy + path);
        }
        add("other1", other + "/b1");
        add("other2", other + "/b2");
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ZERO);
        assertThat(batch.count()).isEqualTo(6);

        // two fetches in flight in all, one per host: three of the busy host's pages wait for its turn, not for a permit
        EnrichProcessor loop = loop(2, new HostGate(1, Duration.ZERO, Clock.systemUTC()), false);
        CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(() -> {
            try {
                return process(loop, batch);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        EnrichProcessorTest.await(() -> requested.getOrDefault("127.0.0.2", List.of()).size() == 2
                && inFlight.getOrDefault("127.0.0.2", new AtomicInteger()).get() == 0);
        assertThat(requested.get("127.0.0.1")).hasSize(1); // the busy host still answers its first page
        assertThat(done).isNotDone();

        slowHostAnswers.countDown();
        assertThat(done.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(byId()).hasSize(6).allSatisfy((id, a) -> assertThat(a.extraction().method()).isEqualTo(Method.PAGE));
        assertThat(mostInFlight.get("127.0.0.1").get()).isEqualTo(1);
        assertThat(requested.get("127.0.0.1")).hasSize(4);
    }

    @Test
    void aHostThatAnswers429IsLeftAloneForItsRetryAfterAndItsOtherPagesUseTheFeed() throws Exception {
        Page throttled = ex -> {
            ex.getResponseHeaders().set("Retry-After", "600");
            ex.sendResponseHeaders(429, -1);
        };
        String base = site("127.0.0.1", Map.of("/p1", throttled, "/p2", throttled));
        add("p1", base + "/p1");
        add("p2", base + "/p2");

        assertThat(process(loop(4, new HostGate(1, Duration.ZERO, Clock.systemUTC()), false), consumer.poll(Duration.ZERO))).isTrue();

        assertThat(requested.get("127.0.0.1")).hasSize(1);
        List<String> reasons = byId().values().stream().map(a -> a.extraction().fallbackReason()).sorted().toList();
        assertThat(reasons).hasSize(2);
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("page fetch failed").contains("429"))
                .anySatisfy(r -> assertThat(r).startsWith("politeness: no turn on the host"));
        assertThat(byId().values()).allSatisfy(a -> assertThat(a.extraction().method()).isEqualTo(Method.FEED_SUMMARY));
        assertThat(meters.find(MeterNames.PAGES_DEFERRED).counter().count()).isEqualTo(1);
    }

    /** Headers at once, then one byte a second: never done within any sensible deadline. */
    static final Page TRICKLE = ex -> {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        var out = ex.getResponseBody();
        out.write("<html><body>".getBytes(StandardCharsets.UTF_8));
        out.flush();
        for (int i = 0; i < 3600; i++) {
            Thread.sleep(1000);
            out.write('x');
            out.flush();
        }
    };

    static HttpFetcher fetcher(Duration total, String... allowed) {
        return new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(60), 1_000_000, "newsflow-test")
                .withTotalTimeout(total).withAllowPrivate(List.of(allowed)));
    }

    static int port(String base) {
        return java.net.URI.create(base).getPort();
    }

    @Test
    void aTrickledPageIsCutOffAtTheDeadlineAndTheArticleUsesTheFeed() throws Exception {
        String base = site("127.0.0.1", Map.of("/slow", TRICKLE, "/fine", html(story("Harbour reopens"))));
        add("slow", base + "/slow");
        add("fine", base + "/fine");
        try (HttpFetcher deadline = fetcher(Duration.ofSeconds(2), "127.0.0.1/32:" + port(base))) {
            assertThat(process(loop(deadline, 4, new HostGate(2, Duration.ZERO, Clock.systemUTC()), false), consumer.poll(Duration.ZERO))).isTrue();
        }
        Article slow = byId().get("slow");
        assertThat(slow.extraction().method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(slow.extraction().fallbackReason()).startsWith("page fetch failed: DEADLINE").contains("http.totalTimeout");
        assertThat(byId().get("fine").extraction().method()).isEqualTo(Method.PAGE);
    }

    @Test
    void aTrickledRobotsTxtIsCutOffAtTheDeadline() throws Exception {
        String base = site("127.0.0.1", Map.of("/robots.txt", TRICKLE, "/story", html(story("Quarry plan"))));
        add("story", base + "/story");
        try (HttpFetcher deadline = fetcher(Duration.ofSeconds(2), "127.0.0.1/32:" + port(base))) {
            assertThat(process(loop(deadline, 4, new HostGate(1, Duration.ZERO, Clock.systemUTC()), true), consumer.poll(Duration.ZERO))).isTrue();
        }
        // robots.txt unavailable: the page is not fetched, the article is built from the feed
        assertThat(requested.get("127.0.0.1")).containsExactly("/robots.txt");
        assertThat(byId().get("story").extraction().method()).isEqualTo(Method.FEED_SUMMARY);
    }

    @Test
    void aPageRedirectingToAnInternalAddressIsRefusedAndTheReasonSaysWhy() throws Exception {
        String inside = site("127.0.0.1", Map.of("/_cat/indices", html(story("Secret index list"))));
        Page redirect = ex -> {
            ex.getResponseHeaders().set("Location", inside + "/_cat/indices");
            ex.sendResponseHeaders(302, -1);
        };
        String outside = site("127.0.0.1", Map.of("/story", redirect));
        add("story", outside + "/story");
        add("direct", inside + "/_cat/indices");
        try (HttpFetcher guarded = fetcher(Duration.ofSeconds(10), "127.0.0.1/32:" + port(outside))) {
            assertThat(process(loop(guarded, 4, new HostGate(2, Duration.ZERO, Clock.systemUTC()), true), consumer.poll(Duration.ZERO))).isTrue();
        }
        for (String id : List.of("story", "direct")) {
            Article a = byId().get(id);
            assertThat(a.extraction().method()).as(id).isEqualTo(Method.FEED_SUMMARY);
            assertThat(a.extraction().fallbackReason()).as(id).startsWith("page fetch failed: REFUSED")
                    .contains("127.0.0.1 port " + port(inside) + " is loopback", "not in http.allowPrivate");
            assertThat(a.body()).doesNotContain("Secret");
        }
        // the internal server never saw a request, not even for its robots.txt
        assertThat(requested.get("127.0.0.1")).containsExactly("/robots.txt", "/story");
    }
}
