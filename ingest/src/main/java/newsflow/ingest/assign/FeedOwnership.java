package newsflow.ingest.assign;

import newsflow.ingest.schedule.PollScheduler;
import newsflow.ingest.state.FeedStateStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spreads the configured feeds over the ingest instances through Kafka's consumer-group assignment of the feed
 * state topic: an instance polls exactly the feeds whose state lives in the partitions it is assigned. When an
 * instance joins, leaves or dies, the group rebalances and the feeds move with their partitions: the new owner
 * reads the feeds' state (validators, published ids, next poll time) from those partitions before it polls them,
 * and the old owner has stopped polling them (and saved their state) before it gave them up.
 */
public final class FeedOwnership implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(FeedOwnership.class);

    private final Consumer<?, ?> consumer;
    private final FeedStateStore states;
    private final PollScheduler scheduler;
    private final int partitions;

    /**
     * @param consumer   the instance's group member on the state topic (positions are moved to the end: the
     *                   state itself is read by {@link FeedStateStore#restore(Collection)})
     * @param partitions the state topic's partition count
     */
    public FeedOwnership(Consumer<?, ?> consumer, FeedStateStore states, PollScheduler scheduler, int partitions) {
        this.consumer = consumer;
        this.states = states;
        this.scheduler = scheduler;
        this.partitions = partitions;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        consumer.seekToEnd(assigned);
        Set<Integer> numbers = numbers(assigned);
        states.restore(numbers);
        List<String> feeds = feedsIn(numbers);
        log.info("ingest now owns partitions {}: {} feeds", numbers, feeds.size());
        scheduler.activate(feeds);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        release(revoked, "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        // this instance was thrown out of the group (missed heartbeats): another may already poll these feeds
        release(lost, "lost");
    }

    private void release(Collection<TopicPartition> gone, String how) {
        if (gone.isEmpty()) {
            return;
        }
        Set<Integer> numbers = numbers(gone);
        List<String> feeds = feedsIn(numbers);
        scheduler.deactivate(feeds);
        log.info("ingest partitions {} {}: stopped polling {} feeds", numbers, how, feeds.size());
    }

    /** The configured feeds whose state lives in these partitions. */
    List<String> feedsIn(Set<Integer> numbers) {
        return scheduler.feedUrls().stream()
                .filter(url -> numbers.contains(FeedPartitions.partitionOf(url, partitions)))
                .toList();
    }

    private static Set<Integer> numbers(Collection<TopicPartition> tps) {
        return tps.stream().map(TopicPartition::partition).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
