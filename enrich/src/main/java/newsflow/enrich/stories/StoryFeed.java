package newsflow.enrich.stories;

import newsflow.common.kafka.JsonCodec;
import newsflow.common.model.Article;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a {@link StoryIndex} current with every article any enrich instance published: reads the articles topic
 * from {@code window} ago, first up to its end ({@link #catchUp()}, before enrich starts), then as it grows
 * ({@link #run()}). So an instance groups new articles with what the others processed too.
 */
public final class StoryFeed implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryFeed.class);

    private final Consumer<String, byte[]> reader;
    private final String topic;
    private final StoryIndex stories;
    private final Duration window;
    private final Clock clock;
    private volatile boolean closed;
    private boolean following;

    public StoryFeed(Consumer<String, byte[]> reader, String topic, StoryIndex stories, Duration window, Clock clock) {
        this.reader = reader;
        this.topic = topic;
        this.stories = stories;
        this.window = window;
        this.clock = clock;
    }

    /** Reads the window up to the current end of the topic. */
    public void catchUp() {
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        long since = clock.instant().minus(window).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> start = reader.offsetsForTimes(query);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp o = start.get(p);
            reader.seek(p, o != null ? o.offset() : end.get(p));
        }
        int read = 0;
        while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(500))) {
                learn(r);
                read++;
            }
        }
        log.info("stories: {} articles of the last {} read from {}", read, window, topic);
    }

    /** Follows the topic until {@link #close()}. */
    @Override
    public void run() {
        synchronized (this) {
            if (closed) {
                reader.close();
                return;
            }
            following = true;
        }
        try {
            while (!closed) {
                reader.poll(Duration.ofSeconds(1)).forEach(this::learn);
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            reader.close();
        }
    }

    private void learn(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            Article a = JsonCodec.ARTICLE.decode(r.value());
            stories.learn(a.id(), SimHash.of(a.body()), a.storyId(), a.published() != null ? a.published() : a.processedAt());
        } catch (RuntimeException e) {
            // an unreadable record costs that article its story memory, never the feed
            log.debug("stories: record {}-{}@{} not readable: {}", r.topic(), r.partition(), r.offset(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (following) {
            reader.wakeup(); // run() closes the reader on its way out
        } else {
            reader.close();
        }
    }
}
