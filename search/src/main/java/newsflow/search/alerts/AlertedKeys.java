package newsflow.search.alerts;

import newsflow.common.kafka.CompactedTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys of every alert on the alerts topic, read from its beginning and followed: what the matcher must not
 * alert again. Holds one key per alert kept ({@code alerts.retention}).
 */
final class AlertedKeys implements AutoCloseable {

    private final CompactedTopic.Follower follower;
    private final Set<String> keys = new HashSet<>();

    AlertedKeys(Consumer<String, byte[]> reader, String topic, Duration timeout) {
        this.follower = new CompactedTopic.Follower(reader, topic, timeout, this::apply);
    }

    /** Reads what was written since the last call: every alert acknowledged before it is known afterwards. */
    synchronized void catchUp() {
        follower.catchUp();
    }

    synchronized boolean contains(String key) {
        return keys.contains(key);
    }

    /** Records an alert this instance has just had acknowledged (it will also come back through the topic). */
    synchronized void add(String key) {
        keys.add(key);
    }

    synchronized int size() {
        return keys.size();
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            keys.remove(r.key());
        } else {
            keys.add(r.key());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
