package newsflow.ingest.assign;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.IngestConfig;
import newsflow.common.json.Json;
import newsflow.ingest.registry.RegistryChanges;
import newsflow.ingest.schedule.FeedPoll;
import newsflow.ingest.schedule.PollOutcome;
import newsflow.ingest.schedule.PollScheduler;
import newsflow.ingest.schedule.PollTiming;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.FeedStateStore;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds added to and removed from the registry at runtime are polled by the instance owning their state
 * partition only, and a feed added while its partition belongs to another instance is polled here once the
 * partition moves here.
 */
class FeedOwnershipTest {

    private static final String STATE = "test.feed-state";
    private static final int PARTITIONS = 2;
    private static final TopicPartition P0 = new TopicPartition(STATE, 0);
    private static final TopicPartition P1 = new TopicPartition(STATE, 1);
    /** No feed should come round again within this after it stopped or when it was never ours. */
    private static final Duration QUIET = Duration.ofMillis(600);

    private final Queue<FeedConfig> polls = new ConcurrentLinkedQueue<>();
    private PollScheduler scheduler;
    private FeedOwnership ownership;

    /** A URL whose state lives in {@code partition}. */
    private static String feedIn(int partition, String name) {
        for (int i = 0; ; i++) {
            String url = "https://" + name + i + ".example/rss";
            if (FeedPartitions.partitionOf(url, PARTITIONS) == partition) {
                return url;
            }
        }
    }

    private static FeedConfig feed(String url, String name) {
        return new FeedConfig(url, name, null, null, Map.of());
    }

    private static MockConsumer<String, byte[]> emptyStateTopic() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(STATE, List.of(new PartitionInfo(STATE, 0, node, new Node[0], new Node[0]),
                new PartitionInfo(STATE, 1, node, new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        return consumer;
    }

    private final MockProducer<String, byte[]> stateProducer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private FeedStateStore states;
    private final String a0 = feedIn(0, "a");
    private final String a1 = feedIn(1, "a");
    private final String b0 = feedIn(0, "b");
    private final String b1 = feedIn(1, "b");

    @BeforeEach
    void start() {
        FeedPoll poll = feed -> {
            polls.add(feed);
            return new PollOutcome(feed.url(), PollOutcome.Status.FETCHED, 0, 0, null, null, Instant.now().plusMillis(20));
        };
        IngestConfig fast = new IngestConfig(Duration.ofMillis(20), Duration.ofMillis(1), Duration.ofMillis(50), 500,
                2000, 2, 2, Duration.ZERO, Duration.ofHours(6), 30);
        scheduler = new PollScheduler(List.of(feed(a0, null), feed(a1, null)), poll, new PollTiming(fast), url -> null,
                2, new SimpleMeterRegistry(), Clock.systemUTC());
        states = new FeedStateStore(FeedOwnershipTest::emptyStateTopic, stateProducer, STATE, Duration.ofSeconds(5));
        MockConsumer<String, byte[]> member = emptyStateTopic();
        member.assign(List.of(P0, P1));
        ownership = new FeedOwnership(member, states, scheduler, PARTITIONS);
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private long pollsOf(String url) {
        return polls.stream().filter(f -> f.url().equals(url)).count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void addedFeedsArePolledOnlyByTheOwnerOfTheirPartition() throws Exception {
        ownership.onPartitionsAssigned(List.of(P0));
        await("a0 polled", () -> pollsOf(a0) >= 2);

        ownership.registryChanged(new RegistryChanges(List.of(feed(b0, "B0"), feed(b1, "B1")), List.of()));
        await("b0, added at runtime, polled", () -> pollsOf(b0) >= 3);
        Thread.sleep(QUIET.toMillis());

        assertThat(pollsOf(a1)).as("a1 lives in partition 1, not ours").isZero();
        assertThat(pollsOf(b1)).as("b1 lives in partition 1, not ours").isZero();
        assertThat(scheduler.feedUrls()).contains(b0, b1);
    }

    @Test
    void aRemovedFeedStopsBeingPolled() throws Exception {
        ownership.onPartitionsAssigned(List.of(P0, P1));
        await("a0 and a1 polled", () -> pollsOf(a0) >= 2 && pollsOf(a1) >= 2);

        ownership.registryChanged(new RegistryChanges(List.of(), List.of(a0)));
        long atRemoval = pollsOf(a0);
        await("a1 still polled", () -> pollsOf(a1) >= 10);
        Thread.sleep(QUIET.toMillis());

        assertThat(pollsOf(a0)).isEqualTo(atRemoval);
        assertThat(scheduler.feedUrls()).containsExactly(a1);
    }

    @Test
    void aFeedChangedOrAddedElsewhereIsPolledWithItsNewConfigurationOnceItsPartitionMovesHere() throws Exception {
        ownership.onPartitionsAssigned(List.of(P0));
        ownership.registryChanged(new RegistryChanges(List.of(feed(a1, "renamed"), feed(b1, null)), List.of()));
        Thread.sleep(QUIET.toMillis());
        assertThat(pollsOf(a1) + pollsOf(b1)).isZero();

        ownership.onPartitionsAssigned(List.of(P1));

        await("a1 and b1 polled after the move", () -> pollsOf(a1) >= 1 && pollsOf(b1) >= 1);
        assertThat(polls).filteredOn(f -> f.url().equals(a1)).extracting(FeedConfig::name).containsOnly("renamed");
    }

    @Test
    void afterItsPartitionIsRevokedANewFeedThereIsNotPolled() throws Exception {
        ownership.onPartitionsAssigned(List.of(P0, P1));
        ownership.onPartitionsRevoked(List.of(P1));

        ownership.registryChanged(new RegistryChanges(List.of(feed(b0, null), feed(b1, null)), List.of()));
        await("b0 polled", () -> pollsOf(b0) >= 3);
        Thread.sleep(QUIET.toMillis());

        assertThat(pollsOf(b1)).isZero();
    }

    /** Saves two polls of {@code url} a second apart: the first is written, the second (nothing changed) is not. */
    private FeedState pollTwice(String url) throws Exception {
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        FeedState first = FeedState.initial(url).withSuccess("\"e\"", null, t).withNextPollAt(t.plusSeconds(5));
        states.save(first);
        FeedState second = first.withSuccess("\"e\"", null, t.plusSeconds(1)).withNextPollAt(t.plusSeconds(6));
        assertThat(states.save(second)).isFalse();
        return second;
    }

    @Test
    void aRevokedPartitionsFeedsHaveTheirPendingStateWrittenForTheNextOwner() throws Exception {
        ownership.onPartitionsAssigned(List.of(P0, P1));
        FeedState latest = pollTwice(a1);
        pollTwice(a0);
        int before = stateProducer.history().size();

        ownership.onPartitionsRevoked(List.of(P1));

        assertThat(stateProducer.history().subList(before, stateProducer.history().size()))
                .as("a1's latest state, not a0's (still ours)")
                .singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo(a1);
                    assertThat(Json.read(r.value(), FeedState.class)).isEqualTo(latest);
                });
    }

    @Test
    void aLostPartitionsFeedsAreLeftToWhoeverPollsThemNow() throws Exception {
        ownership.onPartitionsAssigned(List.of(P0, P1));
        pollTwice(a1);
        int before = stateProducer.history().size();

        ownership.onPartitionsLost(List.of(P1));

        assertThat(stateProducer.history()).hasSize(before);
    }
}
