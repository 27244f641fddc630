package newsflow.common.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static newsflow.common.kafka.StageLoopTest.BACKOFF;
import static newsflow.common.kafka.StageLoopTest.MAX_POLL_INTERVAL;
import static newsflow.common.kafka.StageLoopTest.TOPIC;
import static newsflow.common.kafka.StageLoopTest.TP0;
import static newsflow.common.kafka.StageLoopTest.TP1;
import static newsflow.common.kafka.StageLoopTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link RecordLoop}, against Kafka's mock clients, latches that hold chosen records and a clock the
 * test moves (nothing here waits on time: a record is slow exactly as long as the test holds its latch).
 */
class RecordLoopTest {

    final StageLoopTest.CountingConsumer consumer = new StageLoopTest.CountingConsumer();
    final MockProducer<String, byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final StageLoopTest.MovableClock clock = new StageLoopTest.MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    /** Values whose processing waits for the latch of that value. */
    final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    /** Values whose next processing throws, as a broker outage would. */
    final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> done = new CopyOnWriteArrayList<>();
    final List<String> interrupted = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();
    RecordLoop<String> loop;
    Thread runner;

    final RecordProcessor<String> processor = new RecordProcessor<>() {
        @Override
        public String decode(ConsumerRecord<String, byte[]> record) throws PoisonRecordException {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.equals("bad")) {
                throw new PoisonRecordException("decode", new IllegalArgumentException("not an entry"));
            }
            return value;
        }

        @Override
        public void process(ConsumerRecord<String, byte[]> record, String value, Instant deadline) throws Exception {
            started.add(value);
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                CountDownLatch latch = held.get(value);
                if (latch != null) {
                    try {
                        latch.await();
                    } catch (InterruptedException e) {
                        interrupted.add(value);
                        throw e;
                    }
                }
                if (failOnce.remove(value)) {
                    throw new TimeoutException("broker unavailable");
                }
                done.add(value);
            } finally {
                running.decrementAndGet();
            }
        }
    };

    @AfterEach
    void tearDown() throws InterruptedException {
        held.values().forEach(CountDownLatch::countDown);
        if (loop != null) {
            loop.stop();
            runner.join(10_000);
            assertThat(runner.isAlive()).isFalse();
        }
    }

    CountDownLatch hold(String value) {
        CountDownLatch latch = new CountDownLatch(1);
        held.put(value, latch);
        return latch;
    }

    void start(Map<TopicPartition, List<String>> records, RecordLoop.Limits limits) {
        consumer.updateBeginningOffsets(Map.of(TP0, 0L, TP1, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.copyOf(records.keySet()));
            records.forEach((tp, values) -> {
                for (int i = 0; i < values.size(); i++) {
                    consumer.addRecord(new ConsumerRecord<>(TOPIC, tp.partition(), i, "key-" + i,
                            values.get(i).getBytes(StandardCharsets.UTF_8)));
                }
            });
        });
        loop = new RecordLoop<>(consumer, processor, new DeadLetters(deadLetterProducer, "nf.dead-letter", "test", meters),
                new StageLoop.Options("test", TOPIC, BACKOFF, MAX_POLL_INTERVAL, "test.failed"), limits, meters, clock);
        runner = Thread.ofPlatform().name("record-loop-test").start(loop::run);
    }

    Long committed(TopicPartition tp) {
        OffsetAndMetadata offset = consumer.committed(Set.of(tp)).get(tp);
        return offset == null ? null : offset.offset();
    }

    /** The highest offset ever committed for the partition (commits are recorded as {@code topic-partition=offset}). */
    long highestCommit(TopicPartition tp) {
        return consumer.commits.stream().filter(c -> c.startsWith(tp + "="))
                .mapToLong(c -> Long.parseLong(c.substring(c.indexOf('=') + 1).split(" ")[0])).max().orElse(-1);
    }

    void letTheLoopTurn(int polls) throws InterruptedException {
        int target = consumer.polls.get() + polls;
        await(() -> consumer.polls.get() >= target);
    }

    @Test
    void slowRecordDoesNotStopLaterRecordsAndTheCommitNeverPassesIt() throws Exception {
        CountDownLatch slow = hold("b");
        start(Map.of(TP0, List.of("a", "b", "c", "d", "e")), new RecordLoop.Limits(16, 16));

        await(() -> done.containsAll(List.of("a", "c", "d", "e")));
        await(() -> Long.valueOf(1).equals(committed(TP0)));
        letTheLoopTurn(20);

        assertThat(done).as("the records after the slow one were processed while it waited").doesNotContain("b");
        assertThat(highestCommit(TP0)).as("the commit stops at the slow record, the first not done").isEqualTo(1);

        slow.countDown();
        await(() -> Long.valueOf(5).equals(committed(TP0)));
        assertThat(started).as("each record processed once").hasSize(5);
        assertThat(meters.get(MeterNames.STAGE_RECORDS).tag("stage", "test").counter().count()).isEqualTo(5);
        assertThat(meters.get(MeterNames.STAGE_BATCH_DURATION).tag("stage", "test").timer().count()).isEqualTo(5);
    }

    @Test
    void slowRecordHoldsOnlyItsOwnPartitionsCommit() throws Exception {
        CountDownLatch slow = hold("a0");
        start(Map.of(TP0, List.of("a0", "a1"), TP1, List.of("b0", "b1")), new RecordLoop.Limits(16, 16));

        await(() -> Long.valueOf(2).equals(committed(TP1)));
        assertThat(committed(TP0)).isNull();
        slow.countDown();
        await(() -> Long.valueOf(2).equals(committed(TP0)));
    }

    @Test
    void recordsInFlightAreBoundedPerPartitionAndInAll() throws Exception {
        consumer.setMaxPollRecords(1);
        List<String> p0 = List.of("a0", "a1", "a2", "a3", "a4");
        List<String> p1 = List.of("b0", "b1", "b2", "b3", "b4");
        p0.forEach(this::hold);
        p1.forEach(this::hold);
        start(Map.of(TP0, p0, TP1, p1), new RecordLoop.Limits(3, 2));

        await(() -> started.size() >= 3);
        letTheLoopTurn(20);
        assertThat(started).as("three in all, at most two of a partition").hasSize(3)
                .satisfies(s -> assertThat(s.stream().filter(v -> v.startsWith("a")).count()).isLessThanOrEqualTo(2))
                .satisfies(s -> assertThat(s.stream().filter(v -> v.startsWith("b")).count()).isLessThanOrEqualTo(2));

        held.values().forEach(CountDownLatch::countDown);
        await(() -> Long.valueOf(5).equals(committed(TP0)) && Long.valueOf(5).equals(committed(TP1)));
        assertThat(mostRunning.get()).isLessThanOrEqualTo(3);
        assertThat(done).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(p0.stream(), p1.stream()).toList());
    }

    @Test
    void failedRecordRewindsItsPartitionToTheFirstRecordNotDoneAndRetriesAfterTheBackoff() throws Exception {
        CountDownLatch slow = hold("b");
        failOnce.add("b");
        start(Map.of(TP0, List.of("a", "b", "c")), new RecordLoop.Limits(16, 16));

        await(() -> done.containsAll(List.of("a", "c")));
        slow.countDown();
        await(() -> consumer.pausedAndAssigned().contains(TP0));
        assertThat(committed(TP0)).as("the acknowledged prefix before the failed record").isEqualTo(1);
        assertThat(meters.get(MeterNames.BATCH_RETRIES).tag("stage", "test").counter().count()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // the first backoff
        await(() -> Long.valueOf(3).equals(committed(TP0)));
        assertThat(done).as("b retried; c, already done, replayed (at least once)").containsExactlyInAnyOrder("a", "c", "b", "c");
        assertThat(highestCommit(TP0)).isEqualTo(3);
    }

    @Test
    void revokedPartitionCommitsItsAcknowledgedPrefixAndDropsTheRest() throws Exception {
        hold("b");
        start(Map.of(TP0, List.of("a", "b", "c")), new RecordLoop.Limits(16, 16));
        await(() -> done.containsAll(List.of("a", "c")));
        await(() -> Long.valueOf(1).equals(committed(TP0)));

        consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP1)));
        await(() -> interrupted.contains("b"));
        letTheLoopTurn(5);

        assertThat(consumer.commits).as("committed while owned, never past the unfinished record")
                .allSatisfy(c -> assertThat(c).doesNotContain("unowned"));
        assertThat(highestCommit(TP0)).isEqualTo(1);
    }

    @Test
    void poisonRecordIsDeadLetteredAndCommittedPast() throws Exception {
        start(Map.of(TP0, List.of("a", "bad", "c")), new RecordLoop.Limits(16, 16));

        await(() -> Long.valueOf(3).equals(committed(TP0)));
        List<DeadLetter> letters = deadLetterProducer.history().stream()
                .map(r -> JsonCodec.DEAD_LETTER.decode(r.value())).toList();
        assertThat(letters).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(1);
            assertThat(d.error()).isEqualTo("decode: not an entry");
        });
        assertThat(meters.find("test.failed").tag("reason", "decode").counter().count()).isEqualTo(1);
        assertThat(done).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void stopCommitsTheAcknowledgedPrefixAndAbandonsTheRest() throws Exception {
        hold("b");
        start(Map.of(TP0, List.of("a", "b", "c")), new RecordLoop.Limits(16, 16));
        await(() -> done.containsAll(List.of("a", "c")));

        loop.stop();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(committed(TP0)).isEqualTo(1);
        await(() -> interrupted.contains("b"));
        loop = null;
    }
}
