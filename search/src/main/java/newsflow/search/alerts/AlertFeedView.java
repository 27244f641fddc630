package newsflow.search.alerts;

import newsflow.common.json.Json;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest alerts of every saved search, for its Atom feed: the alerts topic read from its beginning and
 * followed, keeping the newest {@code alerts.feedEntries} per saved search (by match time), so memory is bounded
 * by that times the number of saved searches. Thread-safe.
 */
public final class AlertFeedView implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertFeedView.class);
    private static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::matchedAt, Comparator.reverseOrder())
            .thenComparing(Alert::key, Comparator.naturalOrder());

    private final CompactedTopic.Follower follower;
    private final int entries;
    private final Map<String, List<Alert>> latest = new HashMap<>();

    public AlertFeedView(Consumer<String, byte[]> reader, String topic, Duration timeout, int entries) {
        this.follower = new CompactedTopic.Follower(reader, topic, timeout, this::apply);
        this.entries = entries;
    }

    public static AlertFeedView create(KafkaClients kafka, Duration timeout, int entries) {
        return new AlertFeedView(kafka.readerWithoutGroup("alert-feeds"), kafka.topics().alerts(), timeout, entries);
    }

    /**
     * The newest alerts of one saved search, newest first, after catching up with the topic.
     *
     * @throws IllegalStateException when the topic cannot be read
     */
    public synchronized List<Alert> latest(String savedSearchId) {
        follower.catchUp();
        return List.copyOf(latest.getOrDefault(savedSearchId, List.of()));
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        Alert alert;
        try {
            alert = Json.read(r.value(), Alert.class);
        } catch (RuntimeException e) {
            log.warn("alert {} at {}-{}@{} unreadable, left out of its feed: {}", r.key(), r.topic(), r.partition(),
                    r.offset(), e.getMessage());
            return;
        }
        if (alert.matchedAt() == null || alert.savedSearchId() == null) {
            return;
        }
        List<Alert> list = latest.computeIfAbsent(alert.savedSearchId(), id -> new ArrayList<>());
        list.removeIf(a -> a.key().equals(alert.key()));
        list.add(alert);
        list.sort(NEWEST_FIRST);
        if (list.size() > entries) {
            list.subList(entries, list.size()).clear();
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
