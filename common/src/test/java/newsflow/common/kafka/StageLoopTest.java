package newsflow.common.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.DeadLetter;
import newsflow.common.retry.Backoff;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@link StageLoop}, against Kafka's mock clients and a clock the test moves. */
class StageLoopTest {

    static final String TOPIC = "nf.entries";
    static final TopicPartition TP0 = new TopicPartition(TOPIC, 0);
    static final TopicPartition TP1 = new TopicPartition(TOPIC, 1);
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(4);
    /** No jitter, so the test knows when a paused partition is due. */
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 0.0);

    final CountingConsumer consumer = new CountingConsumer();
    final MockProducer<String, byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final RecordingProcessor processor = new RecordingProcessor();
    StageLoop<String> loop;
    Thread runner;
    Pacing pacing = Pacing.NONE;

    /**
     * Counts polls, fails the next commit when asked to, and keeps a log like a broker does, so a rewound
     * partition delivers its records again (MockConsumer forgets a record once it returned it).
     */
    static final class CountingConsumer extends MockConsumer<String, byte[]> {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicReference<RuntimeException> commitFailure = new AtomicReference<>();
        /** Every offset committed, as {@code topic-partition=offset}, marked when the partition was not assigned. */
        final List<String> commits = new CopyOnWriteArrayList<>();
        private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> log = new HashMap<>();
        /** Per partition, the offset after the last record handed out (or re-queued after a rewind). */
        private final Map<TopicPartition, Long> handedOut = new HashMap<>();

        CountingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void addRecord(ConsumerRecord<String, byte[]> record) {
            log.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>()).add(record);
            super.addRecord(record);
        }

        @Override
        public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
            polls.incrementAndGet();
            for (TopicPartition tp : assignment()) {
                long handed = handedOut.getOrDefault(tp, 0L);
                long position = position(tp);
                if (position < handed) {
                    log.getOrDefault(tp, List.of()).stream().filter(r -> r.offset() >= position && r.offset() < handed)
                            .forEach(super::addRecord);
                    handedOut.put(tp, position);
                }
            }
            ConsumerRecords<String, byte[]> records = super.poll(timeout);
            for (TopicPartition tp : records.partitions()) {
                handedOut.merge(tp, records.records(tp).getLast().offset() + 1, Math::max);
            }
            return records;
        }

        Set<TopicPartition> pausedAndAssigned() {
            Set<TopicPartition> paused = new HashSet<>(paused());
            paused.retainAll(assignment());
            return paused;
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            RuntimeException failure = commitFailure.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
            offsets.forEach((tp, offset) -> commits.add(tp + "=" + offset.offset() + (assignment().contains(tp) ? "" : " unowned")));
            super.commitSync(offsets);
        }
    }

    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Decodes "bad" as poison; records every batch; does what {@link #behaviour} says. */
    static final class RecordingProcessor implements BatchProcessor<String> {
        interface Behaviour {
            void process(Batch<String> batch) throws Exception;
        }

        final List<Batch<String>> batches = new CopyOnWriteArrayList<>();
        volatile Behaviour behaviour = batch -> { };

        @Override
        public String decode(ConsumerRecord<String, byte[]> record) throws PoisonRecordException {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.equals("bad")) {
                throw new PoisonRecordException("decode", new IllegalArgumentException("not an entry"));
            }
            return value;
        }

        @Override
        public void process(Batch<String> batch) throws Exception {
            batches.add(batch);
            behaviour.process(batch);
        }

        List<List<String>> values() {
            List<List<String>> out = new ArrayList<>();
            batches.forEach(b -> out.add(b.items().stream().map(Batch.Item::value).toList()));
            return out;
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            runner.join(10_000);
            assertThat(runner.isAlive()).isFalse();
        }
    }

    /** Starts the loop with these partitions assigned and these records on them (value per offset). */
    void start(Map<TopicPartition, List<String>> records) {
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
        loop = new StageLoop<>(consumer, processor, new DeadLetters(deadLetterProducer, "nf.dead-letter", "test", meters),
                new StageLoop.Options("test", TOPIC, BACKOFF, MAX_POLL_INTERVAL, "test.failed"), meters, clock, pacing);
        runner = Thread.ofPlatform().name("stage-loop-test").start(loop::run);
    }

    Long committed(TopicPartition tp) {
        OffsetAndMetadata offset = consumer.committed(Set.of(tp)).get(tp);
        return offset == null ? null : offset.offset();
    }

    double count(String meter) {
        var counter = meters.find(meter).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Lets the loop go round a few more times, so a test can see that something did not happen. */
    void letTheLoopTurn(int polls) throws InterruptedException {
        int target = consumer.polls.get() + polls;
        await(() -> consumer.polls.get() >= target);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    @Test
    void commitsAfterTheProcessorReturnedAndDeadLettersPoisonRecords() throws Exception {
        start(Map.of(TP0, List.of("a", "bad", "c")));

        await(() -> Long.valueOf(3).equals(committed(TP0)));

        assertThat(processor.values()).containsExactly(List.of("a", "c"));
        List<DeadLetter> letters = deadLetterProducer.history().stream()
                .map(r -> JsonCodec.DEAD_LETTER.decode(r.value())).toList();
        assertThat(letters).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(1);
            assertThat(d.stage()).isEqualTo("test");
            assertThat(d.error()).isEqualTo("decode: not an entry");
            assertThat(d.errorType()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(d.payload()).isEqualTo("bad");
        });
        assertThat(meters.find("test.failed").tag("reason", "decode").counter().count()).isEqualTo(1);
        assertThat(loop.ready()).isTrue();
    }

    @Test
    void countsCommittedRecordsTimesBatchesAndGaugesTheLagOfTheHeldPartitions() throws Exception {
        consumer.updateEndOffsets(Map.of(TP0, 10L)); // seven more records than this test hands out
        start(Map.of(TP0, List.of("a", "bad", "c")));

        await(() -> Long.valueOf(3).equals(committed(TP0)));
        await(() -> meters.find(MeterNames.STAGE_LAG).gauge().value() == 7.0);

        assertThat(meters.get(MeterNames.STAGE_RECORDS).tag("stage", "test").counter().count())
                .as("the poison record is committed past too").isEqualTo(3);
        assertThat(meters.get(MeterNames.STAGE_BATCH_DURATION).tag("stage", "test").timer().count()).isEqualTo(1);
        assertThat(meters.get(MeterNames.STAGE_LAG).tag("topic", TOPIC).gauge().getId().getBaseUnit()).isEqualTo("records");
        assertThat(meters.get(MeterNames.DEAD_LETTERS).tag("stage", "test").counter().count()).isEqualTo(1);
        assertThat(meters.get(MeterNames.DEAD_LETTERS_DROPPED).tag("stage", "test").counter().count()).isZero();

        loop.stop();
        runner.join(10_000);
        loop = null;
        assertThat(meters.get(MeterNames.STAGE_LAG).gauge().value()).as("a stopped loop holds no partitions").isZero();
    }

    @Test
    void pacingLeavesNewRecordsWaitingAfterACommitSoTheNextBatchGathersThem() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        pacing = (records, bytes, took) -> {
            asked.add(records + " records, " + bytes + " bytes");
            return Duration.ofSeconds(1);
        };
        start(Map.of(TP0, List.of("a", "bc")));
        await(() -> Long.valueOf(2).equals(committed(TP0)));
        for (int i = 2; i < 5; i++) {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, i, "key-" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }

        letTheLoopTurn(20);
        assertThat(processor.batches).as("held: nothing read before the hold is over").hasSize(1);
        assertThat(consumer.pausedAndAssigned()).containsExactly(TP0);

        clock.advance(Duration.ofSeconds(1));
        await(() -> Long.valueOf(5).equals(committed(TP0)));
        assertThat(processor.values()).containsExactly(List.of("a", "bc"), List.of("v2", "v3", "v4"));
        assertThat(asked.getFirst()).as("the pacing sees the batch's size").isEqualTo("2 records, 3 bytes");
    }

    @Test
    void withoutPacingTheNextRecordsAreTakenAtOnce() throws Exception {
        start(Map.of(TP0, List.of("a")));
        await(() -> Long.valueOf(1).equals(committed(TP0)));
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "key-1", "b".getBytes(StandardCharsets.UTF_8)));

        await(() -> Long.valueOf(2).equals(committed(TP0)));
        assertThat(processor.values()).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void failedBatchIsRewoundToTheLastCommitAndPausedForTheBackoffThenRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        processor.behaviour = batch -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("broker unavailable");
            }
        };
        start(Map.of(TP0, List.of("a", "b"), TP1, List.of("x")));

        await(() -> count(MeterNames.BATCH_RETRIES) == 1);
        letTheLoopTurn(20);
        assertThat(attempts.get()).as("not retried before the backoff is over").isEqualTo(1);
        assertThat(consumer.pausedAndAssigned()).containsExactlyInAnyOrder(TP0, TP1);
        assertThat(consumer.position(TP0)).as("rewound").isZero();
        assertThat(committed(TP0)).isNull();

        clock.advance(BACKOFF.delay(1, 0));
        await(() -> Long.valueOf(2).equals(committed(TP0)) && Long.valueOf(1).equals(committed(TP1)));

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(processor.batches.get(1).items()).extracting(i -> i.record().offset()).containsExactlyInAnyOrder(0L, 1L, 0L);
        assertThat(consumer.pausedAndAssigned()).isEmpty();
    }

    @Test
    void consecutiveFailuresBackOffLongerAndASuccessResetsTheStreak() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        processor.behaviour = batch -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("node down");
            }
        };
        start(Map.of(TP0, List.of("a")));

        await(() -> count(MeterNames.BATCH_RETRIES) == 1);
        clock.advance(Duration.ofSeconds(1));
        await(() -> count(MeterNames.BATCH_RETRIES) == 2);
        clock.advance(Duration.ofSeconds(1));
        letTheLoopTurn(20);
        assertThat(attempts.get()).as("second failure waits 2 s, not 1 s").isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        await(() -> Long.valueOf(1).equals(committed(TP0)));
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void failedCommitRewindsAndRetriesTheBatch() throws Exception {
        consumer.commitFailure.set(new TimeoutException("commit timed out"));
        start(Map.of(TP0, List.of("a", "b")));

        await(() -> count(MeterNames.BATCH_RETRIES) == 1);
        assertThat(committed(TP0)).isNull();
        assertThat(consumer.pausedAndAssigned()).containsExactly(TP0);
        assertThat(consumer.position(TP0)).isZero();

        clock.advance(Duration.ofSeconds(1));
        await(() -> Long.valueOf(2).equals(committed(TP0)));
        assertThat(processor.batches).hasSize(2);
    }

    @Test
    void commitLostToARebalanceIsTreatedLikeAnyFailedCommit() throws Exception {
        consumer.commitFailure.set(new CommitFailedException("group rebalanced"));
        start(Map.of(TP0, List.of("a")));

        await(() -> count(MeterNames.BATCH_RETRIES) == 1);
        clock.advance(Duration.ofSeconds(1));
        await(() -> Long.valueOf(1).equals(committed(TP0)));
        assertThat(processor.batches).hasSize(2);
    }

    @Test
    void revokedPartitionOfAnUnfinishedBatchIsNeverCommitted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        processor.behaviour = batch -> release.await();
        start(Map.of(TP0, List.of("a", "b"), TP1, List.of("x")));
        await(() -> processor.batches.size() == 1);

        AtomicInteger revokedAt = new AtomicInteger(-1);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP1)); // waits the grace (1 s here) for the batch, which stays blocked
            revokedAt.set(consumer.polls.get());
        });
        await(() -> revokedAt.get() >= 0);
        release.countDown();

        await(() -> Long.valueOf(1).equals(committed(TP1)));
        letTheLoopTurn(10);
        assertThat(consumer.commits).as("TP0 no longer ours: the new owner replays it").containsExactly("nf.entries-1=1");
        assertThat(count(MeterNames.BATCH_RETRIES)).isZero();
    }

    @Test
    void rebalanceBetweenBatchesKeepsTheLoopRunning() throws Exception {
        // found by the chaos run: after a broker restart the group rebalanced while the index stage was idle, and the
        // revocation callback failed on an immutable empty set, which stopped the stage
        start(Map.of(TP0, List.of("a"), TP1, List.of("x")));
        await(() -> consumer.commits.size() == 2);

        consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP1)));
        letTheLoopTurn(3);

        assertThat(runner.isAlive()).as("the loop survives a rebalance with no batch in flight").isTrue();
        assertThat(consumer.assignment()).containsExactly(TP1);
    }

    @Test
    void revokedPartitionOfABatchThatFinishesWithinTheGraceIsCommittedBeforeItGoes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        processor.behaviour = batch -> release.await();
        start(Map.of(TP0, List.of("a", "b"), TP1, List.of("x")));
        await(() -> processor.batches.size() == 1);

        consumer.schedulePollTask(() -> {
            release.countDown(); // the batch finishes while the revocation waits for it
            consumer.rebalance(List.of(TP1));
        });
        await(() -> consumer.commits.size() == 2);
        assertThat(consumer.commits).as("TP0 committed during the revocation, while still ours")
                .containsExactly("nf.entries-0=2", "nf.entries-1=1");
        assertThat(consumer.assignment()).containsExactly(TP1);
    }

    @Test
    void failedBatchRewindsOnlyPartitionsStillOwned() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        processor.behaviour = batch -> {
            release.await();
            throw new IllegalStateException("node down");
        };
        start(Map.of(TP0, List.of("a"), TP1, List.of("x")));
        await(() -> processor.batches.size() == 1);
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP1)));
        letTheLoopTurn(3);
        release.countDown();

        await(() -> count(MeterNames.BATCH_RETRIES) == 1);
        assertThat(consumer.pausedAndAssigned()).containsExactly(TP1);
        assertThat(committed(TP0)).isNull();
        assertThat(committed(TP1)).isNull();
    }

    @Test
    void keepsPollingWhileABatchRunsAndCancelsOnePastMaxPollInterval() throws Exception {
        AtomicReference<Boolean> sawCancel = new AtomicReference<>(false);
        AtomicInteger attempts = new AtomicInteger();
        processor.behaviour = batch -> {
            if (attempts.incrementAndGet() > 1) {
                return;
            }
            try {
                while (!batch.isCancelled()) {
                    Thread.sleep(1); // ignores its deadline, as a stuck extractor would
                }
            } catch (InterruptedException e) {
                // cancelled
            }
            sawCancel.set(batch.isCancelled());
        };
        Instant started = clock.instant();
        start(Map.of(TP0, List.of("a")));
        await(() -> processor.batches.size() == 1);

        letTheLoopTurn(5);
        assertThat(processor.batches.getFirst().deadline()).isEqualTo(started.plus(MAX_POLL_INTERVAL.dividedBy(2)));
        assertThat(consumer.pausedAndAssigned()).as("every partition paused while the batch runs").containsExactly(TP0);
        assertThat(count(MeterNames.BATCH_RETRIES)).isZero();

        clock.advance(MAX_POLL_INTERVAL.dividedBy(2));
        letTheLoopTurn(5);
        assertThat(count(MeterNames.BATCH_RETRIES)).as("past the deadline but within the interval").isZero();

        clock.advance(MAX_POLL_INTERVAL.dividedBy(2).plusMillis(1));
        await(() -> count(MeterNames.BATCH_RETRIES) == 1);
        await(sawCancel::get);
        assertThat(committed(TP0)).isNull();
        assertThat(consumer.position(TP0)).isZero();

        clock.advance(Duration.ofSeconds(1));
        await(() -> Long.valueOf(1).equals(committed(TP0)));
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void stopAbandonsTheBatchInFlightUncommitted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Boolean> cancelled = new AtomicReference<>(false);
        processor.behaviour = batch -> {
            try {
                never.await();
            } finally {
                cancelled.set(batch.isCancelled());
            }
        };
        start(Map.of(TP0, List.of("a")));
        await(() -> processor.batches.size() == 1);

        loop.stop();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(loop.ready()).isFalse();
        await(cancelled::get);
        assertThat(committed(TP0)).isNull();
        loop = null;
    }
}
