package newsflow.enrich.stories;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single-partition topics in memory that every consumer made here reads and every producer made here writes (a
 * record is visible once {@link #deliver()} moved it into the log, as a broker's acknowledgement would), with the
 * broker's time index: enough for {@link StoryState} to start, follow and write as against a broker.
 */
final class MemoryTopics {

    private final Map<String, List<ConsumerRecord<String, byte[]>>> logs = new HashMap<>();
    private final List<MockProducer<String, byte[]>> producers = new ArrayList<>();
    private final Clock clock;

    MemoryTopics(Clock clock, String... topics) {
        this.clock = clock;
        for (String t : topics) {
            logs.put(t, new ArrayList<>());
        }
    }

    /** Appends a record with this timestamp, as if written then. */
    synchronized void append(String topic, String key, byte[] value, long timestamp) {
        List<ConsumerRecord<String, byte[]>> log = logs.get(topic);
        log.add(new ConsumerRecord<>(topic, 0, log.size(), timestamp, TimestampType.CREATE_TIME, -1, -1, key, value,
                new RecordHeaders(), Optional.empty()));
    }

    synchronized int size(String topic) {
        return logs.get(topic).size();
    }

    synchronized List<ConsumerRecord<String, byte[]>> log(String topic) {
        return List.copyOf(logs.get(topic));
    }

    /** Moves what every producer sent since the last call into the logs (timestamped now unless the record says). */
    synchronized void deliver() {
        for (MockProducer<String, byte[]> p : producers) {
            List<ProducerRecord<String, byte[]>> sent = p.history();
            p.clear();
            for (ProducerRecord<String, byte[]> r : sent) {
                append(r.topic(), r.key(), r.value(), r.timestamp() != null ? r.timestamp() : clock.millis());
            }
        }
    }

    synchronized MockProducer<String, byte[]> producer() {
        MockProducer<String, byte[]> p = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        producers.add(p);
        return p;
    }

    MockConsumer<String, byte[]> consumer() {
        MockConsumer<String, byte[]> c = new MockConsumer<>("earliest") {
            @Override
            public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
                for (TopicPartition tp : assignment()) {
                    for (ConsumerRecord<String, byte[]> r : log(tp.topic())) {
                        if (r.offset() >= position(tp)) {
                            addRecord(r);
                        }
                    }
                }
                return super.poll(timeout);
            }

            @Override
            public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
                Map<TopicPartition, Long> end = new HashMap<>();
                partitions.forEach(tp -> end.put(tp, (long) size(tp.topic())));
                return end;
            }

            @Override
            public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times, Duration timeout) {
                Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
                times.forEach((tp, at) -> found.put(tp, log(tp.topic()).stream().filter(r -> r.timestamp() >= at)
                        .findFirst().map(r -> new OffsetAndTimestamp(r.offset(), r.timestamp())).orElse(null)));
                return found;
            }
        };
        Node node = new Node(0, "localhost", 9092);
        Map<TopicPartition, Long> beginning = new HashMap<>();
        for (String t : logs.keySet()) {
            c.updatePartitions(t, List.of(new PartitionInfo(t, 0, node, new Node[0], new Node[0])));
            beginning.put(new TopicPartition(t, 0), 0L);
        }
        c.updateBeginningOffsets(beginning);
        return c;
    }
}
