package newsflow.ingest.registry;

import newsflow.common.config.FeedConfig;
import newsflow.common.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedRegistryTest {

    private static final String TOPIC = "test.feeds";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    private static FeedConfig feed(String url, String name) {
        return new FeedConfig(url, name, null, null, Map.of());
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String key, FeedConfig value) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key, value == null ? null : Json.writeBytes(value));
    }

    /** A two-partition topic holding {@code records}; more can be added once the registry follows it. */
    private static MockConsumer<String, byte[]> topicWith(List<ConsumerRecord<String, byte[]>> records) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(
                new PartitionInfo(TOPIC, 0, node, new Node[0], new Node[0]),
                new PartitionInfo(TOPIC, 1, node, new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        Map<TopicPartition, Long> end = new HashMap<>(Map.of(P0, 0L, P1, 0L));
        for (ConsumerRecord<String, byte[]> r : records) {
            end.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        consumer.updateEndOffsets(end);
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
        return consumer;
    }

    private FeedRegistry registry(MockConsumer<String, byte[]> topic) {
        return new FeedRegistry(topic, () -> producer, TOPIC, Duration.ofSeconds(5));
    }

    @Test
    void loadReadsEveryPartitionLastRecordWinningAndTombstonesRemoving() {
        FeedRegistry registry = registry(topicWith(List.of(
                record(0, 0, "https://a.example/rss", feed("https://a.example/rss", "A")),
                record(1, 0, "https://b.example/rss", feed("https://b.example/rss", "B")),
                record(0, 1, "https://a.example/rss", feed("https://a.example/rss", "A renamed")),
                record(1, 1, "https://gone.example/rss", feed("https://gone.example/rss", null)),
                record(1, 2, "https://gone.example/rss", null))));

        assertThat(registry.load()).containsExactlyInAnyOrder(feed("https://a.example/rss", "A renamed"),
                feed("https://b.example/rss", "B"));
        assertThat(registry.find("https://gone.example/rss")).isEmpty();
    }

    @Test
    void unreadableAndMiskeyedRecordsAreIgnoredWithoutStoppingTheLoad() {
        FeedRegistry registry = registry(topicWith(List.of(
                new ConsumerRecord<>(TOPIC, 0, 0, "https://bad.example/rss", "{not json".getBytes(StandardCharsets.UTF_8)),
                record(0, 1, "https://key.example/rss", feed("https://other.example/rss", null)),
                record(1, 0, "https://ok.example/rss", feed("https://ok.example/rss", null)))));

        assertThat(registry.load()).extracting(FeedConfig::url).containsExactly("https://ok.example/rss");
    }

    @Test
    void putWritesTheConfigurationKeyedByUrlAndALaterLoadReadsItBackWithItsInterval() {
        FeedRegistry registry = registry(topicWith(List.of()));
        registry.load();
        FeedConfig feed = new FeedConfig("https://a.example/rss", "A", Duration.ofMinutes(30), "bot/1",
                Map.of("Authorization", "Basic eDp5"));

        registry.put(feed);

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).topic()).isEqualTo(TOPIC);
        assertThat(sent.get(0).key()).isEqualTo("https://a.example/rss");
        assertThat(registry.feeds()).containsExactly(feed);

        FeedRegistry restarted = registry(topicWith(List.of(
                new ConsumerRecord<>(TOPIC, 0, 0, sent.get(0).key(), sent.get(0).value()))));
        assertThat(restarted.load()).containsExactly(feed);
    }

    @Test
    void removeWritesATombstoneOnlyForARegisteredFeed() {
        FeedRegistry registry = registry(topicWith(List.of(record(0, 0, "https://a.example/rss", feed("https://a.example/rss", null)))));
        registry.load();

        assertThat(registry.remove("https://never.example/rss")).isFalse();
        assertThat(producer.history()).isEmpty();

        assertThat(registry.remove("https://a.example/rss")).isTrue();
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("https://a.example/rss");
            assertThat(r.value()).isNull();
        });
        assertThat(registry.feeds()).isEmpty();
    }

    @Test
    void seedWritesOnlyTheConfiguredFeedsThatAreMissingOrDifferentAndSkipsBadUrls() {
        FeedRegistry registry = registry(topicWith(List.of(
                record(0, 0, "https://same.example/rss", feed("https://same.example/rss", "Same")),
                record(0, 1, "https://renamed.example/rss", feed("https://renamed.example/rss", "Old")),
                record(1, 0, "https://runtime.example/rss", feed("https://runtime.example/rss", null)))));
        registry.load();

        int written = registry.seed(List.of(feed("https://same.example/rss", "Same"),
                feed("https://renamed.example/rss", "New"), feed("https://new.example/rss", null),
                feed("ftp://files.example/rss", null)));

        assertThat(written).isEqualTo(2);
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactly("https://renamed.example/rss", "https://new.example/rss");
        // feeds added at runtime stay: the file is not the whole list
        assertThat(registry.feeds()).extracting(FeedConfig::url).containsExactlyInAnyOrder("https://same.example/rss",
                "https://renamed.example/rss", "https://runtime.example/rss", "https://new.example/rss");
    }

    @Test
    void pollReturnsWhatOtherWritersChangedButNotOurOwnWrites() {
        MockConsumer<String, byte[]> topic = topicWith(List.of(record(0, 0, "https://a.example/rss", feed("https://a.example/rss", null)),
                record(1, 0, "https://b.example/rss", feed("https://b.example/rss", null))));
        FeedRegistry registry = registry(topic);
        registry.load();
        registry.put(feed("https://mine.example/rss", null));

        // another process (the CLI) adds c, renames a and removes b; our own write comes back from the topic too
        topic.addRecord(record(0, 1, "https://c.example/rss", feed("https://c.example/rss", "C")));
        topic.addRecord(record(0, 2, "https://a.example/rss", feed("https://a.example/rss", "A")));
        topic.addRecord(record(1, 1, "https://b.example/rss", null));
        topic.addRecord(record(1, 2, "https://mine.example/rss", feed("https://mine.example/rss", null)));
        RegistryChanges changes = registry.poll(Duration.ofMillis(10));

        assertThat(changes.put()).containsExactly(feed("https://c.example/rss", "C"), feed("https://a.example/rss", "A"));
        assertThat(changes.removed()).containsExactly("https://b.example/rss");
        assertThat(registry.poll(Duration.ofMillis(10)).isEmpty()).isTrue();
    }

    @Test
    void aFeedAddedAndRemovedBetweenTwoPollsIsNoChange() {
        MockConsumer<String, byte[]> topic = topicWith(List.of());
        FeedRegistry registry = registry(topic);
        registry.load();

        topic.addRecord(record(0, 0, "https://brief.example/rss", feed("https://brief.example/rss", null)));
        topic.addRecord(record(0, 1, "https://brief.example/rss", null));

        assertThat(registry.poll(Duration.ofMillis(10)).isEmpty()).isTrue();
    }

    @Test
    void aTopicWithoutPartitionsAtLoadIsReadAgainOnceItHasThem() {
        MockConsumer<String, byte[]> topic = new MockConsumer<>("earliest");
        FeedRegistry registry = registry(topic);
        assertThat(registry.load()).isEmpty();
        assertThat(registry.poll(Duration.ofMillis(10)).isEmpty()).isTrue();

        // the topic's metadata arrives, with a feed another process registered
        Node node = new Node(0, "localhost", 9092);
        topic.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[0], new Node[0])));
        topic.updateBeginningOffsets(Map.of(P0, 0L));
        topic.updateEndOffsets(Map.of(P0, 1L));
        topic.schedulePollTask(() -> topic.addRecord(record(0, 0, "https://late.example/rss", feed("https://late.example/rss", null))));

        assertThat(registry.poll(Duration.ofMillis(10)).put()).containsExactly(feed("https://late.example/rss", null));
    }

    @Test
    void putRejectsAUrlThatIsNotHttpAndWritesNothing() {
        FeedRegistry registry = registry(topicWith(List.of()));
        registry.load();

        assertThatThrownBy(() -> registry.put(feed("file:///etc/passwd", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file:///etc/passwd");
        assertThatThrownBy(() -> registry.put(feed("https:// bad", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a URL");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anUnacknowledgedWriteIsARegistryExceptionNamingTheFeed() {
        MockProducer<String, byte[]> failing = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        FeedRegistry registry = new FeedRegistry(topicWith(List.of()), () -> failing, TOPIC, Duration.ofSeconds(5));
        registry.load();
        Thread broker = new Thread(() -> {
            while (!failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"))) {
                Thread.onSpinWait();
            }
        });
        broker.start();

        assertThatThrownBy(() -> registry.put(feed("https://a.example/rss", null)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("https://a.example/rss").hasMessageContaining("broker gone");
        assertThat(registry.find("https://a.example/rss")).isEmpty();
    }
}
