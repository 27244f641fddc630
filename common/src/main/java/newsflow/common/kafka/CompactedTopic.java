package newsflow.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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

    private static boolean caughtUp(Consumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (reader.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
