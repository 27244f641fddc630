package newsflow.ingest.state;

import newsflow.common.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedStateStoreTest {

    private static final String TOPIC = "test.feed-state";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    private static FeedState state(String url, String... ids) {
        return FeedState.initial(url).withSuccess("\"" + url.length() + "\"", null, Instant.parse("2024-05-01T12:00:00Z"))
                .remember(java.util.Arrays.stream(ids).map(id -> new PublishedEntry(id, "fp")).toList(), 100);
    }

    private static MockConsumer<String, byte[]> topicWith(List<ConsumerRecord<String, byte[]>> records) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(
                new PartitionInfo(TOPIC, 0, node, new Node[0], new Node[0]),
                new PartitionInfo(TOPIC, 1, node, new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        Map<TopicPartition, Long> end = new HashMap<>(Map.of(P0, 0L, P1, 0L));
        for (ConsumerRecord<String, byte[]> r : records) {
            end.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        consumer.updateEndOffsets(end);
        // records become visible once the consumer is assigned and positioned, as with a real broker
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key, value);
    }

    @Test
    void restoreReadsEveryPartitionToTheEndLastRecordWinning() {
        List<ConsumerRecord<String, byte[]>> records = List.of(
                record(0, 0, "https://a.example/rss", Json.writeBytes(state("https://a.example/rss", "a1"))),
                record(1, 0, "https://b.example/rss", Json.writeBytes(state("https://b.example/rss", "b1"))),
                record(0, 1, "https://a.example/rss", Json.writeBytes(state("https://a.example/rss", "a2", "a1"))));
        FeedStateStore store = new FeedStateStore(() -> topicWith(records), producer, TOPIC, Duration.ofSeconds(10));

        assertThat(store.restore()).isEqualTo(2);
        assertThat(store.get("https://a.example/rss").fingerprints()).containsOnlyKeys("a2", "a1");
        assertThat(store.get("https://b.example/rss").fingerprints()).containsOnlyKeys("b1");
        assertThat(store.find("https://never.example/rss")).isEmpty();
        assertThat(store.get("https://never.example/rss")).isEqualTo(FeedState.initial("https://never.example/rss"));
    }

    @Test
    void unreadableRecordsAndTombstonesDoNotStopTheRestore() {
        List<ConsumerRecord<String, byte[]>> records = List.of(
                record(0, 0, "https://a.example/rss", Json.writeBytes(state("https://a.example/rss", "a1"))),
                record(0, 1, "https://bad.example/rss", "{not json".getBytes(StandardCharsets.UTF_8)),
                record(1, 0, "https://gone.example/rss", Json.writeBytes(state("https://gone.example/rss", "g"))),
                record(1, 1, "https://gone.example/rss", null));
        FeedStateStore store = new FeedStateStore(() -> topicWith(records), producer, TOPIC, Duration.ofSeconds(10));

        assertThat(store.restore()).isEqualTo(1);
        assertThat(store.find("https://a.example/rss")).isPresent();
        assertThat(store.find("https://bad.example/rss")).isEmpty();
        assertThat(store.find("https://gone.example/rss")).isEmpty();
    }

    @Test
    void restoreThatCannotReachTheEndFailsAfterTheTimeout() {
        MockConsumer<String, byte[]> stuck = topicWith(List.of());
        stuck.updateEndOffsets(Map.of(P0, 5L)); // claims records it never delivers
        FeedStateStore store = new FeedStateStore(() -> stuck, producer, TOPIC, Duration.ofMillis(300));

        assertThatThrownBy(store::restore).isInstanceOf(IllegalStateException.class).hasMessageContaining(TOPIC);
    }

    @Test
    void saveProducesTheStateKeyedByFeedUrlAndARestartSeesIt() throws Exception {
        FeedStateStore store = new FeedStateStore(() -> topicWith(List.of()), producer, TOPIC, Duration.ofSeconds(10));
        store.restore();
        FeedState saved = state("https://a.example/rss", "x", "y");

        store.save(saved);

        List<ProducerRecord<String, byte[]>> history = producer.history();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).topic()).isEqualTo(TOPIC);
        assertThat(history.get(0).key()).isEqualTo("https://a.example/rss");

        List<ConsumerRecord<String, byte[]>> replay = List.of(record(0, 0, history.get(0).key(), history.get(0).value()));
        FeedStateStore restarted = new FeedStateStore(() -> topicWith(replay), producer, TOPIC, Duration.ofSeconds(10));
        restarted.restore();
        assertThat(restarted.get("https://a.example/rss")).isEqualTo(saved);
    }

    @Test
    void unacknowledgedSaveIsReported() {
        MockProducer<String, byte[]> failing = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        FeedStateStore store = new FeedStateStore(() -> topicWith(List.of()), failing, TOPIC, Duration.ofSeconds(10));
        Thread broker = new Thread(() -> {
            while (!failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"))) {
                Thread.onSpinWait();
            }
        });
        broker.start();

        assertThatThrownBy(() -> store.save(state("https://a.example/rss", "x")))
                .isInstanceOf(StateSaveException.class)
                .hasMessageContaining("https://a.example/rss")
                .hasMessageContaining("broker gone");
    }

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    /** A successful poll at {@code at}, due again {@code wait} later. */
    private static FeedState polled(FeedState s, Instant at, Duration wait) {
        return s.withSuccess(s.etag(), s.lastModified(), at).withNextPollAt(at.plus(wait));
    }

    private FeedStateStore emptyStore() {
        FeedStateStore store = new FeedStateStore(() -> topicWith(List.of()), producer, TOPIC, Duration.ofSeconds(10));
        store.restore();
        return store;
    }

    @Test
    void anUnchangedPollIsKeptInMemoryAndWrittenOnceTheWrittenStateIsAMinuteOld() throws Exception {
        FeedStateStore store = emptyStore();
        FeedState first = polled(state("https://a.example/rss", "x"), T0, Duration.ofSeconds(5));
        assertThat(store.save(first)).isTrue();

        FeedState later = polled(first, T0.plusSeconds(55), Duration.ofSeconds(5));
        assertThat(store.save(later)).as("only the poll times moved, 55 s after the written state").isFalse();
        assertThat(producer.history()).hasSize(1);
        assertThat(store.get("https://a.example/rss")).as("memory has the latest poll").isEqualTo(later);

        FeedState aMinuteOn = polled(later, T0.plus(FeedStateStore.UNCHANGED_WRITE_EVERY), Duration.ofSeconds(5));
        assertThat(store.save(aMinuteOn)).isTrue();
        assertThat(producer.history()).hasSize(2);
        assertThat(Json.read(producer.history().get(1).value(), FeedState.class)).isEqualTo(aMinuteOn);
        // the minute counts from the last written state again
        assertThat(store.save(polled(aMinuteOn, T0.plusSeconds(65), Duration.ofSeconds(5)))).isFalse();
    }

    @Test
    void everyChangeARestartNeedsIsWrittenAtOnce() {
        FeedState base = polled(state("https://a.example/rss", "x"), T0, Duration.ofSeconds(5));
        Instant soon = T0.plusSeconds(5);
        FeedState same = polled(base, soon, Duration.ofSeconds(5));
        assertThat(FeedStateStore.mustWrite(base, same)).isFalse();

        assertThat(FeedStateStore.mustWrite(base, same.withSuccess("\"v2\"", null, soon))).as("new ETag").isTrue();
        assertThat(FeedStateStore.mustWrite(base, same.withSuccess(base.etag(), "Wed, 01 May 2024 12:00:05 GMT", soon)))
                .as("new Last-Modified").isTrue();
        assertThat(FeedStateStore.mustWrite(base, same.remember(List.of(new PublishedEntry("y", "fp")), 100)))
                .as("an entry published").isTrue();
        assertThat(FeedStateStore.mustWrite(base, same.withFailure("timeout", soon))).as("a failure").isTrue();
        assertThat(FeedStateStore.mustWrite(base.withFailure("timeout", T0), same)).as("success after a failure").isTrue();
        assertThat(FeedStateStore.mustWrite(base, same.withInterval(Duration.ofMinutes(7)))).as("new interval").isTrue();
        assertThat(FeedStateStore.mustWrite(base, same.withNextPollAt(soon.plus(Duration.ofHours(3)))))
                .as("a later next poll (skipped hours, a retry)").isTrue();
        assertThat(FeedStateStore.mustWrite(base, same.withMovedTo("https://b.example/rss"))).as("moved").isTrue();
        assertThat(FeedStateStore.mustWrite(FeedState.initial("https://a.example/rss"), same)).as("first success").isTrue();
    }

    @Test
    void aRestartAfterUnwrittenPollsKnowsEverythingPublishedAndPollsNoLaterThanDue() throws Exception {
        FeedStateStore store = emptyStore();
        FeedState first = polled(state("https://a.example/rss", "x", "y"), T0, Duration.ofSeconds(5));
        store.save(first);
        FeedState latest = polled(first, T0.plusSeconds(30), Duration.ofSeconds(5));
        store.save(latest);
        assertThat(producer.history()).hasSize(1);

        List<ConsumerRecord<String, byte[]>> replay = List.of(
                record(0, 0, producer.history().get(0).key(), producer.history().get(0).value()));
        FeedStateStore restarted = new FeedStateStore(() -> topicWith(replay), producer, TOPIC, Duration.ofSeconds(10));
        restarted.restore();
        FeedState after = restarted.get("https://a.example/rss");

        assertThat(after.fingerprints()).isEqualTo(latest.fingerprints());
        assertThat(after.etag()).isEqualTo(latest.etag());
        assertThat(after.nextPollAt()).as("due sooner, never later").isBefore(latest.nextPollAt());
        assertThat(after.lastSuccess()).isAfterOrEqualTo(latest.lastSuccess().minus(FeedStateStore.UNCHANGED_WRITE_EVERY));
        // and its first unchanged poll is not written again: the restored state counts as written
        assertThat(restarted.save(polled(after, T0.plusSeconds(35), Duration.ofSeconds(5)))).isFalse();
    }

    @Test
    void pendingStatesAreWrittenOnHandOverAndAtClose() throws Exception {
        FeedStateStore store = emptyStore();
        FeedState a = polled(state("https://a.example/rss", "x"), T0, Duration.ofSeconds(5));
        FeedState b = polled(state("https://b.example/rss", "y"), T0, Duration.ofSeconds(5));
        store.save(a);
        store.save(b);
        FeedState aLater = polled(a, T0.plusSeconds(10), Duration.ofSeconds(5));
        FeedState bLater = polled(b, T0.plusSeconds(10), Duration.ofSeconds(5));
        store.save(aLater);
        store.save(bLater);
        assertThat(producer.history()).hasSize(2);

        assertThat(store.writePending(List.of("https://a.example/rss", "https://never.example/rss"))).isEqualTo(1);
        assertThat(producer.history()).hasSize(3);
        assertThat(Json.read(producer.history().get(2).value(), FeedState.class)).isEqualTo(aLater);
        assertThat(store.writePending(List.of("https://a.example/rss"))).as("nothing pending any more").isZero();

        store.close();
        assertThat(producer.history()).hasSize(4);
        assertThat(producer.history().get(3).key()).isEqualTo("https://b.example/rss");
        assertThat(Json.read(producer.history().get(3).value(), FeedState.class)).isEqualTo(bLater);
    }

    @Test
    void aPendingStateTheBrokerRefusesStaysPendingForTheNextTry() throws Exception {
        MockProducer<String, byte[]> manual = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        FeedStateStore store = new FeedStateStore(() -> topicWith(List.of()), manual, TOPIC, Duration.ofSeconds(10));
        store.restore();
        FeedState a = polled(state("https://a.example/rss", "x"), T0, Duration.ofSeconds(5));
        Thread broker = new Thread(() -> {
            while (!manual.completeNext()) {
                Thread.onSpinWait();
            }
            while (!manual.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"))) {
                Thread.onSpinWait();
            }
            while (!manual.completeNext()) {
                Thread.onSpinWait();
            }
        });
        broker.start();
        store.save(a);
        FeedState later = polled(a, T0.plusSeconds(10), Duration.ofSeconds(5));
        store.save(later);

        assertThat(store.writePending(List.of("https://a.example/rss"))).as("refused").isZero();
        assertThat(store.writePending(List.of("https://a.example/rss"))).as("sent again").isEqualTo(1);
        assertThat(manual.history()).hasSize(3);
        assertThat(Json.read(manual.history().get(2).value(), FeedState.class)).isEqualTo(later);
    }
}
