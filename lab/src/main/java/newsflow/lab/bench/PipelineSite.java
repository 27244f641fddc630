package newsflow.lab.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real article pages under distinct URLs on many loopback hosts ({@link LoopbackHosts}), listed by
 * RSS feeds. Article {@code n} is {@code /a/<n>.html} on host {@code n % hosts}, with the bytes of page
 * {@code n % pages}, in feed {@code n % feeds}. An article is listed only once it is released, and the server notes
 * when a feed listing it was first served: the poll that saw it, where freshness starts.
 */
final class PipelineSite implements AutoCloseable {

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final List<Path> pages;
    private final int articles;
    private final int feeds;
    private final LoopbackHosts hosts;
    /** Per article: released (listed in its feed) when > 0, as System.nanoTime(); 0 not yet. */
    private final AtomicLongArray released;
    /** Per article: when a feed listing it was first served, System.nanoTime(); 0 not yet. */
    private final AtomicLongArray firstServed;
    private final Instant published = Instant.now();
    /** Per feed: whether it was served at least once. */
    private final java.util.concurrent.atomic.AtomicIntegerArray feedServed;
    private final java.util.concurrent.atomic.AtomicInteger feedsPolled = new java.util.concurrent.atomic.AtomicInteger();
    private final PageLatency latency;

    /**
     * How long an article page takes to answer: {@code typical}, except every {@code slowEvery}-th article (n with
     * {@code n % slowEvery == slowEvery - 1}), which takes {@code slow}. Feeds answer at once.
     */
    record PageLatency(java.time.Duration typical, java.time.Duration slow, int slowEvery) {
        static final PageLatency NONE = new PageLatency(java.time.Duration.ZERO, java.time.Duration.ZERO, 1);

        java.time.Duration of(int article) {
            return article % slowEvery == slowEvery - 1 ? slow : typical;
        }

        int slowAmong(int articles) {
            return slow.equals(typical) ? 0 : articles / slowEvery;
        }

        double meanSeconds() {
            return (typical.toNanos() * (slowEvery - 1) + slow.toNanos()) / (double) slowEvery / 1e9;
        }
    }

    /** The hub the feeds advertise (WebSub), null: none. */
    private volatile WebSubHub hub;

    PipelineSite(List<Path> pages, int articles, int feeds, int hosts) throws IOException {
        this(pages, articles, feeds, hosts, PageLatency.NONE);
    }

    PipelineSite(List<Path> pages, int articles, int feeds, int hosts, PageLatency latency) throws IOException {
        if (pages.isEmpty() || articles < 1 || feeds < 1) {
            throw new IllegalArgumentException("need pages, articles ≥ 1 and feeds ≥ 1; got "
                    + pages.size() + " pages, " + articles + " articles, " + feeds + " feeds, " + hosts + " hosts");
        }
        this.pages = List.copyOf(pages);
        this.articles = articles;
        this.feeds = feeds;
        this.released = new AtomicLongArray(articles);
        this.firstServed = new AtomicLongArray(articles);
        this.feedServed = new java.util.concurrent.atomic.AtomicIntegerArray(feeds);
        this.latency = latency;
        // a page that waits holds its handler thread: enough of them that waiting pages never queue the others
        this.hosts = new LoopbackHosts(hosts, latency == PageLatency.NONE ? 8 : 128, "bench-site-", "/", host -> this::handle);
    }

    /**
     * The pages under the directories, sorted by path: {@code *.html} and {@code *.html.gz} as the benchmark layouts
     * keep them, without Readability's {@code expected.html} (its expected output, not a page).
     */
    static List<Path> pagesUnder(List<Path> dirs) {
        List<Path> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--pages " + dir + ": not a directory");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).filter(f -> {
                    String name = f.getFileName().toString();
                    return (name.endsWith(".html") || name.endsWith(".html.gz")) && !name.equals("expected.html");
                }).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("--pages " + dirs + ": no .html or .html.gz files");
        }
        return found;
    }

    List<String> feedUrls() {
        List<String> urls = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            urls.add(feedUrl(f));
        }
        return urls;
    }

    String feedUrl(int feed) {
        return hosts.baseUrl(feed % hosts.size()) + "/feed/" + feed + ".xml";
    }

    /** The feed listing article n. */
    int feedOf(int n) {
        return n % feeds;
    }

    /** From now on the feeds advertise {@code hub} (served at {@code /hub} on the first host) with their own URL as topic. */
    void advertiseHub(WebSubHub hub) {
        this.hub = hub;
    }

    /** The feed's content as a poll would get it now (what a hub pushes); counts as serving it. */
    byte[] feedContent(int feed) {
        return feed(feed);
    }

    String articleUrl(int n) {
        return hosts.baseUrl(n % hosts.size()) + "/a/" + n + ".html";
    }

    /** Lists articles {@code from} (inclusive) to {@code to} (exclusive) in their feeds from now on. */
    void release(int from, int to) {
        long now = System.nanoTime();
        for (int n = from; n < to; n++) {
            released.compareAndSet(n, 0, now);
        }
    }

    /** When a feed listing article n was first served (System.nanoTime()), 0 if never yet. */
    long firstServed(int n) {
        return firstServed.get(n);
    }

    int articles() {
        return articles;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/feed/") && path.endsWith(".xml")) {
                int feed = number(path, "/feed/", ".xml", feeds);
                if (feed >= 0) {
                    send(exchange, "application/rss+xml; charset=utf-8", feed(feed));
                    return;
                }
            } else if (path.equals(WebSubHub.PATH) && hub != null) {
                hub.handle(exchange);
                return;
            } else if (path.startsWith("/a/") && path.endsWith(".html")) {
                int n = number(path, "/a/", ".html", articles);
                if (n >= 0 && released.get(n) > 0) {
                    sleep(latency.of(n));
                    send(exchange, "text/html; charset=utf-8", page(pages.get(n % pages.size())));
                    return;
                }
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private static void sleep(java.time.Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int number(String path, String prefix, String suffix, int bound) {
        try {
            int n = Integer.parseInt(path.substring(prefix.length(), path.length() - suffix.length()));
            return n >= 0 && n < bound ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Feeds served at least once. */
    int feedsPolled() {
        return feedsPolled.get();
    }

    private byte[] feed(int feed) {
        long now = System.nanoTime();
        if (feedServed.compareAndSet(feed, 0, 1)) {
            feedsPolled.incrementAndGet();
        }
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>")
                .append("<title>Bench feed ").append(feed).append("</title><link>").append(hosts.baseUrl(feed % hosts.size()))
                .append("/</link><description>Real pages for the pipeline benchmark</description>");
        if (hub != null) {
            xml.append("<atom:link rel=\"hub\" href=\"").append(hosts.baseUrl(0)).append(WebSubHub.PATH).append("\"/>")
                    .append("<atom:link rel=\"self\" href=\"").append(feedUrl(feed)).append("\"/>");
        }
        for (int n = feed; n < articles; n += feeds) {
            if (released.get(n) == 0) {
                continue;
            }
            firstServed.compareAndSet(n, 0, now);
            xml.append("<item><title>Article ").append(n).append("</title><link>").append(articleUrl(n)).append("</link>")
                    .append("<guid isPermaLink=\"false\">bench-article-").append(n).append("</guid>")
                    .append("<pubDate>").append(RFC_822.format(published)).append("</pubDate>")
                    .append("<description>Article ").append(n).append(" of the pipeline benchmark.</description></item>");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] page(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream source = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return source.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        hosts.close();
    }
}
