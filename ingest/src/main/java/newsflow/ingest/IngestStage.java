package newsflow.ingest;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.metrics.Metrics;
import newsflow.common.stage.Stage;
import newsflow.ingest.fetch.FeedFetcher;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.publish.EntryPublisher;
import newsflow.ingest.schedule.PollScheduler;
import newsflow.ingest.schedule.PollSummary;
import newsflow.ingest.schedule.PollTiming;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.FeedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The ingest stage: restores every feed's state from the state topic, then polls the configured feeds on
 * their schedules and publishes new and changed entries to the entries topic, until {@link #close()}.
 */
public final class IngestStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(IngestStage.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(2);

    private final NewsflowConfig config;
    private final KafkaClients kafka;
    private final HttpFetcher http;
    private final CountDownLatch closed = new CountDownLatch(1);

    private FeedStateStore states;
    private EntryPublisher publisher;
    private PollScheduler scheduler;
    private volatile boolean ready;
    private boolean isClosed;

    /** @param http shared fetch layer; not closed by this stage */
    public IngestStage(NewsflowConfig config, KafkaClients kafka, HttpFetcher http) {
        this.config = config;
        this.kafka = kafka;
        this.http = http;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /** Starts (if not yet started), polls every feed on schedule, and blocks until {@link #close()}. */
    @Override
    public void run() {
        PollScheduler s = start();
        if (s == null) {
            return; // closed before it ran
        }
        s.start();
        log.info("ingest polling {} feeds on {} threads", config.feeds().size(), config.ingest().pollThreads());
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls every configured feed once, now, and returns the totals (for the demo's progress display). Starts
     * the stage's clients and restores state first if {@link #run()} has not.
     */
    public PollSummary pollAllOnce() {
        PollScheduler s = start();
        if (s == null) {
            throw new IllegalStateException("ingest stage is closed");
        }
        return s.pollAllOnce();
    }

    private synchronized PollScheduler start() {
        if (isClosed) {
            return null;
        }
        if (scheduler != null) {
            return scheduler;
        }
        kafka.ensureTopics();
        states = FeedStateStore.create(kafka);
        states.restore();
        publisher = new EntryPublisher(kafka.producer("ingest-entries", JsonCodec.FEED_ENTRY.serializer()),
                kafka.topics().entries(), PUBLISH_TIMEOUT);
        PollTiming timing = new PollTiming(config.ingest());
        FeedPoller poller = new FeedPoller(new FeedFetcher(http), new FeedParser(config.ingest().maxEntriesPerFeed(), config.http().maxBytes()),
                publisher, states, timing, config.ingest().rememberedIds(), Metrics.registry(), Clock.systemUTC());
        FeedStateStore restored = states;
        scheduler = new PollScheduler(config.feeds(), poller, timing,
                url -> restored.find(url).map(FeedState::nextPollAt).orElse(null),
                config.ingest().pollThreads(), Metrics.registry(), Clock.systemUTC());
        ready = true;
        return scheduler;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (isClosed) {
                return;
            }
            isClosed = true;
            ready = false;
            if (scheduler != null) {
                scheduler.close();
            }
            if (publisher != null) {
                publisher.close();
            }
            if (states != null) {
                states.close();
            }
        }
        closed.countDown();
        log.info("ingest stopped");
    }
}
