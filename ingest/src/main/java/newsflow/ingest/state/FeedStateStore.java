package newsflow.ingest.state;

import newsflow.common.json.Json;
import newsflow.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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
    private static final Duration POLL = Duration.ofMillis(500);

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
        Instant deadline = Instant.now().plus(timeout);
        try (Consumer<String, byte[]> reader = readers.get()) {
            List<PartitionInfo> infos = reader.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                log.warn("feed state topic {} has no partitions: starting without remembered state", topic);
                return 0;
            }
            List<TopicPartition> partitions = infos.stream()
                    .filter(i -> only == null || only.contains(i.partition()))
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            // Capture the end once: records saved after this point are ours and already in memory.
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, timeout);
            long records = 0;
            Set<String> restored = new HashSet<>();
            while (!caughtUp(reader, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("feed state topic " + topic + " not read to its end within "
                            + timeout + " (read " + records + " records)");
                }
                for (ConsumerRecord<String, byte[]> r : reader.poll(POLL)) {
                    records++;
                    apply(r);
                    restored.add(r.key());
                }
            }
            restored.removeIf(key -> key == null || !states.containsKey(key));
            log.info("restored state of {} feeds from {} partitions {} ({} records)", restored.size(), topic,
                    partitions.stream().map(TopicPartition::partition).toList(), records);
            return restored.size();
        }
    }

    private static boolean caughtUp(Consumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (reader.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
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
        producer.close(Duration.ofSeconds(10));
    }
}
