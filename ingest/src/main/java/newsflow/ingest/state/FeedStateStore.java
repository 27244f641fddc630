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
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every feed's {@link FeedState}, kept in memory and persisted in the compacted state topic keyed by feed URL.
 * {@link #restore()} reads the topic from the beginning up to the end offsets seen at start, so a restarted
 * ingest knows what it already published. Thread-safe.
 */
public final class FeedStateStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedStateStore.class);

    private final Supplier<? extends Consumer<String, byte[]>> readers;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration timeout;
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();

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
            return;
        }
        try {
            FeedState state = Json.read(r.value(), FeedState.class);
            states.put(r.key(), state);
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
     * Makes {@code state} the feed's current state and writes it to the state topic, waiting for the
     * acknowledgement. The in-memory state is updated even when the write fails: the next successful save
     * writes the whole state again.
     */
    public void save(FeedState state) throws StateSaveException {
        states.put(state.feedUrl(), state);
        try {
            producer.send(new ProducerRecord<>(topic, state.feedUrl(), Json.writeBytes(state)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateSaveException(state.feedUrl(), e);
        } catch (ExecutionException e) {
            throw new StateSaveException(state.feedUrl(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new StateSaveException(state.feedUrl(), e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
