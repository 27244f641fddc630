package newsflow.app.it;

import newsflow.app.testing.Cli;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.NumberedFeeds;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.json.Json;
import newsflow.common.kafka.KafkaClients;
import newsflow.ingest.IngestStage;
import newsflow.ingest.status.FeedStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators manage the feeds of running ingest instances through {@code newsflow feeds}: feeds added (by URL,
 * by autodiscovery from a site, from OPML) are polled within seconds by exactly one of two instances, without a
 * restart; a removed feed is polled no more; {@code feeds status} reports what the polling instance saved.
 */
class FeedRegistryIT {

    private static final int CONFIGURED = 10;
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    /** Clock and scheduling slack between one poll's request and the next's. */
    private static final Duration SLACK = Duration.ofMillis(500);

    private NumberedFeeds server;
    private IngestStage instanceA;
    private IngestStage instanceB;

    @Test
    void feedsAddedAndRemovedAtRuntimeArePolledByOneInstanceAndReported() throws Exception {
        server = NumberedFeeds.start(true);
        String base = server.base();
        server.page("/site/", "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Site</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feeds/11.xml\"></head><body>Hi</body></html>");
        NewsflowConfig shared = IsolatedRun.config("registry", List.of());
        Path dir = Path.of(shared.dataDir());
        Path cliYaml = dir.resolve("cli.yaml");
        Files.writeString(cliYaml, server.ingestYaml(shared, "cli", INTERVAL, CONFIGURED));
        NewsflowConfig configA = ConfigLoader.load(server.ingestYaml(shared, "instance-a", INTERVAL, CONFIGURED), Map.of());
        NewsflowConfig configB = ConfigLoader.load(server.ingestYaml(shared, "instance-b", INTERVAL, CONFIGURED), Map.of());

        KafkaClients kafka = new KafkaClients(configA.kafka());
        try (HttpFetcher httpA = new HttpFetcher(configA.http()); HttpFetcher httpB = new HttpFetcher(configB.http())) {
            instanceA = new IngestStage(configA, kafka, httpA);
            instanceB = new IngestStage(configB, new KafkaClients(configB.kafka()), httpB);
            Thread.ofPlatform().name("ingest-a").start(instanceA);
            Thread.ofPlatform().name("ingest-b").start(instanceB);
            Eventually.await("the configured feeds polled", Duration.ofMinutes(2), Duration.ofMillis(200),
                    () -> polledFeeds(Instant.MIN).containsAll(range(0, CONFIGURED)), () -> polledFeeds(Instant.MIN).toString());

            // by URL, by discovery from a site page, and from an OPML file
            assertThat(Cli.run(cliYaml, "feeds", "add", base + "/feeds/10.xml", "--name", "Ten").exit()).isZero();
            Cli.Run discovered = Cli.run(cliYaml, "feeds", "add", base + "/site/", "--discover");
            assertThat(discovered.exit()).isZero();
            assertThat(discovered.out()).contains("found " + base + "/feeds/11.xml", "added: " + base + "/feeds/11.xml");
            Path opml = dir.resolve("more.opml");
            Files.writeString(opml, """
                    <opml version="1.0"><body><outline text="More">
                      <outline text="Twelve" xmlUrl="%s/feeds/12.xml"/>
                      <outline text="Already there" xmlUrl="%s/feeds/3.xml"/>
                    </outline></body></opml>""".formatted(base, base));
            Cli.Run imported = Cli.run(cliYaml, "feeds", "import", opml.toString());
            assertThat(imported.out()).contains("1 feeds added, 1 already registered, 0 skipped");

            Instant added = Instant.now();
            Eventually.await("the added feeds polled", Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> polledFeeds(Instant.MIN).containsAll(range(10, 13)), () -> polledFeeds(Instant.MIN).toString());
            assertThat(Duration.between(added, Instant.now())).isLessThan(Duration.ofSeconds(15));

            assertThat(Cli.run(cliYaml, "feeds", "remove", base + "/feeds/10.xml").exit()).isZero();
            Instant removed = Instant.now().plus(Duration.ofSeconds(3)); // followed on the next turns of the loops
            Eventually.await("three intervals after the removal", Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> Instant.now().isAfter(removed.plus(INTERVAL.multipliedBy(3))), () -> "");
            assertThat(polledFeeds(removed)).doesNotContain(10).contains(11);

            Cli.Run status = Cli.run(cliYaml, "feeds", "status", "--json");
            List<FeedStatus> rows = status.out().lines().map(l -> Json.read(l, FeedStatus.class)).toList();
            assertThat(rows).hasSize(12).extracting(FeedStatus::url).doesNotContain(base + "/feeds/10.xml");
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.polled()).isTrue();
                assertThat(r.lastSuccess()).isNotNull();
                assertThat(r.errorStreak()).isZero();
                assertThat(r.etag()).isTrue();
                assertThat(r.itemsPerDay()).isEqualTo(1.0); // one item, dated an hour ago
                assertThat(r.nextPollAt()).isNotNull();
            });
            Path exported = dir.resolve("export.opml");
            assertThat(Cli.run(cliYaml, "feeds", "export", exported.toString()).exit()).isZero();
            assertThat(Files.readString(exported)).contains(base + "/feeds/11.xml", "text=\"Twelve\"")
                    .doesNotContain(base + "/feeds/10.xml");
        } finally {
            instanceA.close();
            instanceB.close();
        }

        // one instance at a time: no feed polled twice within its interval (the CLI's discovery fetched feed 11
        // once, before any instance knew it)
        server.assertNoFeedPolledTwiceWithin(INTERVAL, SLACK, List.of("instance-a", "instance-b"));
        assertThat(server.polls()).extracting(NumberedFeeds.Poll::instance).containsOnly("instance-a", "instance-b", "cli");
        assertThat(IsolatedRun.recordKeys(configA, kafka.topics().entries())).hasSize(CONFIGURED + 3).doesNotHaveDuplicates();
    }

    @AfterEach
    void stop() {
        if (instanceA != null) {
            instanceA.close();
        }
        if (instanceB != null) {
            instanceB.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Runs a {@code newsflow} command in this JVM, capturing what it prints. */

    /** Feeds the ingest instances (not the CLI's discovery) requested since {@code since}. */
    private Set<Integer> polledFeeds(Instant since) {
        return server.polls().stream().filter(p -> !p.instance().equals("cli") && p.at().isAfter(since))
                .map(NumberedFeeds.Poll::feed).collect(Collectors.toSet());
    }

    private static Set<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toSet());
    }
}
