package newsflow.ingest.assign;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

/**
 * Which partition of the feed state topic a feed belongs to: the partition Kafka's default partitioner writes
 * its state record to (murmur2 of the UTF-8 key, the feed URL). Owning that partition in the ingest consumer
 * group is owning the feed, so a feed's state and its poller always live on the same instance.
 */
final class FeedPartitions {

    private FeedPartitions() {
    }

    static int partitionOf(String feedUrl, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, got " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(feedUrl.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
