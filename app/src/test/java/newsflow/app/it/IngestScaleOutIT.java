package newsflow.app.it;

import com.sun.net.httpserver.HttpServer;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.StageProcess;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.KafkaClients;
import newsflow.ingest.IngestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ingest instances over 200 feeds share them through the ingest consumer group: each feed is polled by one
 * instance at a time, never twice within its interval; when one instance is killed (SIGKILL, its own JVM) the
 * other takes its feeds over within a minute, from the state the dead one left in Kafka, and publishes no entry
 * a second time.
 */
class IngestScaleOutIT {

    private static final int FEEDS = 200;
    private static final Duration INTERVAL = Duration.ofSeconds(20);
    /** Clock and scheduling slack between one poll's request and the next's. */
    private static final Duration SLACK = Duration.ofMillis(500);

    private record Poll(int feed, String instance, Instant at) {
    }

    private final Queue<Poll> polls = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private Process instanceB;
    private IngestStage instanceA;

    @Test
    void twoInstancesShareTheFeedsAndTheSurvivorTakesOverFromTheKilledOne() throws Exception {
        server = feedServer();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        NewsflowConfig shared = IsolatedRun.config("scale", List.of());
        Path dir = Path.of(shared.dataDir());
        Path yamlB = dir.resolve("ingest-b.yaml");
        Files.writeString(yamlB, yaml(shared, base, "instance-b"));
        NewsflowConfig configA = ConfigLoader.load(yaml(shared, base, "instance-a"), Map.of());

        KafkaClients kafka = new KafkaClients(configA.kafka());
        kafka.ensureTopics();
        HttpFetcher http = new HttpFetcher(configA.http());
        instanceA = new IngestStage(configA, kafka, http);
        Thread.ofPlatform().name("ingest-a").start(instanceA);
        instanceB = StageProcess.start("ingest", yamlB, dir.resolve("ingest-b.log"));

        Eventually.await("both instances polling", Duration.ofMinutes(2), Duration.ofSeconds(1),
                () -> polledBy("instance-a").size() > 0 && polledBy("instance-b").size() > 0,
                () -> "a " + polledBy("instance-a").size() + ", b " + polledBy("instance-b").size() + " feeds; log " + dir);
        Eventually.await("every feed polled", Duration.ofMinutes(1), Duration.ofSeconds(1),
                () -> polledFeeds(Instant.MIN).size() == FEEDS, () -> polledFeeds(Instant.MIN).size() + " of " + FEEDS);

        // Kill B while it is between polls: a kill in the middle of a poll, after its entries were published and
        // before its state was saved, would have the survivor publish that one poll's entries again (same ids,
        // overwritten downstream); this test is about the handover.
        Eventually.await("a quiet moment of instance b", Duration.ofMinutes(1), Duration.ofMillis(50),
                () -> lastPollOf("instance-b").isBefore(Instant.now().minusSeconds(2)), () -> "b keeps polling");
        Set<Integer> ownedByB = polledBy("instance-b");
        instanceB.destroyForcibly();
        assertThat(instanceB.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();

        Eventually.await("instance a polling every feed of the killed instance", Duration.ofMinutes(1), Duration.ofSeconds(1),
                () -> feedsPolledSince("instance-a", killed).containsAll(ownedByB),
                () -> feedsPolledSince("instance-a", killed).stream().filter(ownedByB::contains).count() + " of " + ownedByB.size());
        instanceA.close();

        assertThat(ownedByB).isNotEmpty();
        Map<Integer, List<Poll>> byFeed = polls.stream().collect(Collectors.groupingBy(Poll::feed));
        byFeed.forEach((feed, list) -> {
            List<Poll> sorted = list.stream().sorted(Comparator.comparing(Poll::at)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Duration gap = Duration.between(sorted.get(i - 1).at(), sorted.get(i).at());
                assertThat(gap).as("feed %d polled by %s then %s", feed, sorted.get(i - 1).instance(), sorted.get(i).instance())
                        .isGreaterThanOrEqualTo(INTERVAL.minus(SLACK));
            }
        });
        List<String> keys = IsolatedRun.recordKeys(configA, kafka.topics().entries());
        assertThat(keys).hasSize(FEEDS).doesNotHaveDuplicates();
        http.close();
    }

    @AfterEach
    void stop() {
        if (instanceB != null) {
            instanceB.destroyForcibly();
        }
        if (instanceA != null) {
            instanceA.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private Set<Integer> polledBy(String instance) {
        return polls.stream().filter(p -> p.instance().equals(instance)).map(Poll::feed).collect(Collectors.toSet());
    }

    private Set<Integer> polledFeeds(Instant since) {
        return polls.stream().filter(p -> p.at().isAfter(since)).map(Poll::feed).collect(Collectors.toSet());
    }

    private Set<Integer> feedsPolledSince(String instance, Instant since) {
        return polls.stream().filter(p -> p.instance().equals(instance) && p.at().isAfter(since))
                .map(Poll::feed).collect(Collectors.toSet());
    }

    private Instant lastPollOf(String instance) {
        return polls.stream().filter(p -> p.instance().equals(instance)).map(Poll::at).max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
    }

    /** {@code /feeds/<n>.xml}: one item each, with its own article link; every request recorded with its user agent. */
    private HttpServer feedServer() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + s.getAddress().getPort();
        s.createContext("/feeds/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().replaceAll("\\D", ""));
            polls.add(new Poll(n, ex.getRequestHeaders().getFirst("User-Agent"), Instant.now()));
            byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + n + "</title><link>" + base
                    + "/</link><description>d</description><item><title>Story " + n + "</title><link>" + base + "/articles/"
                    + n + ".html</link><guid>" + base + "/articles/" + n + ".html</guid></item></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        return s;
    }

    private static String yaml(NewsflowConfig shared, String base, String userAgent) {
        String feeds = IntStream.range(0, FEEDS).mapToObj(i -> "  - url: " + base + "/feeds/" + i + ".xml")
                .collect(Collectors.joining("\n"));
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
                ingest:
                  defaultInterval: %ds
                  minInterval: 1s
                  # every simulated feed is on 127.0.0.1: per-host politeness would make this a test of that
                  perHostConcurrency: 16
                  perHostDelay: 0s
                server:
                  port: 0
                feeds:
                %s
                """.formatted(shared.dataDir(), shared.kafka().bootstrapServers(), shared.kafka().topicPrefix(),
                shared.kafka().groupPrefix(), shared.elasticsearch().url(), shared.elasticsearch().index(), userAgent,
                INTERVAL.toSeconds(), feeds);
    }
}
