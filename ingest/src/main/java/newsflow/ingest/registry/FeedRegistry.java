package newsflow.ingest.registry;

import newsflow.common.config.FeedConfig;
import newsflow.common.json.Json;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The feeds ingest polls, as operators manage them at runtime: a compacted topic keyed by feed URL whose values
 * are {@link FeedConfig}s as JSON, a tombstone for a removed feed. Every ingest instance reads the whole registry
 * ({@link #load()}) and then follows it ({@link #poll(Duration)}); which instance polls a feed is decided by the
 * feed-state partition assignment, not here. Used by one thread at a time.
 */
public final class FeedRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);

    private final Consumer<String, byte[]> reader;
    private final Supplier<? extends Producer<String, byte[]>> producers;
    private final String topic;
    private final Duration timeout;
    private final Map<String, FeedConfig> feeds = new LinkedHashMap<>();
    private Producer<String, byte[]> producer;
    private boolean loaded;

    /**
     * @param reader    group-less consumer the registry owns: it reads the topic, then follows it
     * @param producers creates the acks=all producer on the first write (readers never need one); owned
     * @param timeout   how long a load may take and a write may wait for its acknowledgement
     */
    public FeedRegistry(Consumer<String, byte[]> reader, Supplier<? extends Producer<String, byte[]>> producers,
                        String topic, Duration timeout) {
        this.reader = reader;
        this.producers = producers;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The registry on the configured cluster's feeds topic. */
    public static FeedRegistry create(KafkaClients kafka, Duration timeout) {
        return new FeedRegistry(kafka.readerWithoutGroup("feed-registry"),
                () -> kafka.producer("feed-registry", new ByteArraySerializer()), kafka.topics().feeds(), timeout);
    }

    public String topic() {
        return topic;
    }

    /**
     * Reads the whole registry; afterwards {@link #poll(Duration)} returns what changes.
     *
     * @return every registered feed
     * @throws RegistryException when the topic cannot be read to its end within the timeout
     */
    public List<FeedConfig> load() {
        feeds.clear();
        try {
            CompactedTopic.Read read = CompactedTopic.readToEnd(reader, topic, null, timeout, this::apply);
            if (read.partitions().isEmpty()) {
                log.warn("feed registry topic {} has no partitions yet: no feeds registered", topic);
            } else {
                log.info("feed registry {}: {} feeds ({} records)", topic, feeds.size(), read.records());
            }
        } catch (IllegalStateException | KafkaException e) {
            throw new RegistryException("cannot read the feed registry " + topic + ": " + e.getMessage(), e);
        }
        loaded = true;
        return feeds();
    }

    /** Every registered feed, in the order first read or added. */
    public List<FeedConfig> feeds() {
        return List.copyOf(feeds.values());
    }

    public Optional<FeedConfig> find(String url) {
        return Optional.ofNullable(feeds.get(url));
    }

    /**
     * Reads what other writers changed since the last read, waiting at most {@code wait} for it. Writes of this
     * registry's own {@link #put}/{@link #remove} are already known and do not come back as changes.
     */
    public RegistryChanges poll(Duration wait) {
        if (!loaded) {
            throw new IllegalStateException("feed registry not loaded");
        }
        if (reader.assignment().isEmpty()) {
            // the topic had no partitions yet when loaded (just created, metadata not yet everywhere): read it anew
            Map<String, FeedConfig> before = new LinkedHashMap<>(feeds);
            load();
            Set<String> touched = new LinkedHashSet<>(before.keySet());
            touched.addAll(feeds.keySet());
            return changes(touched, before);
        }
        Set<String> touched = new LinkedHashSet<>();
        Map<String, FeedConfig> before = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : reader.poll(wait)) {
            if (r.key() != null && touched.add(r.key())) {
                before.put(r.key(), feeds.get(r.key()));
            }
            apply(r);
        }
        return changes(touched, before);
    }

    /** How the feeds in {@code touched} differ now from {@code before} (absent there: not registered). */
    private RegistryChanges changes(Set<String> touched, Map<String, FeedConfig> before) {
        List<FeedConfig> put = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String url : touched) {
            FeedConfig now = feeds.get(url);
            if (now == null && before.get(url) != null) {
                removed.add(url);
            } else if (now != null && !now.equals(before.get(url))) {
                put.add(now);
            }
        }
        return put.isEmpty() && removed.isEmpty() ? RegistryChanges.NONE : new RegistryChanges(put, removed);
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            log.warn("feed registry record without key at {}-{}@{} ignored", r.topic(), r.partition(), r.offset());
            return;
        }
        if (r.value() == null) {
            feeds.remove(r.key());
            return;
        }
        try {
            FeedConfig feed = Json.read(r.value(), FeedConfig.class);
            if (!feed.url().equals(r.key())) {
                log.warn("feed registry record at {}-{}@{} keyed {} describes {}: ignored", r.topic(), r.partition(),
                        r.offset(), r.key(), feed.url());
                return;
            }
            feeds.put(r.key(), feed);
        } catch (RuntimeException e) {
            // one bad record costs that feed its latest change, never the registry
            log.warn("feed registry record for {} at {}-{}@{} unreadable, ignored: {}", r.key(), r.topic(),
                    r.partition(), r.offset(), e.getMessage());
        }
    }

    /**
     * Adds the feed, or replaces the configuration of the feed with its URL, and waits for the broker's
     * acknowledgement.
     *
     * @throws IllegalArgumentException when the feed URL is not an absolute http(s) URL
     * @throws RegistryException        when the write was not acknowledged
     */
    public void put(FeedConfig feed) {
        FeedUrls.check(feed.url());
        write(feed.url(), Json.writeBytes(feed));
        feeds.put(feed.url(), feed);
    }

    /**
     * Removes the feed (a tombstone, so compaction drops it). Its poll state is kept in the state topic: a
     * feed added again does not republish what was already published.
     *
     * @return false when the feed was not registered (nothing is written then)
     * @throws RegistryException when the tombstone was not acknowledged
     */
    public boolean remove(String url) {
        if (!feeds.containsKey(url)) {
            return false;
        }
        write(url, null);
        feeds.remove(url);
        return true;
    }

    /**
     * Makes sure every feed of the configuration file is registered with that configuration, writing only
     * those missing or different, so a YAML {@code feeds:} list keeps working next to the runtime registry.
     *
     * @return how many were written
     * @throws RegistryException when a write was not acknowledged
     */
    public int seed(List<FeedConfig> configured) {
        int written = 0;
        for (FeedConfig feed : configured) {
            if (Objects.equals(feeds.get(feed.url()), feed)) {
                continue;
            }
            try {
                put(feed);
                written++;
            } catch (IllegalArgumentException e) {
                // one bad line of the file must not stop ingest: the feed is left out, and said so
                log.error("feed of the configuration file not registered: {}", e.getMessage());
            }
        }
        if (written > 0) {
            log.info("feed registry {}: {} feeds of the configuration file added or updated", topic, written);
        }
        return written;
    }

    private void write(String url, byte[] value) {
        if (producer == null) {
            producer = producers.get();
        }
        try {
            CompactedTopic.write(producer, topic, url, value, timeout);
        } catch (IllegalStateException e) {
            throw new RegistryException("feed " + url + ": " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }

    @Override
    public void close() {
        reader.close();
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
