package newsflow.app.it;

import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.NumberedFeeds;
import newsflow.app.testing.StageProcess;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.KafkaClients;
import newsflow.ingest.IngestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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

    private NumberedFeeds server;
    private Process instanceB;
    private IngestStage instanceA;

    @Test
    void twoInstancesShareTheFeedsAndTheSurvivorTakesOverFromTheKilledOne() throws Exception {
        server = NumberedFeeds.start(false);
        NewsflowConfig shared = IsolatedRun.config("scale", List.of());
        Path dir = Path.of(shared.dataDir());
        Path yamlB = dir.resolve("ingest-b.yaml");
        Files.writeString(yamlB, server.ingestYaml(shared, "instance-b", INTERVAL, FEEDS));
        NewsflowConfig configA = ConfigLoader.load(server.ingestYaml(shared, "instance-a", INTERVAL, FEEDS), Map.of());

        KafkaClients kafka = new KafkaClients(configA.kafka());
        kafka.ensureTopics();
        HttpFetcher http = new HttpFetcher(configA.http());
        instanceA = new IngestStage(configA, kafka, http);
        Thread.ofPlatform().name("ingest-a").start(instanceA);
        instanceB = StageProcess.start("ingest", yamlB, dir.resolve("ingest-b.log"));

        Eventually.await("both instances polling", Duration.ofMinutes(2), Duration.ofSeconds(1),
                () -> server.polledBy("instance-a").size() > 0 && server.polledBy("instance-b").size() > 0,
                () -> "a " + server.polledBy("instance-a").size() + ", b " + server.polledBy("instance-b").size() + " feeds; log " + dir);
        Eventually.await("every feed polled", Duration.ofMinutes(1), Duration.ofSeconds(1),
                () -> server.polledSince(Instant.MIN).size() == FEEDS, () -> server.polledSince(Instant.MIN).size() + " of " + FEEDS);

        // Kill B while it is between polls: a kill in the middle of a poll, after its entries were published and
        // before its state was saved, would have the survivor publish that one poll's entries again (same ids,
        // overwritten downstream); this test is about the handover.
        Eventually.await("a quiet moment of instance b", Duration.ofMinutes(1), Duration.ofMillis(50),
                () -> server.lastPollOf("instance-b").isBefore(Instant.now().minusSeconds(2)), () -> "b keeps polling");
        Set<Integer> ownedByB = server.polledBy("instance-b");
        instanceB.destroyForcibly();
        assertThat(instanceB.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();

        Eventually.await("instance a polling every feed of the killed instance", Duration.ofMinutes(1), Duration.ofSeconds(1),
                () -> server.polledSince("instance-a", killed).containsAll(ownedByB),
                () -> server.polledSince("instance-a", killed).stream().filter(ownedByB::contains).count() + " of " + ownedByB.size());
        instanceA.close();

        assertThat(ownedByB).isNotEmpty();
        server.assertNoFeedPolledTwiceWithin(INTERVAL, SLACK, List.of("instance-a", "instance-b"));
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
            server.close();
        }
    }
}
