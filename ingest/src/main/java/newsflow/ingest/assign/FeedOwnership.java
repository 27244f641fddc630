package newsflow.ingest.assign;

import newsflow.common.config.FeedConfig;
import newsflow.ingest.registry.RegistryChanges;
import newsflow.ingest.schedule.PollScheduler;
import newsflow.ingest.state.FeedStateStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * Spreads the registered feeds over the ingest instances through Kafka's consumer-group assignment of the feed
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
    /** Partition numbers this instance holds now. */
    private final Set<Integer> owned = new ConcurrentSkipListSet<>();

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
        owned.addAll(numbers);
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
        owned.removeAll(numbers);
        List<String> feeds = feedsIn(numbers);
        scheduler.deactivate(feeds);
        // handed over in order: the next owner restores these feeds from the topic, so the poll times kept in
        // memory only go there first; lost partitions may already be polled by another instance, whose writes win
        int written = "revoked".equals(how) ? states.writePending(feeds) : 0;
        log.info("ingest partitions {} {}: stopped polling {} feeds ({} pending states written)", numbers, how,
                feeds.size(), written);
    }

    /**
     * Applies what operators changed in the feed registry: removed feeds stop being polled; added feeds, and
     * feeds whose configuration changed, are polled by this instance only when it owns their partition (the
     * owner of the partition also picks up a feed that another instance's registry saw first).
     */
    public void registryChanged(RegistryChanges changes) {
        for (String url : changes.removed()) {
            if (scheduler.remove(url)) {
                log.info("feed {} removed from the registry: no longer polled", url);
            }
        }
        List<String> mine = new ArrayList<>();
        for (FeedConfig feed : changes.put()) {
            boolean changed = scheduler.put(feed);
            boolean ours = owned.contains(FeedPartitions.partitionOf(feed.url(), partitions));
            log.info("feed {} {} in the registry{}", feed.url(), changed ? "added or changed" : "unchanged",
                    ours ? ": polled by this instance" : ": another instance's");
            if (changed && ours) {
                mine.add(feed.url());
            }
        }
        if (!mine.isEmpty()) {
            scheduler.activate(mine);
        }
    }

    /** The known feeds whose state lives in these partitions. */
    List<String> feedsIn(Set<Integer> numbers) {
        return scheduler.feedUrls().stream()
                .filter(url -> numbers.contains(FeedPartitions.partitionOf(url, partitions)))
                .toList();
    }

    private static Set<Integer> numbers(Collection<TopicPartition> tps) {
        return tps.stream().map(TopicPartition::partition).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
