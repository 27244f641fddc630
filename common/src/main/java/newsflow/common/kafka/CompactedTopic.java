package newsflow.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a compacted topic (a table keyed by record key, tombstones deleting) from its beginning to the end offsets
 * seen when the read starts: what was written before is all seen, later writes are not waited for. Also reads any
 * other topic that way, whole or from a point in time (the dead-letter commands).
 */
public final class CompactedTopic {

    private static final Duration POLL = Duration.ofMillis(500);

    private CompactedTopic() {
    }

    /**
     * What one read covered.
     *
     * @param partitions the partitions read; empty when the topic has none (it does not exist yet)
     * @param records    records handed to the callback
     */
    public record Read(List<Integer> partitions, long records) {
    }

    /**
     * Assigns {@code reader} to the topic's partitions (all, or those in {@code only}), reads them from the
     * beginning to their current end and hands every record, in offset order per partition, to {@code apply}. The
     * reader stays assigned and positioned at the end, so it can go on following the topic.
     *
     * @param only    partition numbers to read, null for all
     * @param timeout how long the whole read may take
     * @throws IllegalStateException when the partitions cannot be read to their end within the timeout
     */
    public static Read readToEnd(Consumer<String, byte[]> reader, String topic, Collection<Integer> only,
                                 Duration timeout, java.util.function.Consumer<ConsumerRecord<String, byte[]>> apply) {
        return readToEnd(reader, topic, only, null, timeout, apply);
    }

    /**
     * Like {@link #readToEnd(Consumer, String, Collection, Duration, java.util.function.Consumer)}, from the first
     * record of each partition whose timestamp is at or after {@code from} (the broker's time index), or from the
     * beginning when {@code from} is null.
     */
    public static Read readToEnd(Consumer<String, byte[]> reader, String topic, Collection<Integer> only, Instant from,
                                 Duration timeout, java.util.function.Consumer<ConsumerRecord<String, byte[]>> apply) {
        Instant deadline = Instant.now().plus(timeout);
        List<PartitionInfo> infos = reader.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            return new Read(List.of(), 0);
        }
        List<TopicPartition> partitions = infos.stream()
                .filter(i -> only == null || only.contains(i.partition()))
                .map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (partitions.isEmpty()) {
            return new Read(List.of(), 0);
        }
        reader.assign(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions, timeout);
        if (from == null) {
            reader.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, Long> times = new java.util.HashMap<>();
            partitions.forEach(tp -> times.put(tp, from.toEpochMilli()));
            // null for a partition with no record that recent: nothing of it to read
            reader.offsetsForTimes(times, timeout).forEach((tp, at) -> reader.seek(tp, at == null ? end.get(tp) : at.offset()));
        }
        long records = 0;
        while (!caughtUp(reader, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " not read to its end within " + timeout
                        + " (read " + records + " records)");
            }
            for (ConsumerRecord<String, byte[]> r : reader.poll(POLL)) {
                records++;
                apply.accept(r);
            }
        }
        return new Read(partitions.stream().map(TopicPartition::partition).toList(), records);
    }

    /**
     * Follows a compacted topic the caller drives: each {@link #catchUp()} hands every record written since the
     * last one to {@code apply} (the first reads the topic from its beginning), up to the end offsets seen when
     * it starts. So a caller that catches up before it reads sees every write acknowledged before that, its own
     * and other instances' alike. Thread-safe; owns its reader.
     */
    public static final class Follower implements AutoCloseable {

        private final Consumer<String, byte[]> reader;
        private final String topic;
        private final Duration timeout;
        private final java.util.function.Consumer<ConsumerRecord<String, byte[]>> apply;
        private boolean started;

        /** @param timeout how long one catch-up may take */
        public Follower(Consumer<String, byte[]> reader, String topic, Duration timeout,
                        java.util.function.Consumer<ConsumerRecord<String, byte[]>> apply) {
            this.reader = reader;
            this.topic = topic;
            this.timeout = timeout;
            this.apply = apply;
        }

        public String topic() {
            return topic;
        }

        /**
         * @return how many records were applied
         * @throws IllegalStateException when the topic cannot be read to its end within the timeout (Kafka down)
         */
        public synchronized long catchUp() {
            try {
                if (!started || reader.assignment().isEmpty()) {
                    Read read = readToEnd(reader, topic, null, timeout, apply);
                    started = true;
                    return read.records();
                }
                Instant deadline = Instant.now().plus(timeout);
                Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment(), timeout);
                long records = 0;
                while (!caughtUp(reader, end)) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("topic " + topic + " not read to its end within " + timeout);
                    }
                    for (ConsumerRecord<String, byte[]> r : reader.poll(POLL)) {
                        records++;
                        apply.accept(r);
                    }
                }
                return records;
            } catch (KafkaException e) {
                throw new IllegalStateException("cannot read topic " + topic + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() {
            reader.close(Duration.ofSeconds(3));
        }
    }

    /**
     * Writes one record (a tombstone when {@code value} is null) and waits for the broker's acknowledgement.
     *
     * @throws IllegalStateException naming the topic and key when it was not acknowledged within the timeout
     */
    public static RecordMetadata write(Producer<String, byte[]> producer, String topic, String key, byte[] value,
                                       Duration timeout) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + key + " to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write " + key + " to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(key + " not acknowledged by " + topic + " within " + timeout, e);
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot write " + key + " to " + topic + ": " + e.getMessage(), e);
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
}
