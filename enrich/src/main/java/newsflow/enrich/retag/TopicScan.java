package newsflow.enrich.retag;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every partition of a topic, read from the beginning with a group-less consumer (no offsets are committed, no
 * consumer group is disturbed) up to the end offsets taken when the scan was created: records appended while the
 * scan runs (by enrich, or by the re-tagging itself) are not part of it.
 */
final class TopicScan implements RecordScan {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, byte[]> reader;
    private final String topic;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> end;
    private final Duration stallTimeout;

    /**
     * @param stallTimeout how long a poll may bring nothing while records are still due before the scan gives up
     * @throws IllegalStateException when the topic does not exist
     */
    public TopicScan(Consumer<String, byte[]> reader, String topic, Duration stallTimeout) {
        this.reader = reader;
        this.topic = topic;
        this.stallTimeout = stallTimeout;
        List<PartitionInfo> infos = reader.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (or has no partitions)");
        }
        this.partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        this.end = Map.copyOf(reader.endOffsets(partitions));
    }

    /** Records up to these offsets (exclusive) are scanned. */
    public Map<TopicPartition, Long> endOffsets() {
        return end;
    }

    /** The first offset still in the topic per partition (above 0 where retention deleted older records). */
    public Map<TopicPartition, Long> beginningOffsets() {
        return reader.beginningOffsets(partitions);
    }

    @Override
    public void forEach(java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        reader.seekToBeginning(partitions);
        long lastProgress = System.nanoTime();
        while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
            int seen = 0;
            for (ConsumerRecord<String, byte[]> r : reader.poll(POLL)) {
                seen++;
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    each.accept(r);
                }
            }
            if (seen > 0) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                throw new IllegalStateException("reading " + topic + " stalled: no records for " + stallTimeout.toSeconds()
                        + " s with records still due (positions " + positions() + ", end " + end + ")");
            }
        }
    }

    private Map<TopicPartition, Long> positions() {
        return partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, reader::position));
    }
}
