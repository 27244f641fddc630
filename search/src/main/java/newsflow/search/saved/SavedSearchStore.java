package newsflow.search.saved;

import newsflow.common.json.Json;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The saved searches, shared by every instance through a compacted topic keyed by id (a tombstone deletes one),
 * as the feed registry shares feeds. Every read first catches up with the topic, so what any instance wrote and
 * had acknowledged is seen. Thread-safe.
 */
public final class SavedSearchStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchStore.class);
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int ID_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CompactedTopic.Follower follower;
    private final Supplier<? extends Producer<String, byte[]>> producers;
    private final String topic;
    private final Duration timeout;
    private final int maxSavedSearches;
    private final Map<String, SavedSearch> byId = new HashMap<>();
    private Producer<String, byte[]> producer;

    /**
     * @param reader    group-less consumer, owned
     * @param producers makes the acks=all producer at the first write, owned
     * @param timeout   how long a read of the topic or a write's acknowledgement may take
     */
    public SavedSearchStore(Consumer<String, byte[]> reader, Supplier<? extends Producer<String, byte[]>> producers,
                            String topic, Duration timeout, int maxSavedSearches) {
        this.follower = new CompactedTopic.Follower(reader, topic, timeout, this::apply);
        this.producers = producers;
        this.topic = topic;
        this.timeout = timeout;
        this.maxSavedSearches = maxSavedSearches;
    }

    /** The store on the configured cluster's saved-searches topic (create it first: {@code AlertTopics.ensure}). */
    public static SavedSearchStore create(KafkaClients kafka, Duration timeout, int maxSavedSearches) {
        return new SavedSearchStore(kafka.readerWithoutGroup("saved-searches"),
                () -> kafka.producer("saved-searches", new ByteArraySerializer()), kafka.topics().savedSearches(),
                timeout, maxSavedSearches);
    }

    /**
     * Every saved search, oldest first.
     *
     * @throws StoreUnavailableException when the topic cannot be read
     */
    public synchronized List<SavedSearch> all() {
        catchUp();
        return byId.values().stream().sorted(Comparator.comparing(SavedSearch::created).thenComparing(SavedSearch::id)).toList();
    }

    public synchronized Optional<SavedSearch> find(String id) {
        catchUp();
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Stores a new saved search under a fresh id.
     *
     * @throws LimitReachedException     when {@code maxSavedSearches} exist already
     * @throws StoreUnavailableException when the write is not acknowledged
     */
    public synchronized SavedSearch create(SavedSearchInput input, Instant now) {
        catchUp();
        if (byId.size() >= maxSavedSearches) {
            throw new LimitReachedException("there are " + byId.size() + " saved searches already, the most "
                    + "alerts.maxSavedSearches allows: delete one first");
        }
        String id = newId();
        while (byId.containsKey(id)) {
            id = newId();
        }
        SavedSearch saved = input.create(id, now);
        write(id, saved);
        return saved;
    }

    /** Replaces a saved search as {@link SavedSearchInput#update} says; empty when there is none with this id. */
    public synchronized Optional<SavedSearch> update(String id, SavedSearchInput input, Instant now) {
        catchUp();
        SavedSearch stored = byId.get(id);
        if (stored == null) {
            return Optional.empty();
        }
        SavedSearch updated = input.update(stored, now);
        write(id, updated);
        return Optional.of(updated);
    }

    /** Deletes one (a tombstone); false when there is none with this id. */
    public synchronized boolean delete(String id) {
        catchUp();
        if (!byId.containsKey(id)) {
            return false;
        }
        write(id, null);
        return true;
    }

    private void write(String id, SavedSearch value) {
        if (producer == null) {
            producer = producers.get();
        }
        try {
            CompactedTopic.write(producer, topic, id, value == null ? null : Json.writeBytes(value), timeout);
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("saved search " + id + " not stored: " + e.getMessage(), e);
        }
        catchUp(); // reads the write back in offset order, after whatever came before it
    }

    private void catchUp() {
        try {
            follower.catchUp();
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("saved searches cannot be read from " + topic + ": " + e.getMessage(), e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            byId.remove(r.key());
            return;
        }
        try {
            SavedSearch saved = Json.read(r.value(), SavedSearch.class);
            if (!r.key().equals(saved.id())) {
                log.warn("saved search record at {}-{}@{} keyed {} describes {}: ignored", r.topic(), r.partition(),
                        r.offset(), r.key(), saved.id());
                return;
            }
            byId.put(r.key(), saved);
        } catch (RuntimeException e) {
            // one bad record costs that saved search its latest change, never the store
            log.warn("saved search record {} at {}-{}@{} unreadable, ignored: {}", r.key(), r.topic(), r.partition(),
                    r.offset(), e.getMessage());
        }
    }

    static String newId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    @Override
    public synchronized void close() {
        follower.close();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
