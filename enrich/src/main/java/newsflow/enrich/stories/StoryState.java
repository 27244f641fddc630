package newsflow.enrich.stories;

import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.model.Article;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The story memory every enrich instance shares: a {@link StoryIndex} kept in step with the story-state topic
 * (compacted and expiring after the window, keyed by article id, a {@link StoryMark} of about a hundred bytes each).
 * Each article this instance groups is written there; at start the instance reads the window's marks
 * ({@link #load()}), then follows the topic ({@link #run()}), so it groups new articles with what every instance
 * grouped, its own earlier life included. Reading marks instead of articles is what makes a start take seconds
 * whatever the size of the articles topic: no article is decoded and no body fingerprinted again.
 *
 * <p>When the window holds no mark at all (a story-state topic just created beside an articles topic that has
 * history, as on upgrade), the window's articles are read once as before and their marks written, each with its
 * article's timestamp so it expires when the article would have left the window.
 */
public final class StoryState implements StoryIndex.Journal, Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryState.class);
    /** How long reading the window may take before the stage gives up starting. */
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * What {@link #load()} did: marks read, articles read instead (0 unless seeding), how long it took, and the CPU
     * time of the loading thread (where the records are fetched, decompressed and decoded): the wall time depends on
     * what else the machine runs, the CPU time much less.
     */
    public record Loaded(long marks, long articlesSeeded, Duration took, Duration cpu) {
    }

    private final Consumer<String, byte[]> reader;
    private final Producer<String, byte[]> writer;
    private final String stateTopic;
    private final String articlesTopic;
    private final StoryIndex index;
    private final Duration window;
    private final Clock clock;
    private volatile boolean closed;
    private boolean following;

    /**
     * @param reader   a consumer without group, owned from here on
     * @param writer   the marks' producer, owned from here on
     * @param capacity articles remembered (the oldest go first)
     * @param window   how far back marks (or, when seeding, articles) are read at start
     */
    public StoryState(Consumer<String, byte[]> reader, Producer<String, byte[]> writer, String stateTopic,
                      String articlesTopic, int capacity, Duration window, Clock clock) {
        this.reader = reader;
        this.writer = writer;
        this.stateTopic = stateTopic;
        this.articlesTopic = articlesTopic;
        this.index = new StoryIndex(capacity, this);
        this.window = window;
        this.clock = clock;
    }

    /** The index articles are grouped with; what it assigns is written to the topic. */
    public StoryIndex index() {
        return index;
    }

    /** Reads the window's marks up to the current end of the topic (seeding it from the articles when empty). */
    public Loaded load() {
        long started = System.nanoTime();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        Instant since = clock.instant().minus(window);
        long marks = CompactedTopic.readToEnd(reader, stateTopic, null, since, LOAD_TIMEOUT, this::learnMark).records();
        long seeded = 0;
        if (marks == 0) {
            seeded = CompactedTopic.readToEnd(reader, articlesTopic, null, since, LOAD_TIMEOUT, this::seed).records();
            // back to the marks to follow them, any just written included (known ids are skipped)
            CompactedTopic.readToEnd(reader, stateTopic, null, since, LOAD_TIMEOUT, this::learnMark);
            if (seeded > 0) {
                log.info("stories: story-state topic {} was empty; {} articles of the last {} read from {} and written to it",
                        stateTopic, seeded, window, articlesTopic);
            }
        }
        Loaded loaded = new Loaded(marks, seeded, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuStarted));
        log.info("stories: {} articles remembered from {} marks of the last {} in {} ms ({} ms CPU)", index.size(), marks,
                window, loaded.took().toMillis(), loaded.cpu().toMillis());
        return loaded;
    }

    /** Follows the topic (every instance's new marks) until {@link #close()}. */
    @Override
    public void run() {
        synchronized (this) {
            if (closed) {
                return;
            }
            following = true;
        }
        try {
            while (!closed) {
                reader.poll(Duration.ofSeconds(1)).forEach(this::learnMark);
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            reader.close(CLOSE_TIMEOUT);
        }
    }

    /**
     * Writes the mark of an article this instance grouped. Not waited for: a mark lost (broker down) costs the
     * other instances that one article's memory, never the article, and it is logged.
     */
    @Override
    public void assigned(String id, StoryMark mark) {
        write(new ProducerRecord<>(stateTopic, id, mark.encode()));
    }

    private void write(ProducerRecord<String, byte[]> record) {
        try {
            writer.send(record, (meta, e) -> {
                if (e != null) {
                    log.warn("stories: mark of {} not written to {}: {}", record.key(), stateTopic, e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("stories: mark of {} not written to {}: {}", record.key(), stateTopic, e.toString());
        }
    }

    private void learnMark(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null || r.key() == null) {
            return;
        }
        try {
            StoryMark m = StoryMark.decode(r.value());
            index.learn(r.key(), m.simhash(), m.storyId(), m.published());
        } catch (RuntimeException e) {
            // an unreadable mark costs that article its story memory, never the stage
            log.warn("stories: mark {}-{}@{} not readable: {}", r.topic(), r.partition(), r.offset(), e.toString());
        }
    }

    /** An article of the window, as the memory was rebuilt before there were marks; its mark written too. */
    private void seed(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            Article a = JsonCodec.ARTICLE.decode(r.value());
            StoryMark m = new StoryMark(SimHash.of(a.body()), a.storyId() == null ? a.id() : a.storyId(),
                    a.published() != null ? a.published() : a.processedAt());
            index.learn(a.id(), m.simhash(), m.storyId(), m.published());
            write(new ProducerRecord<>(stateTopic, null, r.timestamp(), a.id(), m.encode()));
        } catch (RuntimeException e) {
            log.debug("stories: record {}-{}@{} not readable: {}", r.topic(), r.partition(), r.offset(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (following) {
            reader.wakeup(); // run() closes the reader on its way out
        } else {
            reader.close(CLOSE_TIMEOUT);
        }
        writer.close(CLOSE_TIMEOUT);
    }
}
