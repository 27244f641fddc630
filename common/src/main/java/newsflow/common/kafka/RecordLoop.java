package newsflow.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.log.LogContext;
import newsflow.common.metrics.MeterNames;
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
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The consume → process → commit loop of a stage that works record by record (enrich), without a batch barrier:
 * it keeps polling and starting records while earlier ones still wait for their page or their acknowledgement, so
 * one slow record idles nothing but its own thread. {@link StageLoop} remains the loop of stages that work in
 * batches (the index stage's bulk requests). The rules:
 * <ol>
 *   <li><b>At least once, contiguous prefix.</b> Per partition the loop commits the offset after the longest run of
 *   records, from the last commit on, whose {@link RecordProcessor#process} returned (everything they produced was
 *   acknowledged). A record finished after a slower one is committed only once the slower one is: the committed
 *   offset never passes a record that is not done, so a crash replays it. Outputs are keyed by id, so a replay is
 *   harmless.</li>
 *   <li><b>Bounded.</b> At most {@code maxPerPartition} records of a partition and {@code maxInFlight} in all are
 *   being processed (plus what one poll returned beyond them, at most {@code max.poll.records}): a partition at
 *   its bound is paused, and every partition when the total is reached.</li>
 *   <li><b>Failure means rewind and back off.</b> When a record's processing throws (not its own fault: a broker
 *   down), or runs past {@code max.poll.interval.ms}, its partition commits its acknowledged prefix, gives up its
 *   other records in flight (their threads are interrupted, their results ignored), is rewound to its first record
 *   not done and paused for {@link newsflow.common.retry.Backoff#delay} of its consecutive failures.</li>
 *   <li><b>Rebalance-safe.</b> A revoked partition commits its acknowledged prefix while it is still ours and drops
 *   the rest: the new owner replays it from there. A lost partition (the member was expelled) drops everything at
 *   once: committing for it would overwrite the new owner's progress.</li>
 *   <li><b>Poison records move on.</b> A record that cannot be decoded goes to the dead-letter topic and counts
 *   as done.</li>
 * </ol>
 * On {@link #stop()} the acknowledged prefix is committed and the records in flight are given up.
 *
 * <p>Meters, tagged {@code stage}: {@value MeterNames#STAGE_RECORDS} (records committed),
 * {@value MeterNames#STAGE_BATCH_DURATION} (each record, start to done, however it ended), {@value
 * MeterNames#STAGE_LAG} (records behind the end of the partitions held, also tagged {@code topic}) and
 * {@value MeterNames#BATCH_RETRIES} (partition rewinds).
 */
public final class RecordLoop<T> {

    private static final Logger log = LoggerFactory.getLogger(RecordLoop.class);
    /** Poll wait while idle: short, so a stop or the end of a backoff is noticed soon. */
    static final Duration IDLE_POLL = Duration.ofMillis(500);
    /** Longest wait for a record to finish between two polls while records are in flight. */
    static final Duration MAX_BUSY_WAIT = Duration.ofMillis(100);

    /**
     * @param maxInFlight     records processed at once, over every partition
     * @param maxPerPartition records of one partition processed at once
     */
    public record Limits(int maxInFlight, int maxPerPartition) {
        public Limits {
            if (maxInFlight < 1 || maxPerPartition < 1) {
                throw new IllegalArgumentException("in-flight limits must be at least 1, got " + maxInFlight + " / "
                        + maxPerPartition);
            }
        }
    }

    private final Consumer<String, byte[]> consumer;
    private final RecordProcessor<T> processor;
    private final DeadLetters deadLetters;
    private final StageLoop.Options options;
    private final Limits limits;
    private final MeterRegistry meters;
    private final Clock clock;
    private final StageMeters stageMeters;
    /** Finished records, handed from their threads to the loop thread. */
    private final BlockingQueue<Task> finished = new LinkedBlockingQueue<>();

    private volatile boolean stopping;
    private volatile boolean ready;
    // Touched by the loop thread only (the rebalance listener runs inside poll, on that thread).
    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    private final Map<TopicPartition, Integer> failures = new HashMap<>();
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private int inFlight;

    public RecordLoop(Consumer<String, byte[]> consumer, RecordProcessor<T> processor, DeadLetters deadLetters,
                      StageLoop.Options options, Limits limits, MeterRegistry meters, Clock clock) {
        this.consumer = consumer;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.options = options;
        this.limits = limits;
        this.meters = meters;
        this.clock = clock;
        // the batch stages' meters, one record being this loop's batch, so one dashboard serves both
        this.stageMeters = new StageMeters(meters, options.stage(), options.topic());
    }

    /** One record being processed, on its own thread. */
    private final class Task {
        final Partition owner;
        final ConsumerRecord<String, byte[]> record;
        final Instant hardLimit;
        final long startedNanos = System.nanoTime();
        volatile Thread thread;
        volatile Throwable failure;

        Task(Partition owner, ConsumerRecord<String, byte[]> record, Instant started) {
            this.owner = owner;
            this.record = record;
            this.hardLimit = started.plus(options.maxPollInterval());
        }
    }

    /** A partition's records in flight, by offset, and how far it is committed. */
    private final class Partition {
        final TopicPartition tp;
        final TreeMap<Long, Task> pending = new TreeMap<>();
        long next;
        long committed;

        Partition(TopicPartition tp, long first) {
            this.tp = tp;
            this.next = first;
            this.committed = first;
        }

        /** The offset to commit: the first record not done, or past the last one taken. */
        long prefix() {
            return pending.isEmpty() ? next : pending.firstKey();
        }
    }

    /** Consumes until {@link #stop()}; returns early only when interrupted. */
    public void run() {
        try (LogContext.Scope stage = LogContext.stage(options.stage())) {
            consume();
        }
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

    private void consume() {
        stageMeters.running();
        try {
            consumer.subscribe(List.of(options.topic()), new Rebalance());
            log.info("{} consuming {} (at most {} records in flight, {} per partition)", options.stage(),
                    options.topic(), limits.maxInFlight(), limits.maxPerPartition());
            while (!stopping) {
                applyPauses();
                ConsumerRecords<String, byte[]> records = consumer.poll(inFlight == 0 ? IDLE_POLL : Duration.ZERO);
                ready = true;
                measureLag();
                for (ConsumerRecord<String, byte[]> record : records) {
                    start(record);
                }
                collect(records.isEmpty() && inFlight > 0 ? MAX_BUSY_WAIT : Duration.ZERO);
                failOverdue();
                commit(partitions.keySet());
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
            stopAll();
            log.info("{} loop stopped", options.stage());
        }
    }

    /** Commits what is acknowledged and gives up the rest; a commit that fails here is replayed by the next owner. */
    private void stopAll() {
        try {
            collectNow();
            try {
                commit(partitions.keySet());
            } catch (WakeupException e) {
                commit(partitions.keySet()); // the stop's wakeup was still pending: it is spent now
            }
        } catch (KafkaException e) {
            log.info("{} stopping: final commit failed ({}); the next owner replays from the last commit",
                    options.stage(), e.toString());
        }
        int abandoned = inFlight;
        new ArrayList<>(partitions.keySet()).forEach(this::drop);
        if (abandoned > 0) {
            log.info("{} stopping: {} records in flight abandoned uncommitted", options.stage(), abandoned);
        }
    }

    private void measureLag() {
        stageMeters.measureLag(consumer);
    }

    private void start(ConsumerRecord<String, byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (!consumer.assignment().contains(tp)) {
            return; // revoked during the poll that returned it
        }
        Partition p = partitions.computeIfAbsent(tp, t -> new Partition(t, record.offset()));
        if (record.offset() < p.next) {
            return; // already taken (a rewind raced with records already fetched)
        }
        Task task = new Task(p, record, clock.instant());
        p.pending.put(record.offset(), task);
        p.next = record.offset() + 1;
        inFlight++;
        task.thread = Thread.ofVirtual().name(options.stage() + "-record-" + tp.partition() + "@" + record.offset())
                .start(() -> work(task));
    }

    /** On the record's thread: decodes (dead-lettering poison), processes, reports back. */
    private void work(Task task) {
        try (LogContext.Scope stage = LogContext.stage(options.stage())) {
            ConsumerRecord<String, byte[]> record = task.record;
            T value;
            try {
                value = processor.decode(record);
            } catch (PoisonRecordException e) {
                poison(record, e);
                return;
            } catch (RuntimeException e) {
                poison(record, new PoisonRecordException("decode", e));
                return;
            }
            processor.process(record, value, clock.instant().plus(options.maxPollInterval().dividedBy(2)));
        } catch (Throwable t) {
            task.failure = t;
        } finally {
            finished.add(task);
        }
    }

    private void poison(ConsumerRecord<String, byte[]> record, PoisonRecordException e) throws Exception {
        try (LogContext.Scope about = LogContext.article(options.stage(), record.key())) {
            log.warn("dead-lettering poison record {} ({}): {}", DeadLetters.where(record), e.reason(), e.getMessage());
        }
        deadLetters.deliver(record, e.reason() + ": " + e.getMessage(), e.errorType());
        meters.counter(options.failedMeter(), "reason", e.reason()).increment();
    }

    /** Takes finished records, waiting up to {@code wait} for the first. */
    private void collect(Duration wait) throws InterruptedException {
        Task first = wait.isZero() ? finished.poll() : finished.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
            done(first);
            collectNow();
        }
    }

    private void collectNow() {
        Task t;
        while ((t = finished.poll()) != null) {
            done(t);
        }
    }

    private void done(Task task) {
        Partition p = partitions.get(task.owner.tp);
        long offset = task.record.offset();
        stageMeters.duration.record(System.nanoTime() - task.startedNanos, TimeUnit.NANOSECONDS);
        if (p != task.owner || !p.pending.containsKey(offset)) {
            return; // its partition was dropped (revoked, failed) meanwhile: the result is ignored
        }
        if (task.failure != null) {
            fail(p, offset, describe(task.failure)); // still pending, so the commit before the rewind stops short of it
            return;
        }
        p.pending.remove(offset);
        inFlight--;
    }

    /** A record past {@code max.poll.interval.ms} is a stuck processor: its partition fails, so it shows. */
    private void failOverdue() {
        Instant now = clock.instant();
        for (Partition p : new ArrayList<>(partitions.values())) {
            for (Task t : p.pending.values()) {
                if (now.isAfter(t.hardLimit)) {
                    fail(p, t.record.offset(), "still running after max.poll.interval.ms ("
                            + options.maxPollInterval().toMillis() + " ms)");
                    break;
                }
            }
        }
    }

    /**
     * Commits the partition's acknowledged prefix, drops its records in flight, rewinds it to the first record not
     * done and pauses it for its backoff.
     */
    private void fail(Partition p, long offset, String why) {
        commitQuietly(p);
        long rewindTo = Math.min(p.prefix(), offset);
        drop(p.tp);
        stageMeters.retries.increment();
        consumer.seek(p.tp, rewindTo);
        Duration wait = options.backoff().delay(failures.merge(p.tp, 1, Integer::sum));
        pausedUntil.put(p.tp, clock.instant().plus(wait));
        log.warn("{} record {}@{} failed ({}); {} rewound to {}, retrying in {} ms", options.stage(), p.tp, offset,
                why, p.tp, rewindTo, wait.toMillis());
    }

    private void commitQuietly(Partition p) {
        try {
            commit(Set.of(p.tp));
        } catch (KafkaException e) {
            log.warn("{}: commit of {} failed; its records are replayed from the last commit: {}", options.stage(),
                    p.tp, e.toString());
        }
    }

    /** Forgets a partition's records in flight; their threads are interrupted and their results ignored. */
    private void drop(TopicPartition tp) {
        Partition p = partitions.remove(tp);
        if (p == null) {
            return;
        }
        inFlight -= p.pending.size();
        for (Task t : p.pending.values()) {
            Thread thread = t.thread;
            if (thread != null) {
                thread.interrupt();
            }
        }
        p.pending.clear();
    }

    /** Commits the acknowledged prefix of these partitions where it moved; a failed commit is retried next turn. */
    private void commit(Collection<TopicPartition> which) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : which) {
            Partition p = partitions.get(tp);
            if (p != null && assigned.contains(tp) && p.prefix() > p.committed) {
                offsets.put(tp, new OffsetAndMetadata(p.prefix()));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            if (stopping) {
                throw e;
            }
            log.warn("{}: commit of {} failed ({}); retried on the next turn", options.stage(), offsets.keySet(),
                    e.toString());
            return;
        }
        offsets.forEach((tp, offset) -> {
            Partition p = partitions.get(tp);
            stageMeters.records.increment(offset.offset() - p.committed);
            p.committed = offset.offset();
            failures.remove(tp);
        });
    }

    /** Pauses partitions at their bound or backing off, every partition at the total bound; resumes the rest. */
    private void applyPauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        Instant now = clock.instant();
        pausedUntil.entrySet().removeIf(e -> !assigned.contains(e.getKey()) || !now.isBefore(e.getValue()));
        Set<TopicPartition> pause = new HashSet<>(pausedUntil.keySet());
        if (inFlight >= limits.maxInFlight()) {
            pause.addAll(assigned);
        }
        partitions.forEach((tp, p) -> {
            if (p.pending.size() >= limits.maxPerPartition()) {
                pause.add(tp);
            }
        });
        pause.retainAll(assigned);
        Set<TopicPartition> resume = new HashSet<>(assigned);
        resume.removeAll(pause);
        consumer.pause(pause);
        consumer.resume(resume);
    }

    /** Runs inside {@code poll}, on the loop thread, while revoked partitions are still assigned. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            collectNow();
            for (TopicPartition tp : revoked) {
                Partition p = partitions.get(tp);
                if (p != null) {
                    commitQuietly(p);
                    if (!p.pending.isEmpty()) {
                        log.info("{}: {} revoked with {} records in flight; committed to {}, the new owner replays "
                                + "the rest", options.stage(), tp, p.pending.size(), p.committed);
                    }
                }
            }
            forget(revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            for (TopicPartition tp : lost) {
                Partition p = partitions.get(tp);
                if (p != null && !p.pending.isEmpty()) {
                    log.warn("{}: {} lost with {} records in flight; abandoned uncommitted", options.stage(), tp,
                            p.pending.size());
                }
            }
            forget(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                log.info("{}: assigned {}", options.stage(), assigned);
            }
        }

        private void forget(Collection<TopicPartition> gone) {
            for (TopicPartition tp : gone) {
                drop(tp);
                failures.remove(tp);
                pausedUntil.remove(tp);
            }
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
