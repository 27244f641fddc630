package newsflow.lab.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many small generated RSS feeds spread over many hosts, all on the loopback interface: host {@code h} is the
 * address {@code 127.1.x.y} (Linux routes all of 127/8 to loopback), so the client sees distinct hosts and its
 * per-host limits apply, while every request stays on this machine. Feed {@code k} lives on host
 * {@code k % hosts}.
 *
 * <p>Each feed gains a new item every {@code changeEvery} requests and carries an ETag, so a poller that sends
 * its validators gets a mix of 200s with one new item and 304s. The server records, per host, the most
 * requests it was handling at once and the shortest gap between two requests arriving: what the client's
 * politeness promised.
 */
final class SimulatedFeedServer implements AutoCloseable {

    static final String THREAD_PREFIX = "bench-server-";
    private static final int ITEMS = 10;
    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final int feeds;
    private final int changeEvery;
    private final LoopbackHosts hosts;
    private final AtomicIntegerArray requestsPerFeed;
    private final AtomicIntegerArray inFlight;
    private final AtomicIntegerArray maxInFlight;
    private final AtomicLongArray lastArrival;
    private final AtomicLongArray minGap;
    private final LongAdder ok = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder notFound = new LongAdder();

    /** @param handlerThreads threads answering requests, shared by all hosts */
    SimulatedFeedServer(int feeds, int hosts, int changeEvery, int handlerThreads) throws IOException {
        if (feeds < hosts || changeEvery < 1) {
            throw new IllegalArgumentException("need 1 ≤ hosts ≤ 62500, feeds ≥ hosts and changeEvery ≥ 1; got "
                    + feeds + " feeds, " + hosts + " hosts, changeEvery " + changeEvery);
        }
        this.feeds = feeds;
        this.changeEvery = changeEvery;
        this.requestsPerFeed = new AtomicIntegerArray(feeds);
        this.inFlight = new AtomicIntegerArray(hosts);
        this.maxInFlight = new AtomicIntegerArray(hosts);
        this.lastArrival = new AtomicLongArray(hosts);
        this.minGap = new AtomicLongArray(hosts);
        for (int h = 0; h < hosts; h++) {
            minGap.set(h, Long.MAX_VALUE);
        }
        this.hosts = new LoopbackHosts(hosts, handlerThreads, THREAD_PREFIX, "/feed/", host -> exchange -> handle(host, exchange));
    }

    /** Host h's loopback address: 127.1.0.1, 127.1.0.2, … 127.1.0.250, 127.1.1.1, … */
    static String address(int host) {
        return LoopbackHosts.address(host);
    }

    int hosts() {
        return hosts.size();
    }

    String feedUrl(int feed) {
        return hosts.baseUrl(feed % hosts.size()) + "/feed/" + feed + ".xml";
    }

    private void handle(int host, HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        int now = inFlight.incrementAndGet(host);
        maxInFlight.accumulateAndGet(host, now, Math::max);
        long previous = lastArrival.getAndSet(host, arrived);
        if (previous != 0) {
            minGap.accumulateAndGet(host, Math.abs(arrived - previous), Math::min);
        }
        // the request stops counting as in flight just before its last bytes go out: a client that sends its next
        // request as soon as it has the response must not find this one still counted (a reused connection is fast)
        boolean[] released = {false};
        Runnable release = () -> {
            if (!released[0]) {
                released[0] = true;
                inFlight.decrementAndGet(host);
            }
        };
        try (exchange) {
            int feed = feedOf(exchange.getRequestURI().getPath());
            if (feed < 0 || feed % hosts.size() != host) {
                notFound.increment();
                release.run();
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int version = requestsPerFeed.getAndIncrement(feed) / changeEvery;
            String etag = "\"" + feed + "-" + version + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.increment();
                release.run();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = rss(feed, version, hosts.baseUrl(host)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            ok.increment();
            release.run();
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            release.run();
        }
    }

    private int feedOf(String path) {
        if (!path.startsWith("/feed/") || !path.endsWith(".xml")) {
            return -1;
        }
        try {
            int feed = Integer.parseInt(path.substring("/feed/".length(), path.length() - ".xml".length()));
            return feed >= 0 && feed < feeds ? feed : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Version v of a feed: items v … v+9, newest first, one more each version. */
    static String rss(int feed, int version, String base) {
        StringBuilder xml = new StringBuilder(3000);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Simulated feed ").append(feed).append("</title>")
                .append("<link>").append(base).append("/site/").append(feed).append("/</link>")
                .append("<description>Generated for the scheduling benchmark</description>");
        for (int i = version + ITEMS - 1; i >= version; i--) {
            xml.append("<item><title>Story ").append(i).append(" of feed ").append(feed).append("</title>")
                    .append("<link>").append(base).append("/site/").append(feed).append("/story-").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">bench-").append(feed).append('-').append(i).append("</guid>")
                    .append("<pubDate>").append(RFC_822.format(BASE.plusSeconds(60L * i))).append("</pubDate>")
                    .append("<description>Paragraph ").append(i)
                    .append(" &amp; a little text, so the item is the size of a real one's summary.</description>")
                    .append("</item>");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** Requests answered with 200, 304 and 404 so far. */
    long[] responses() {
        return new long[]{ok.sum(), notModified.sum(), notFound.sum()};
    }

    /** The most requests any one host was handling at once. */
    int maxConcurrentPerHost() {
        int max = 0;
        for (int h = 0; h < maxInFlight.length(); h++) {
            max = Math.max(max, maxInFlight.get(h));
        }
        return max;
    }

    /** The shortest time between two requests arriving at one host, in nanoseconds; MAX_VALUE when none did twice. */
    long minGapNanos() {
        long min = Long.MAX_VALUE;
        for (int h = 0; h < minGap.length(); h++) {
            min = Math.min(min, minGap.get(h));
        }
        return min;
    }

    @Override
    public void close() {
        hosts.close();
    }
}
