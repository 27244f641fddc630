package newsflow.ingest.assign;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedPartitionsTest {

    @Test
    void aFeedBelongsToThePartitionKafkaWritesItsStateTo() {
        // the producer's own choice for a keyed record: ownership and state must never disagree
        IntStream.range(0, 500).mapToObj(i -> "https://feeds.example/" + i + "/rss.xml").forEach(url -> {
            for (int partitions : new int[]{1, 3, 6, 12}) {
                assertThat(FeedPartitions.partitionOf(url, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(url.getBytes(StandardCharsets.UTF_8), partitions));
            }
        });
    }

    @Test
    void feedsSpreadOverEveryPartition() {
        long used = IntStream.range(0, 200).map(i -> FeedPartitions.partitionOf("https://feeds.example/" + i, 6))
                .distinct().count();
        assertThat(used).isEqualTo(6);
    }

    @Test
    void partitionCountMustBePositive() {
        assertThatThrownBy(() -> FeedPartitions.partitionOf("https://feeds.example/rss", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
