package newsflow.search.alerts;

import newsflow.common.json.Json;
import newsflow.common.kafka.CompactedTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The alert-deliveries topic: for every alert whose delivery ended, how ({@link Delivery}). The delivery loop
 * reads it to its end before each batch and writes each outcome (acknowledged) as soon as it is known, so a
 * replayed alert whose delivery ended is never sent again, and one cut short is sent again. Thread-safe.
 */
final class DeliveryStates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStates.class);

    private final CompactedTopic.Follower follower;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration timeout;
    private final Map<String, Delivery> byKey = new HashMap<>();

    DeliveryStates(Consumer<String, byte[]> reader, Producer<String, byte[]> producer, String topic, Duration timeout) {
        this.follower = new CompactedTopic.Follower(reader, topic, timeout, this::apply);
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    synchronized void catchUp() {
        follower.catchUp();
    }

    synchronized Optional<Delivery> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * Writes an outcome and waits for its acknowledgement.
     *
     * @throws IllegalStateException when it was not acknowledged: the batch fails and is retried
     */
    void record(Delivery delivery) {
        CompactedTopic.write(producer, topic, delivery.key(), Json.writeBytes(delivery), timeout);
        synchronized (this) {
            byKey.put(delivery.key(), delivery);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            byKey.remove(r.key());
            return;
        }
        try {
            byKey.put(r.key(), Json.read(r.value(), Delivery.class));
        } catch (RuntimeException e) {
            log.warn("delivery state {} at {}-{}@{} unreadable, ignored: {}", r.key(), r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
