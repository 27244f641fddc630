package newsflow.ingest.state;

import newsflow.common.json.Json;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every feed's {@link FeedState}, kept in memory and persisted in the compacted state topic keyed by feed URL.
 * {@link #restore()} reads the topic from the beginning up to the end offsets seen at start, so a restarted
 * ingest knows what it already published. Thread-safe.
 *
 * <p>A poll that changed nothing but the time of its success and of the next poll (a 304, or the same document
 * again, at the same interval) is not written when the feed's last written state is younger than
 * {@link #UNCHANGED_WRITE_EVERY}: a restart then only polls the feed a little sooner than it had to (its saved
 * next poll is earlier), and everything it needs to publish nothing twice (validators, remembered entries, error
 * streak, interval, schedule, new address) is always written. Feeds polled every minute or less often, as the
 * configuration's {@code ingest.minInterval} allows by default, are written at every poll as before; a
 * benchmark's 100 feeds polled every 5 s wrote 20 records a second, acknowledged by the broker, for nothing.
 * Pending states are written when partitions are handed over ({@link #writePending}) and at {@link #close}.
 */
public final class FeedStateStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedStateStore.class);

    private final Supplier<? extends Consumer<String, byte[]>> readers;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration timeout;
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    /** What the state topic holds for each feed: the last state acknowledged by the broker, or restored. */
    private final Map<String, FeedState> written = new ConcurrentHashMap<>();

    /**
     * An unchanged poll's state is written when the feed's last written state is at least this much older (by
     * its last success): the last success and next poll that {@code feeds status} reads from the topic lag by
     * at most this much.
     */
    public static final Duration UNCHANGED_WRITE_EVERY = Duration.ofMinutes(1);
    /** Longest wait for the acknowledgements of {@link #writePending}. */
    static final Duration PENDING_WAIT = Duration.ofSeconds(5);

    /**
     * @param readers  creates the group-less consumer used once by {@link #restore()}
     * @param producer acks=all producer the store owns and closes
     * @param timeout  how long restore may take and how long a save may wait for its acknowledgement
     */
    public FeedStateStore(Supplier<? extends Consumer<String, byte[]>> readers, Producer<String, byte[]> producer,
                          String topic, Duration timeout) {
        this.readers = readers;
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The store on the configured cluster's state topic. */
    public static FeedStateStore create(KafkaClients kafka) {
        return new FeedStateStore(() -> kafka.readerWithoutGroup("ingest-state-restore"),
                kafka.producer("ingest-state", new ByteArraySerializer()), kafka.topics().feedState(),
                Duration.ofMinutes(2));
    }

    /**
     * Every feed's last saved state, read once from the state topic for a report; nothing is written.
     *
     * @param reader a group-less consumer, closed when done
     * @throws IllegalStateException when the topic cannot be read to its end within the timeout
     */
    public static Map<String, FeedState> readAll(Consumer<String, byte[]> reader, String topic, Duration timeout) {
        FeedStateStore readOnly = new FeedStateStore(() -> reader, null, topic, timeout);
        readOnly.restore();
        return Map.copyOf(readOnly.states);
    }

    /**
     * Loads every feed's last saved state.
     *
     * @return number of feeds restored
     * @throws IllegalStateException when the topic cannot be read to its end within the timeout
     */
    public int restore() {
        return restore(null);
    }

    /**
     * Loads the last saved state of the feeds whose records live in the given partitions of the state topic
     * (an ingest instance's share of the feeds), replacing what memory held for them.
     *
     * @param only partition numbers, or null for all
     * @return number of feeds restored
     * @throws IllegalStateException when those partitions cannot be read to their end within the timeout
     */
    public int restore(Collection<Integer> only) {
        try (Consumer<String, byte[]> reader = readers.get()) {
            Set<String> restored = new HashSet<>();
            CompactedTopic.Read read = CompactedTopic.readToEnd(reader, topic, only, timeout, r -> {
                apply(r);
                restored.add(r.key());
            });
            if (read.partitions().isEmpty()) {
                log.warn("feed state topic {} has no partitions{}: starting without remembered state", topic,
                        only == null ? "" : " among " + only);
                return 0;
            }
            restored.removeIf(key -> key == null || !states.containsKey(key));
            log.info("restored state of {} feeds from {} partitions {} ({} records)", restored.size(), topic,
                    read.partitions(), read.records());
            return restored.size();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            log.warn("feed state record without key at {}-{}@{} ignored", r.topic(), r.partition(), r.offset());
            return;
        }
        if (r.value() == null) {
            states.remove(r.key()); // tombstone: the feed's state was deleted
            written.remove(r.key());
            return;
        }
        try {
            FeedState state = Json.read(r.value(), FeedState.class);
            states.put(r.key(), state);
            written.put(r.key(), state);
        } catch (RuntimeException e) {
            // One unreadable record costs that feed its memory (it may republish), never the whole restore.
            log.warn("feed state of {} at {}-{}@{} unreadable, ignored: {}", r.key(), r.topic(), r.partition(),
                    r.offset(), e.getMessage());
        }
    }

    /** The feed's state, or empty when it was never saved. */
    public Optional<FeedState> find(String feedUrl) {
        return Optional.ofNullable(states.get(feedUrl));
    }

    /** The feed's state, or the initial state of a feed never polled. */
    public FeedState get(String feedUrl) {
        return states.getOrDefault(feedUrl, FeedState.initial(feedUrl));
    }

    /**
     * Makes {@code state} the feed's current state and, unless it only moved the poll times of a state written less
     * than {@link #UNCHANGED_WRITE_EVERY} before, writes it to the state topic, waiting for the acknowledgement.
     * The in-memory state is updated even when the write fails: the next save writes the whole state again.
     *
     * @return whether the state was written (false: an unchanged poll, kept in memory)
     */
    public boolean save(FeedState state) throws StateSaveException {
        states.put(state.feedUrl(), state);
        FeedState last = written.get(state.feedUrl());
        if (last != null && !mustWrite(last, state)) {
            return false;
        }
        write(state);
        return true;
    }

    /**
     * Whether {@code next} tells a restart something {@code last} (what the topic holds) does not: anything but
     * the poll times changed, the wait from the last success to the next poll changed (a new interval, skipped
     * hours, a retry), or the last success is {@link #UNCHANGED_WRITE_EVERY} or more past the written one.
     */
    static boolean mustWrite(FeedState last, FeedState next) {
        if (!withoutPollTimes(last).equals(withoutPollTimes(next))) {
            return true;
        }
        if (!Objects.equals(waitAfterSuccess(last), waitAfterSuccess(next))) {
            return true;
        }
        if (last.lastSuccess() == null || next.lastSuccess() == null) {
            return !Objects.equals(last.lastSuccess(), next.lastSuccess());
        }
        return !next.lastSuccess().isBefore(last.lastSuccess().plus(UNCHANGED_WRITE_EVERY));
    }

    private static FeedState withoutPollTimes(FeedState s) {
        return new FeedState(s.feedUrl(), s.etag(), s.lastModified(), null, s.lastError(), s.errorStreak(), null,
                s.published(), s.interval(), s.movedTo());
    }

    private static Duration waitAfterSuccess(FeedState s) {
        return s.lastSuccess() == null || s.nextPollAt() == null ? null : Duration.between(s.lastSuccess(), s.nextPollAt());
    }

    private void write(FeedState state) throws StateSaveException {
        try {
            producer.send(new ProducerRecord<>(topic, state.feedUrl(), Json.writeBytes(state)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            written.put(state.feedUrl(), state);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateSaveException(state.feedUrl(), e);
        } catch (ExecutionException e) {
            throw new StateSaveException(state.feedUrl(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new StateSaveException(state.feedUrl(), e);
        }
    }

    /**
     * Writes the current state of those of {@code feedUrls} whose last save was kept in memory only, so whoever
     * polls them next (another instance after a rebalance, this one after a restart) starts from it. Sends them all
     * at once and waits for the acknowledgements at most {@link #PENDING_WAIT} in all: a broker that does not answer
     * holds up neither a rebalance nor a stop.
     *
     * @return how many were acknowledged; a failed write is logged and leaves the next owner a slightly older state
     */
    public int writePending(Collection<String> feedUrls) {
        List<FeedState> pending = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        for (String url : feedUrls) {
            FeedState current = states.get(url);
            if (current != null && !current.equals(written.get(url))) {
                try {
                    sent.add(producer.send(new ProducerRecord<>(topic, url, Json.writeBytes(current))));
                    pending.add(current);
                } catch (RuntimeException e) {
                    log.warn("feed {}: pending state not written: {}", url, e.getMessage());
                }
            }
        }
        long deadline = System.nanoTime() + PENDING_WAIT.toNanos();
        int count = 0;
        for (int i = 0; i < sent.size(); i++) {
            FeedState state = pending.get(i);
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                written.put(state.feedUrl(), state);
                count++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("interrupted writing pending feed states: {} of {} written", count, sent.size());
                return count;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("feed {}: pending state not written: {}", state.feedUrl(),
                        e instanceof ExecutionException ? e.getCause().getMessage() : "no acknowledgement in " + PENDING_WAIT);
            }
        }
        return count;
    }

    /** Writes the pending states ({@link #writePending}) and closes the producer. */
    @Override
    public void close() {
        if (producer != null) {
            int pending = writePending(List.copyOf(states.keySet()));
            if (pending > 0) {
                log.info("wrote the pending state of {} feeds", pending);
            }
            producer.close(Duration.ofSeconds(10));
        }
    }
}
