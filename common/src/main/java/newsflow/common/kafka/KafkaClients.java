package newsflow.common.kafka;

import newsflow.common.config.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates Kafka clients with the settings every stage relies on, and the topics the pipeline uses. */
public final class KafkaClients {

    private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

    private final KafkaConfig config;

    public KafkaClients(KafkaConfig config) {
        if (config.embedded()) {
            throw new IllegalArgumentException("kafka.bootstrapServers is empty: start the local stack first or configure a broker");
        }
        this.config = config;
    }

    public KafkaConfig config() {
        return config;
    }

    /** Kafka's default {@code max.poll.interval.ms}. */
    static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    /**
     * The consumers' {@code max.poll.interval.ms}: the configured client property, else Kafka's default. A stage
     * must poll at least this often or it is expelled from its group (see {@link StageLoop}).
     */
    public Duration maxPollInterval() {
        String configured = config.properties().get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_MAX_POLL_INTERVAL;
        }
        try {
            return Duration.ofMillis(Long.parseLong(configured.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kafka.properties." + ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG
                    + " must be a number of milliseconds, got '" + configured + "'", e);
        }
    }

    /** The producers' {@code max.request.size} unless configured: a feed entry's raw content may be large. */
    static final int DEFAULT_MAX_REQUEST_SIZE = 8 * 1024 * 1024;
    /** Kafka's default for the broker's {@code message.max.bytes}. */
    static final int DEFAULT_BROKER_MESSAGE_MAX_BYTES = 1_048_588;
    /**
     * The broker's record limit as the operator tells it ({@code kafka.properties.message.max.bytes}); a broker
     * setting, so it is read here and never handed to the clients.
     */
    static final String BROKER_MESSAGE_MAX_BYTES = "message.max.bytes";

    /**
     * The largest record, in serialized (uncompressed) bytes, that both the producer ({@code max.request.size})
     * and the broker ({@code message.max.bytes}) accept. Compression only ever helps a record under it, so a
     * record under this limit is never refused for its size; enrich cuts an article's body to fit it.
     */
    public int maxRecordBytes() {
        return Math.min(intProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE),
                intProperty(BROKER_MESSAGE_MAX_BYTES, DEFAULT_BROKER_MESSAGE_MAX_BYTES));
    }

    private int intProperty(String name, int fallback) {
        String configured = config.properties().get(name);
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(configured.strip());
            if (value < 1024) {
                throw new IllegalArgumentException("kafka.properties." + name + " must be at least 1024 bytes, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kafka.properties." + name + " must be a number of bytes, got '"
                    + configured + "'", e);
        }
    }

    public Topics topics() {
        return Topics.from(config);
    }

    private Properties base() {
        Properties p = new Properties();
        p.put("bootstrap.servers", config.bootstrapServers());
        p.putAll(config.properties());
        p.remove(BROKER_MESSAGE_MAX_BYTES);
        return p;
    }

    /** Idempotent producer, {@code acks=all}: a record acknowledged is written once, on every in-sync replica. */
    public <V> KafkaProducer<String, V> producer(String clientId, Serializer<V> valueSerializer) {
        Properties p = base();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, intProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(p, new StringSerializer(), valueSerializer);
    }

    public KafkaProducer<String, byte[]> bytesProducer(String clientId) {
        return producer(clientId, new ByteArraySerializer());
    }

    /**
     * A consumer of raw bytes in the stage's group. Auto-commit is off: stages commit only what they have
     * finished, so a crash replays instead of losing.
     */
    public KafkaConsumer<String, byte[]> consumer(String stage, String clientId, int maxPollRecords) {
        Properties p = base();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupPrefix() + stage);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A member of the stage's consumer group that only takes part in partition assignment (work is spread by
     * which partitions it holds, not by the records it reads). Cooperative rebalancing: when an instance joins or
     * leaves, only the partitions that move are revoked, so the others keep working through it.
     */
    public KafkaConsumer<String, byte[]> groupMember(String stage, String clientId) {
        Properties p = base();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupPrefix() + stage);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A group-less consumer, for reading a compacted topic from the start (state restore). */
    public KafkaConsumer<String, byte[]> readerWithoutGroup(String clientId) {
        Properties p = base();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin() {
        Properties p = base();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return Admin.create(p);
    }

    /** Creates the pipeline's topics where missing; existing topics are left as they are. */
    public void ensureTopics() {
        Topics t = topics();
        List<NewTopic> wanted = new ArrayList<>();
        wanted.add(topic(t.entries(), Map.of()));
        // compacted: the latest record of every article is kept for good, so `newsflow retag` (and a rebuild of
        // the index) can replay the whole archive; older versions of an article may go
        wanted.add(topic(t.articles(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        wanted.add(topic(t.deadLetter(), Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(30)))));
        wanted.add(topic(t.feedState(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        wanted.add(topic(t.feeds(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        create(wanted);
    }

    /**
     * Creates a topic where missing, with these topic configurations (an existing topic is left as it is).
     *
     * @throws IllegalStateException when the broker refuses or does not answer
     */
    public void ensureTopic(String name, Map<String, String> configs) {
        create(List.of(topic(name, configs)));
    }

    private void create(List<NewTopic> wanted) {
        try (Admin admin = admin()) {
            for (NewTopic topic : wanted) {
                try {
                    admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
                    log.info("created topic {} ({} partitions)", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker " + config.bootstrapServers() + " did not answer within 60 s while creating topics", e);
        }
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, config.partitions(), config.replicationFactor()).configs(new HashMap<>(configs));
    }
}
