package newsflow.ingest;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.metrics.Metrics;
import newsflow.common.stage.Stage;
import newsflow.common.stage.StageLifecycle;
import newsflow.ingest.assign.FeedOwnership;
import newsflow.ingest.fetch.FeedFetcher;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.publish.EntryPublisher;
import newsflow.ingest.registry.FeedRegistry;
import newsflow.ingest.registry.RegistryChanges;
import newsflow.ingest.registry.RegistryException;
import newsflow.ingest.schedule.NetworkWatch;
import newsflow.ingest.schedule.PollScheduler;
import newsflow.ingest.schedule.PollSummary;
import newsflow.ingest.schedule.PollTiming;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.FeedStateStore;
import newsflow.ingest.websub.WebSub;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ingest stage: polls its share of the registered feeds ({@link FeedRegistry}: the configuration file's
 * {@code feeds:} and those operators add at runtime) on their schedules and publishes new and changed
 * entries to the entries topic, until {@link #close()}. Feed state (validators, the ids already published, the
 * next poll time) lives in a compacted Kafka topic, never only in one process, so any instance can take a feed
 * over; instances divide the feeds between them through the ingest consumer group ({@link FeedOwnership}).
 */
public final class IngestStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(IngestStage.class);
    static final String STAGE = "ingest";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(2);
    /** Group membership needs a poll at least every max.poll.interval.ms; short so close() is noticed soon. */
    private static final Duration MEMBERSHIP_POLL = Duration.ofSeconds(1);
    /** How long each turn of the run loop waits for registry changes (it turns about once a second). */
    private static final Duration REGISTRY_POLL = Duration.ofMillis(50);
    private static final Duration REGISTRY_TIMEOUT = Duration.ofMinutes(2);

    private final NewsflowConfig config;
    private final KafkaClients kafka;
    private final HttpFetcher http;
    private final StageLifecycle lifecycle = new StageLifecycle(STAGE);

    private FeedStateStore states;
    private FeedRegistry registry;
    private EntryPublisher publisher;
    private PollScheduler scheduler;
    private Consumer<String, byte[]> member;
    private WebSub websub;
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
        return STAGE;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /**
     * Joins the ingest consumer group and polls, on schedule, the feeds whose state partitions this instance is
     * assigned (all of them when it runs alone), until {@link #close()}. Instances sharing the configuration
     * share the feeds: see {@link FeedOwnership}.
     */
    @Override
    public void run() {
        lifecycle.run(this::consume, this::release);
    }

    private void consume() {
        PollScheduler s = start();
        if (s == null) {
            return; // closed before it ran
        }
        String topic = kafka.topics().feedState();
        try (Consumer<String, byte[]> member = kafka.groupMember(STAGE, "newsflow-ingest-" + UUID.randomUUID().toString().substring(0, 8))) {
            synchronized (this) {
                if (isClosed) {
                    return;
                }
                this.member = member;
            }
            int partitions = member.partitionsFor(topic).size();
            FeedOwnership ownership = new FeedOwnership(member, states, s, partitions);
            member.subscribe(List.of(topic), ownership);
            log.info("ingest sharing {} feeds of registry {} with the other instances of group {}{} over {} partitions of {}",
                    s.feedUrls().size(), registry.topic(), kafka.config().groupPrefix(), STAGE, partitions, topic);
            ready = true;
            while (!isClosed()) {
                member.poll(MEMBERSHIP_POLL); // state records are our own or other owners' writes: not needed
                followRegistry(ownership);
            }
        } catch (WakeupException e) {
            if (!isClosed()) {
                throw e;
            }
        } finally {
            ready = false;
        }
    }

    /** Feeds added, changed or removed at runtime (on this thread, where assignment changes happen too). */
    private void followRegistry(FeedOwnership ownership) {
        try {
            RegistryChanges changes = registry.poll(REGISTRY_POLL);
            if (!changes.isEmpty()) {
                ownership.registryChanged(changes);
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException | RegistryException e) {
            // the feeds already known go on being polled; the change is read on a later turn
            log.warn("cannot read feed registry {} (will retry): {}", registry.topic(), e.toString());
        }
    }

    /**
     * Polls every registered feed once, now, whoever owns it, and returns the totals (a one-off tool and tests).
     * Restores the state of all feeds first.
     */
    public PollSummary pollAllOnce() {
        PollScheduler s = start();
        if (s == null) {
            throw new IllegalStateException("ingest stage is closed");
        }
        states.restore();
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
        registry = FeedRegistry.create(kafka, REGISTRY_TIMEOUT);
        registry.load();
        registry.seed(config.feeds()); // the configuration file's feeds: YAML keeps working
        states = FeedStateStore.create(kafka);
        publisher = new EntryPublisher(kafka.producer("ingest-entries", JsonCodec.FEED_ENTRY.serializer()),
                kafka.topics().entries(), PUBLISH_TIMEOUT);
        PollTiming timing = new PollTiming(config.ingest());
        // the scheduler and WebSub need each other: the poller tells WebSub of hubs, WebSub asks for polls
        AtomicReference<PollScheduler> polls = new AtomicReference<>();
        if (config.websub().enabled()) {
            websub = new WebSub(config.websub(), http, url -> polls.get().pollSoon(url), Metrics.registry(), Clock.systemUTC());
        }
        WebSub push = websub;
        FeedPoller poller = new FeedPoller(new FeedFetcher(http),
                new FeedParser(config.ingest().maxEntriesPerFeed(), config.http().maxBytes()),
                publisher, states, timing, config.ingest().rememberedIds(), new NetworkWatch(Clock.systemUTC()),
                (url, hub) -> {
                    if (push != null) {
                        push.advertised(url, hub);
                    }
                },
                Metrics.registry(), Clock.systemUTC());
        FeedStateStore restored = states;
        scheduler = new PollScheduler(registry.feeds(), poller, timing,
                url -> restored.find(url).map(FeedState::nextPollAt).orElse(null),
                config.ingest().pollThreads(), Metrics.registry(), Clock.systemUTC());
        polls.set(scheduler);
        return scheduler;
    }

    private synchronized boolean isClosed() {
        return isClosed;
    }

    /**
     * Leaves the group first (handing the feeds over, polls in progress finished), then stops the clients; waits
     * for that a bounded time ({@link StageLifecycle}).
     */
    @Override
    public void close() {
        lifecycle.close(this::stop, this::release);
    }

    private void stop() {
        Consumer<String, byte[]> leaving;
        synchronized (this) {
            isClosed = true;
            ready = false;
            leaving = member;
        }
        if (leaving != null) {
            leaving.wakeup();
        }
    }

    /** Stops the clients, on the run's thread once it left the group, or on close's when it never ran. */
    private synchronized void release() {
        if (websub != null) {
            websub.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (states != null) {
            states.close();
        }
        if (registry != null) {
            registry.close();
        }
        log.info("ingest stopped");
    }
}
