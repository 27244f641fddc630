package newsflow.app.testing;

import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.NewsflowConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated feeds on 127.0.0.1 for ingest tests: {@code /feeds/<n>.xml} holds one item, with its own article
 * link, dated an hour before the server started. Every request is recorded with its user agent (one per ingest
 * instance), so tests can tell which instance polled which feed when.
 */
public final class NumberedFeeds implements AutoCloseable {

    /** One request for feed {@code feed} by the client whose User-Agent was {@code instance}. */
    public record Poll(int feed, String instance, Instant at) {
    }

    private final Queue<Poll> polls = new ConcurrentLinkedQueue<>();
    private final HttpServer server;
    private final String base;

    /** @param etags whether feeds carry an ETag and answer a matching If-None-Match with 304 */
    public static NumberedFeeds start(boolean etags) throws IOException {
        return new NumberedFeeds(etags);
    }

    private NumberedFeeds(boolean etags) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        String published = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        server.createContext("/feeds/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().replaceAll("\\D", ""));
            polls.add(new Poll(n, ex.getRequestHeaders().getFirst("User-Agent"), Instant.now()));
            String etag = "\"v1-" + n + "\"";
            if (etags) {
                ex.getResponseHeaders().set("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    ex.close();
                    return;
                }
            }
            byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + n + "</title><link>" + base
                    + "/</link><description>d</description><item><title>Story " + n + "</title><link>" + base + "/articles/"
                    + n + ".html</link><guid>" + base + "/articles/" + n + ".html</guid><pubDate>" + published
                    + "</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String base() {
        return base;
    }

    public String feedUrl(int n) {
        return base + "/feeds/" + n + ".xml";
    }

    /** Serves {@code body} as {@code contentType} at {@code path} (a page around the feeds, say). */
    public void page(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(200, bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    /** Every request so far, in arrival order. */
    public List<Poll> polls() {
        return List.copyOf(polls);
    }

    public Set<Integer> polledBy(String instance) {
        return polls.stream().filter(p -> p.instance().equals(instance)).map(Poll::feed).collect(Collectors.toSet());
    }

    public Set<Integer> polledSince(Instant since) {
        return polls.stream().filter(p -> p.at().isAfter(since)).map(Poll::feed).collect(Collectors.toSet());
    }

    public Set<Integer> polledSince(String instance, Instant since) {
        return polls.stream().filter(p -> p.instance().equals(instance) && p.at().isAfter(since))
                .map(Poll::feed).collect(Collectors.toSet());
    }

    public Instant lastPollOf(String instance) {
        return polls.stream().filter(p -> p.instance().equals(instance)).map(Poll::at).max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
    }

    /**
     * One instance at a time: no feed was requested twice within {@code interval} (less {@code slack}) by these
     * instances, whichever of them.
     */
    public void assertNoFeedPolledTwiceWithin(Duration interval, Duration slack, Collection<String> instances) {
        polls.stream().filter(p -> instances.contains(p.instance())).collect(Collectors.groupingBy(Poll::feed)).forEach((feed, list) -> {
            List<Poll> sorted = list.stream().sorted(Comparator.comparing(Poll::at)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Duration gap = Duration.between(sorted.get(i - 1).at(), sorted.get(i).at());
                assertThat(gap).as("feed %d polled by %s then %s", feed, sorted.get(i - 1).instance(), sorted.get(i).instance())
                        .isGreaterThanOrEqualTo(interval.minus(slack));
            }
        });
    }

    /**
     * An ingest configuration on {@code shared}'s topics and groups listing feeds {@code 0 … feeds-1} polled every
     * {@code interval}, identifying itself to this server as {@code userAgent}; a short Kafka session so a killed
     * instance's feeds move soon.
     */
    public String ingestYaml(NewsflowConfig shared, String userAgent, Duration interval, int feeds) {
        String list = IntStream.range(0, feeds).mapToObj(i -> "  - url: " + feedUrl(i)).collect(Collectors.joining("\n"));
        return """
                dataDir: %s
                kafka:
                  bootstrapServers: "%s"
                  topicPrefix: "%s"
                  groupPrefix: "%s"
                  properties:
                    session.timeout.ms: "6000"
                elasticsearch:
                  url: "%s"
                  index: "%s"
                http:
                  userAgent: %s
                  allowPrivate: ["127.0.0.1/32:%d"]   # this loopback server, nothing else
                ingest:
                  defaultInterval: %ds
                  minInterval: 1s
                  # every simulated feed is on 127.0.0.1: per-host politeness would make these tests of that
                  perHostConcurrency: 16
                  perHostDelay: 0s
                server:
                  port: 0
                feeds:
                %s
                """.formatted(shared.dataDir(), shared.kafka().bootstrapServers(), shared.kafka().topicPrefix(),
                shared.kafka().groupPrefix(), shared.elasticsearch().url(), shared.elasticsearch().index(), userAgent,
                server.getAddress().getPort(), interval.toSeconds(), list);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
