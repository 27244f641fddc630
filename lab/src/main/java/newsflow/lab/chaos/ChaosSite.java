package newsflow.lab.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.server.HttpServers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The one site the pipeline is allowed to reach (127.0.0.1 and this port): feeds of legitimate articles with pages of
 * distinct text, and the hostile material: feeds of hostile links ({@link HostileKind}), pages that trickle, redirect
 * into the internal server, inflate to gigabytes, exceed the size limit or nest without end, and feeds that trickle,
 * redirect into the internal server, declare external entities or an entity bomb, or are gzip bombs.
 * Requests are counted per route.
 */
final class ChaosSite implements AutoCloseable {

    /** Legitimate articles per feed. */
    static final int ITEMS_PER_FEED = 100;
    /** Feed-level hostile material: polled, but no article of theirs may carry what they try to smuggle in. */
    static final List<String> HOSTILE_FEEDS = List.of("trickle", "redirect-internal", "xxe", "entity-bomb", "gzip-bomb");

    private static final long OVERSIZE_BYTES = 12L * 1024 * 1024;
    private static final long BOMB_INFLATED_BYTES = 256L * 1024 * 1024;
    private static final Duration TRICKLE_FOR = Duration.ofMinutes(10);
    private static final String[] WORDS = ("harbour council river bridge school market festival railway farmers museum "
            + "library hospital budget election storm drought orchard vineyard ferry tunnel airport stadium orchestra "
            + "theatre garden forest glacier valley island coast village district mayor teachers nurses engineers "
            + "pilots fishermen students volunteers inspectors surveyors архив café naïve déjà smørrebrød copper timber "
            + "granite salt wool grain coffee tea cotton steel glass paper ink lantern compass anchor sail harvest winter "
            + "spring summer autumn monday tuesday wednesday thursday friday saturday sunday north south east west quiet "
            + "busy early late new old green red blue amber silver golden narrow wide steep gentle").split(" ");

    private final HttpServer server;
    private final String base;
    private final int internalPort;
    private final int legitimate;
    private final int hostilePerKind;
    private final int nestingDepth;
    private final long seed;
    private final Instant published;
    private final byte[] gzipBomb;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

    private ChaosSite(int legitimate, int hostilePerKind, int nestingDepth, int internalPort, long seed) throws IOException {
        this.legitimate = legitimate;
        this.hostilePerKind = hostilePerKind;
        this.nestingDepth = nestingDepth;
        this.internalPort = internalPort;
        this.seed = seed;
        this.published = Instant.now().minus(Duration.ofHours(2));
        this.gzipBomb = gzipOfZeros(BOMB_INFLATED_BYTES);
        server = HttpServers.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static ChaosSite start(int legitimate, int hostilePerKind, int nestingDepth, int internalPort, long seed) throws IOException {
        return new ChaosSite(legitimate, hostilePerKind, nestingDepth, internalPort, seed);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every feed URL: the legitimate ones, one per hostile kind, and the hostile feeds. */
    List<String> feedUrls() {
        List<String> feeds = new ArrayList<>();
        for (int f = 0; f * ITEMS_PER_FEED < legitimate; f++) {
            feeds.add(base + "/feeds/news-" + f + ".xml");
        }
        for (HostileKind kind : HostileKind.values()) {
            feeds.add(base + "/feeds/links-" + kind.slug() + ".xml");
        }
        HOSTILE_FEEDS.forEach(name -> feeds.add(hostileFeedUrl(name)));
        return feeds;
    }

    String hostileFeedUrl(String name) {
        return base + "/feeds/hostile-" + name + ".xml";
    }

    /** Every article link the feeds carry (the hostile feeds' own items excluded: they must not be trusted at all). */
    List<ChaosArticle> articles() {
        List<ChaosArticle> all = new ArrayList<>();
        for (int n = 0; n < legitimate; n++) {
            all.add(legitimateArticle(n));
        }
        for (HostileKind kind : HostileKind.values()) {
            for (int k = 0; k < hostilePerKind; k++) {
                all.add(hostileArticle(kind, k));
            }
        }
        return all;
    }

    /** Requests received per route ({@code news}, {@code feeds/news}, {@code hostile/trickle-page}, …). */
    Map<String, Long> requests() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        requests.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    private ChaosArticle legitimateArticle(int n) {
        return new ChaosArticle(base + "/feeds/news-" + n / ITEMS_PER_FEED + ".xml", base + "/news/" + n + ".html",
                "L%06d".formatted(n), null);
    }

    private ChaosArticle hostileArticle(HostileKind kind, int k) {
        String internal = "http://127.0.0.1:" + internalPort;
        String url = switch (kind) {
            case INTERNAL_DIRECT -> internal + "/internal/direct-" + k;
            case INTERNAL_IPV6 -> "http://[::1]:" + internalPort + "/internal/ipv6-" + k;
            case INTERNAL_HEX -> "http://0x7f.1:" + internalPort + "/internal/hex-" + k;
            case METADATA -> "http://169.254.169.254/latest/meta-data/chaos-" + k;
            default -> base + "/hostile/" + kind.slug() + "-" + k + ".html";
        };
        return new ChaosArticle(base + "/feeds/links-" + kind.slug() + ".xml", url, "H-%s-%04d".formatted(kind.slug(), k), kind);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try (ex) {
            if (path.equals("/robots.txt")) {
                count("robots");
                send(ex, 200, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/news/")) {
                count("news");
                send(ex, 200, "text/html; charset=utf-8", page(Integer.parseInt(number(path))).getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/feeds/news-")) {
                count("feeds/news");
                send(ex, 200, "application/rss+xml; charset=utf-8", legitimateFeed(Integer.parseInt(number(path))));
            } else if (path.startsWith("/feeds/links-")) {
                String slug = path.substring("/feeds/links-".length(), path.length() - ".xml".length());
                count("feeds/links");
                HostileKind kind = kindOf(slug);
                if (kind == null) {
                    send(ex, 404, "text/plain", new byte[0]);
                } else {
                    send(ex, 200, "application/rss+xml; charset=utf-8", linksFeed(kind));
                }
            } else if (path.startsWith("/feeds/hostile-")) {
                String name = path.substring("/feeds/hostile-".length(), path.length() - ".xml".length());
                count("feeds/hostile-" + name);
                hostileFeed(ex, name);
            } else if (path.startsWith("/hostile/")) {
                String slug = path.substring("/hostile/".length(), path.lastIndexOf('-'));
                count("hostile/" + slug);
                hostilePage(ex, kindOf(slug), path);
            } else {
                count("other");
                send(ex, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException clientGone) {
            // the fetch layer hung up on a trickle or a bomb: exactly what it should do
        }
    }

    private void hostilePage(HttpExchange ex, HostileKind kind, String path) throws IOException {
        if (kind == null) {
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        switch (kind) {
            case TRICKLE_PAGE -> trickle(ex, "text/html; charset=utf-8",
                    "<html><head><title>Trickle</title></head><body><article><p>" + "slow ".repeat(2000));
            case INTERNAL_REDIRECT -> redirect(ex, "http://127.0.0.1:" + internalPort + "/internal/redirect-" + number(path));
            case GZIP_BOMB -> {
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
                send(ex, 200, "text/html; charset=utf-8", gzipBomb);
            }
            case OVERSIZE -> oversize(ex);
            case DEEP_NESTING -> send(ex, 200, "text/html; charset=utf-8", ("<html><head><title>Deep</title></head><body>"
                    + "<div><span>".repeat(nestingDepth) + "deep text ".repeat(300)).getBytes(StandardCharsets.UTF_8));
            default -> send(ex, 404, "text/plain", new byte[0]);
        }
    }

    private void hostileFeed(HttpExchange ex, String name) throws IOException {
        String internal = "http://127.0.0.1:" + internalPort;
        switch (name) {
            case "trickle" -> trickle(ex, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                    + "<title>Trickle</title>" + "<!-- slow -->".repeat(500));
            case "redirect-internal" -> redirect(ex, internal + "/internal/feed.xml");
            case "xxe" -> send(ex, 200, "application/rss+xml", ("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE rss [
                      <!ENTITY xxe SYSTEM "%1$s/internal/xxe">
                      <!ENTITY passwd SYSTEM "file:///etc/passwd">
                    ]>
                    <rss version="2.0"><channel><title>XXE &xxe;</title><link>%2$s/</link><description>d</description>
                    <item><title>Chaos XXE item &xxe;</title><link>%2$s/hostile/xxe-0.html</link>
                    <guid>%2$s/hostile/xxe-0.html</guid><description>Entity: &xxe; &passwd;</description></item>
                    </channel></rss>
                    """).formatted(internal, base).getBytes(StandardCharsets.UTF_8));
            case "entity-bomb" -> send(ex, 200, "application/rss+xml", entityBomb().getBytes(StandardCharsets.UTF_8));
            case "gzip-bomb" -> {
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
                send(ex, 200, "application/rss+xml", gzipBomb);
            }
            default -> send(ex, 404, "text/plain", new byte[0]);
        }
    }

    private String entityBomb() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lollollollollol\">\n");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return dtd + "]>\n<rss version=\"2.0\"><channel><title>Bomb</title><link>" + base + "/</link><description>d</description>"
                + "<item><title>Chaos bomb item</title><link>" + base + "/hostile/bomb-0.html</link>"
                + "<description>&lol10;</description></item></channel></rss>";
    }

    private void trickle(HttpExchange ex, String contentType, String body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long until = System.nanoTime() + TRICKLE_FOR.toNanos();
        for (int i = 0; i < bytes.length && System.nanoTime() < until; i++) {
            out.write(bytes[i]);
            out.flush();
            sleep(1000);
        }
    }

    private void oversize(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // no Content-Length: the fetch layer finds out while reading
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write("<html><head><title>Huge</title></head><body><article>".getBytes(StandardCharsets.UTF_8));
        byte[] chunk = "<p>filler paragraph of an endless page.</p>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (long sent = 0; sent < OVERSIZE_BYTES; sent += chunk.length) {
            out.write(chunk);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private byte[] legitimateFeed(int feed) {
        StringBuilder items = new StringBuilder();
        for (int n = feed * ITEMS_PER_FEED; n < Math.min(legitimate, (feed + 1) * ITEMS_PER_FEED); n++) {
            ChaosArticle a = legitimateArticle(n);
            items.append(item(a, title(n), "Summary of report " + a.token() + ": " + sentence(new Random(seed * 31 + n), 20), n));
        }
        return rss("Chaos Gazette " + feed, items);
    }

    private byte[] linksFeed(HostileKind kind) {
        StringBuilder items = new StringBuilder();
        for (int k = 0; k < hostilePerKind; k++) {
            ChaosArticle a = hostileArticle(kind, k);
            items.append(item(a, "Chaos hostile " + a.token(), "Feed summary of hostile item " + a.token()
                    + ", kept when the page cannot be used.", k));
        }
        return rss("Chaos hostile links: " + kind.slug(), items);
    }

    private String item(ChaosArticle a, String title, String description, int n) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(published.plusSeconds(n).atOffset(ZoneOffset.UTC));
        return "<item><title>" + xml(title) + "</title><link>" + xml(a.url()) + "</link><guid>" + xml(a.url())
                + "</guid><pubDate>" + date + "</pubDate><description>" + xml(description) + "</description></item>\n";
    }

    private byte[] rss(String title, CharSequence items) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + xml(title)
                + "</title><link>" + base + "/</link><description>chaos run</description>\n" + items + "</channel></rss>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String title(int n) {
        Random r = new Random(seed * 17 + n);
        return "Chaos report " + legitimateArticle(n).token() + ": " + WORDS[r.nextInt(WORDS.length)] + " and "
                + WORDS[r.nextInt(WORDS.length)];
    }

    /** A page of distinct text: three paragraphs drawn from the article's own random stream. */
    String page(int n) {
        Random r = new Random(seed * 7919 + n);
        String title = title(n);
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            body.append("<p>").append(xml(sentence(r, 45 + r.nextInt(20)))).append("</p>\n");
        }
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%1$s</title></head>
                <body><nav><a href="/">Home</a> <a href="/news/">News</a></nav>
                <article><h1>%1$s</h1>
                %2$s</article><footer>Chaos Gazette</footer></body></html>
                """.formatted(xml(title), body);
    }

    private static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[r.nextInt(WORDS.length)];
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                    .append(w % 12 == 11 ? ". " : " ");
        }
        return s.toString().strip() + " (" + Integer.toHexString(r.nextInt()) + ").";
    }

    private void count(String route) {
        requests.computeIfAbsent(route, k -> new AtomicLong()).incrementAndGet();
    }

    /** The kind a URL slug names, null for none (the hostile feeds' own item links). */
    private static HostileKind kindOf(String slug) {
        for (HostileKind k : HostileKind.values()) {
            if (k.slug().equals(slug)) {
                return k;
            }
        }
        return null;
    }

    private static String number(String path) {
        String digits = path.replaceAll("\\D", "");
        return digits.isEmpty() ? "0" : digits;
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static byte[] gzipOfZeros(long inflated) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (long n = 0; n < inflated; n += zeros.length) {
                gz.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
