package newsflow.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.log.LogContext;
import newsflow.common.metrics.MeterNames;
import newsflow.common.retry.Backoff;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The consume → process → wait for acks → commit loop of every Kafka stage, on Kafka's client interfaces so it
 * runs against mocks as well as a broker. The stage supplies a {@link BatchProcessor}; the loop owns these rules:
 * <ol>
 *   <li><b>At least once.</b> A batch's offsets are committed only after {@link BatchProcessor#process} returned,
 *   that is after everything it produced was acknowledged. Outputs are keyed by id, so a replay is harmless.</li>
 *   <li><b>Owned partitions only.</b> Offsets are committed, and partitions rewound, only for partitions this
 *   member still holds. A rebalance that revokes partitions of the batch in flight waits a short grace
 *   (a quarter of {@code max.poll.interval.ms}, at most 10 s) for the batch: if it finished, the revoked partitions'
 *   offsets are committed while they are still ours; otherwise their part of the batch is abandoned and never
 *   committed, and the new owner replays it from the last commit. Lost partitions (the member was expelled) are
 *   abandoned at once: committing for them would overwrite the new owner's progress.</li>
 *   <li><b>Failure means rewind and back off.</b> When processing throws, or a commit fails (broker down, the
 *   group rebalancing, anything but a wakeup), the batch's partitions are rewound to the batch's first offset,
 *   which is the last committed offset since a partition's next batch is read only after this one was committed,
 *   and paused for {@link Backoff#delay} of their consecutive failures; other partitions go on meanwhile.
 *   A success resets the count. Retrying the whole batch after a failed commit, rather than the commit alone,
 *   keeps one path for every failure; the replay is idempotent.</li>
 *   <li><b>Poison records move on.</b> A record the processor cannot {@link BatchProcessor#decode decode} goes to
 *   the dead-letter topic with its reason (truncated if the broker refuses it at full size, see
 *   {@link DeadLetters#deliver}), is counted on the stage's failure meter and is committed past. Only a
 *   dead-letter topic that is down holds the batch (and then it is retried like any failure).</li>
 *   <li><b>Never stuck in a batch past {@code max.poll.interval.ms}.</b> The batch runs on its own thread while
 *   this loop keeps polling (every partition paused, at least ten times per interval), so the member stays in its
 *   group however long the batch takes. The processor gets a deadline of half the interval to cut its work
 *   short; a batch still running after the whole interval is cancelled and treated as a failure (rewind, back
 *   off) so that a stuck processor shows up in the logs and metrics instead of holding partitions silently.</li>
 * </ol>
 * A {@link Pacing} may keep every partition paused for a while after a committed batch, so records gather in
 * Kafka and the next poll returns them as one bigger batch; nothing is read, so nothing uncommitted is held.
 * On {@link #stop()} the batch in flight is abandoned uncommitted.
 *
 * <p>Meters, tagged {@code stage}: {@value MeterNames#STAGE_RECORDS} (records committed),
 * {@value MeterNames#STAGE_BATCH_DURATION} (each batch, however it ended), {@value MeterNames#STAGE_LAG} (records
 * behind the end of the partitions held, also tagged {@code topic}) and {@value MeterNames#BATCH_RETRIES}.
 */
public final class StageLoop<T> {

    private static final Logger log = LoggerFactory.getLogger(StageLoop.class);
    /** Poll wait while idle: short, so a stop or the end of a backoff is noticed soon. */
    static final Duration IDLE_POLL = Duration.ofMillis(500);
    /** Longest wait for the batch in flight between two polls. */
    static final Duration MAX_BUSY_POLL = Duration.ofMillis(200);
    /** Longest wait for the batch in flight when a rebalance revokes its partitions. */
    static final Duration MAX_REVOKE_GRACE = Duration.ofSeconds(10);
    /** Histogram buckets of the batch duration: from a quick index bulk to a batch cut at its deadline. */
    static final Duration[] BATCH_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(150)};

    /**
     * @param stage           the stage's name, for logs, dead letters and meters
     * @param topic           the topic consumed
     * @param backoff         waits of a partition after consecutive failed batches
     * @param maxPollInterval the consumer's {@code max.poll.interval.ms} ({@link KafkaClients#maxPollInterval})
     * @param failedMeter     counter of dead-lettered records, tagged {@code reason}
     */
    public record Options(String stage, String topic, Backoff backoff, Duration maxPollInterval, String failedMeter) {
        public Options {
            if (maxPollInterval.toMillis() < 10) {
                throw new IllegalArgumentException("max.poll.interval.ms must be at least 10 ms, got " + maxPollInterval);
            }
        }
    }

    private final Consumer<String, byte[]> consumer;
    private final BatchProcessor<T> processor;
    private final DeadLetters deadLetters;
    private final Options options;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration busyPoll;
    private final Duration revokeGrace;
    private final StageMeters stageMeters;
    private final Pacing pacing;

    private volatile boolean stopping;
    /** Records behind the end of the partitions held, after the last poll. */
    private volatile boolean ready;
    // Touched by the loop thread only (the rebalance listener runs inside poll, on that thread).
    private InFlight inFlight;
    private final Map<TopicPartition, Integer> failures = new HashMap<>();
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    /** Every partition stays paused until then after a committed batch ({@link Pacing}); null when not held. */
    private Instant heldUntil;

    public StageLoop(Consumer<String, byte[]> consumer, BatchProcessor<T> processor, DeadLetters deadLetters,
                     Options options, MeterRegistry meters, Clock clock) {
        this(consumer, processor, deadLetters, options, meters, clock, Pacing.NONE);
    }

    /** A loop that leaves records waiting after each committed batch as {@code pacing} says. */
    public StageLoop(Consumer<String, byte[]> consumer, BatchProcessor<T> processor, DeadLetters deadLetters,
                     Options options, MeterRegistry meters, Clock clock, Pacing pacing) {
        this.pacing = pacing;
        this.consumer = consumer;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.options = options;
        this.meters = meters;
        this.clock = clock;
        this.busyPoll = min(MAX_BUSY_POLL, options.maxPollInterval().dividedBy(10));
        this.revokeGrace = min(MAX_REVOKE_GRACE, options.maxPollInterval().dividedBy(4));
        this.stageMeters = new StageMeters(meters, options.stage(), options.topic());
    }

    /** Consumes until {@link #stop()}; returns early only when interrupted. */
    public void run() {
        try (LogContext.Scope stage = LogContext.stage(options.stage())) {
            consume();
        }
    }

    private void consume() {
        stageMeters.running();
        try {
            consumer.subscribe(List.of(options.topic()), new Rebalance());
            log.info("{} consuming {}", options.stage(), options.topic());
            while (!stopping) {
                applyPauses();
                ConsumerRecords<String, byte[]> records = consumer.poll(inFlight == null ? idleWait() : Duration.ZERO);
                ready = true;
                measureLag();
                if (inFlight == null) {
                    if (!records.isEmpty()) {
                        start(records);
                    }
                } else {
                    rewind(records); // only a partition assigned during this poll can deliver: read it again later
                    awaitInFlight();
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} loop interrupted; stopping", options.stage());
        } finally {
            ready = false;
            stageMeters.stopped();
            if (inFlight != null) {
                log.info("{} stopping: batch of {} records abandoned uncommitted", options.stage(), inFlight.size);
                inFlight.cancel();
                inFlight = null;
            }
            log.info("{} loop stopped", options.stage());
        }
    }

    /** The poll wait between batches: short enough to end a pacing hold on time. */
    private Duration idleWait() {
        if (heldUntil == null) {
            return IDLE_POLL;
        }
        Duration left = Duration.between(clock.instant(), heldUntil);
        return left.isNegative() ? Duration.ZERO : min(IDLE_POLL, left);
    }

    private void measureLag() {
        stageMeters.measureLag(consumer);
    }

    /** True once the consumer polled successfully, until the loop stops. */
    public boolean ready() {
        return ready;
    }

    /** Makes {@link #run()} return soon; safe from any thread. */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** The batch being processed, on its own thread, and what committing it means. */
    private final class InFlight {
        final Map<TopicPartition, Long> first = new HashMap<>();
        /** Offsets to commit when the batch succeeds; revoked partitions are removed. */
        final Map<TopicPartition, Long> next = new HashMap<>();
        /** Records of the batch per partition, counted as done when their partition is committed. */
        final Map<TopicPartition, Integer> counts = new HashMap<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final long startedNanos = System.nanoTime();
        final Instant deadline;
        final Instant hardLimit;
        final int size;
        final long bytes;
        volatile boolean cancelled;
        volatile Thread worker;

        InFlight(ConsumerRecords<String, byte[]> records, Instant started) {
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> part = records.records(tp);
                first.put(tp, part.getFirst().offset());
                next.put(tp, part.getLast().offset() + 1);
                counts.put(tp, part.size());
            }
            this.deadline = started.plus(options.maxPollInterval().dividedBy(2));
            this.hardLimit = started.plus(options.maxPollInterval());
            this.size = records.count();
            long sum = 0;
            for (ConsumerRecord<String, byte[]> r : records) {
                sum += r.value() == null ? 0 : r.value().length;
            }
            this.bytes = sum;
        }

        void cancel() {
            cancelled = true;
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    private void start(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        InFlight batch = new InFlight(records, clock.instant());
        inFlight = batch;
        // a platform thread: a processor may block in class initialisation or native code, which pins a virtual one
        batch.worker = Thread.ofPlatform().daemon().name(options.stage() + "-batch").start(() -> {
            try (LogContext.Scope stage = LogContext.stage(options.stage())) {
                work(list, batch);
                batch.done.complete(null);
            } catch (Throwable t) {
                batch.done.completeExceptionally(t);
            }
        });
    }

    /** On the batch's thread: dead-letters poison records, hands the rest to the processor. */
    private void work(List<ConsumerRecord<String, byte[]>> records, InFlight batch) throws Exception {
        List<Batch.Item<T>> items = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                items.add(new Batch.Item<>(record, processor.decode(record)));
            } catch (PoisonRecordException e) {
                poison(record, e);
            } catch (RuntimeException e) {
                // a decoder that throws unchecked was still handed a record it cannot read
                poison(record, new PoisonRecordException("decode", e));
            }
        }
        if (!items.isEmpty() && !batch.cancelled) {
            processor.process(new Batch<>(items, batch.deadline, () -> batch.cancelled));
        }
    }

    private void poison(ConsumerRecord<String, byte[]> record, PoisonRecordException e)
            throws InterruptedException, ExecutionException {
        try (LogContext.Scope about = LogContext.article(options.stage(), record.key())) {
            log.warn("dead-lettering poison record {} ({}): {}", DeadLetters.where(record), e.reason(), e.getMessage());
        }
        deadLetters.deliver(record, e.reason() + ": " + e.getMessage(), e.errorType());
        meters.counter(options.failedMeter(), "reason", e.reason()).increment();
    }

    /** Waits a little for the batch in flight; commits or fails it when it is done or past its hard limit. */
    private void awaitInFlight() throws InterruptedException {
        InFlight batch = inFlight;
        try {
            batch.done.get(busyPoll.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (clock.instant().isAfter(batch.hardLimit)) {
                inFlight = null;
                batch.cancel();
                timed(batch);
                fail(batch, owned(batch), "still running after max.poll.interval.ms ("
                        + options.maxPollInterval().toMillis() + " ms); cancelled");
            }
            return;
        } catch (ExecutionException e) {
            // handled below
        }
        inFlight = null;
        timed(batch);
        Set<TopicPartition> owned = owned(batch);
        if (batch.done.isCompletedExceptionally()) {
            Throwable cause = cause(batch);
            fail(batch, owned, describe(cause));
            log.debug("{} batch failure", options.stage(), cause);
            return;
        }
        commit(batch, owned);
    }

    private void timed(InFlight batch) {
        stageMeters.duration.record(System.nanoTime() - batch.startedNanos, TimeUnit.NANOSECONDS);
    }

    /** Counts the records of the committed partitions as done. */
    private void counted(InFlight batch, Collection<TopicPartition> committed) {
        stageMeters.records.increment(committed.stream().mapToInt(tp -> batch.counts.getOrDefault(tp, 0)).sum());
    }

    private Set<TopicPartition> owned(InFlight batch) {
        Set<TopicPartition> owned = new HashSet<>(batch.next.keySet());
        owned.retainAll(consumer.assignment());
        return owned;
    }

    private void commit(InFlight batch, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            offsets.put(tp, new OffsetAndMetadata(batch.next.get(tp)));
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            partitions.forEach(failures::remove);
            counted(batch, partitions);
            hold(batch);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            fail(batch, partitions, "commit failed: " + e);
        }
    }

    private void hold(InFlight batch) {
        Duration took = Duration.ofNanos(System.nanoTime() - batch.startedNanos);
        Duration hold = pacing.holdAfter(batch.size, batch.bytes, took);
        heldUntil = hold.isZero() || hold.isNegative() ? null : clock.instant().plus(hold);
    }

    /** Rewinds the partitions to the batch start and pauses each for the backoff of its failure streak. */
    private void fail(InFlight batch, Set<TopicPartition> partitions, String why) {
        if (partitions.isEmpty()) {
            return; // all revoked: nothing of it is ours to retry
        }
        stageMeters.retries.increment();
        Duration longest = Duration.ZERO;
        Instant now = clock.instant();
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, batch.first.get(tp));
            Duration wait = options.backoff().delay(failures.merge(tp, 1, Integer::sum));
            pausedUntil.put(tp, now.plus(wait));
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        log.warn("{} batch of {} records on {} failed ({}); rewound to the last commit, retrying in {} ms",
                options.stage(), batch.size, partitions, why, longest.toMillis());
    }

    /**
     * Pauses every partition while a batch is in flight or the pacing holds, else those backing off; resumes the
     * rest.
     */
    private void applyPauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        Instant now = clock.instant();
        pausedUntil.entrySet().removeIf(e -> !assigned.contains(e.getKey()) || !now.isBefore(e.getValue()));
        if (heldUntil != null && !now.isBefore(heldUntil)) {
            heldUntil = null;
        }
        boolean all = inFlight != null || heldUntil != null;
        Set<TopicPartition> pause = new HashSet<>(all ? assigned : pausedUntil.keySet());
        Set<TopicPartition> resume = new HashSet<>(assigned);
        resume.removeAll(pause);
        consumer.pause(pause);
        consumer.resume(resume);
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : records.partitions()) {
            if (assigned.contains(tp)) {
                consumer.seek(tp, records.records(tp).getFirst().offset());
            }
        }
    }

    /** Runs inside {@code poll}, on the loop thread, while revoked partitions are still assigned. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            forget(revoked);
            InFlight batch = inFlight;
            if (batch == null) {
                return;
            }
            Set<TopicPartition> affected = new HashSet<>(revoked);
            affected.retainAll(batch.next.keySet());
            if (affected.isEmpty()) {
                return;
            }
            boolean finished;
            try {
                batch.done.get(revokeGrace.toNanos(), TimeUnit.NANOSECONDS);
                finished = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            } catch (ExecutionException | TimeoutException e) {
                finished = false;
            }
            if (finished) {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                affected.forEach(tp -> offsets.put(tp, new OffsetAndMetadata(batch.next.get(tp))));
                try {
                    consumer.commitSync(offsets);
                    counted(batch, affected);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    log.warn("{}: commit of revoked {} failed; the new owner replays them: {}", options.stage(),
                            affected, e.toString());
                }
            } else {
                log.info("{}: partitions {} revoked during a batch; their part is abandoned uncommitted and the "
                        + "new owner replays it", options.stage(), affected);
            }
            drop(batch, affected);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            forget(lost);
            InFlight batch = inFlight;
            if (batch != null) {
                Set<TopicPartition> affected = new HashSet<>(lost);
                affected.retainAll(batch.next.keySet());
                if (!affected.isEmpty()) {
                    log.warn("{}: partitions {} lost during a batch; their part is abandoned uncommitted",
                            options.stage(), affected);
                    drop(batch, affected);
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                log.info("{}: assigned {}", options.stage(), assigned);
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> {
                failures.remove(tp);
                pausedUntil.remove(tp);
            });
        }

        /** Takes partitions out of the batch; a batch left with none is cancelled, as nothing of it will be committed. */
        private void drop(InFlight batch, Set<TopicPartition> partitions) {
            batch.next.keySet().removeAll(partitions);
            if (batch.next.isEmpty()) {
                batch.cancel();
            }
        }
    }

    private Throwable cause(InFlight batch) {
        try {
            batch.done.getNow(null);
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown" : t.getMessage() == null ? t.toString() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
