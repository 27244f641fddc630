package newsflow.enrich;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HostGate;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.RecordLoop;
import newsflow.common.kafka.StageLoop;
import newsflow.common.kafka.Topics;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.FeedEntry;
import newsflow.common.retry.Backoff;
import newsflow.common.metrics.Metrics;
import newsflow.common.model.Article;
import newsflow.common.stage.Stage;
import newsflow.common.stage.StageLifecycle;
import newsflow.enrich.process.ArticleBuilder;
import newsflow.enrich.robots.RobotsCache;
import newsflow.enrich.stories.StoryState;
import newsflow.enrich.topics.TopicTagger;
import newsflow.enrich.topics.TopicsReloader;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The enrich service: consumes feed entries (group {@code <prefix>enrich}), fetches each article page through the
 * shared {@link HttpFetcher}, extracts text and metadata, detects language, tags topics and produces
 * {@link Article}s keyed by article id. Entries are processed side by side as they arrive, with no batch barrier:
 * the loop keeps taking entries while earlier ones wait for a slow page or an acknowledgement, and commits per
 * partition the offset after the entries whose article (or dead letter) was acknowledged, never past one that was
 * not; see {@link EnrichProcessor} and {@link RecordLoop}.
 *
 * <p>At most {@code 4 × enrich.concurrency} entries are in flight (a partition alone may use them all): fetches in
 * flight are capped at {@code enrich.concurrency}, so the rest wait for a fetch slot or a host's turn (at most
 * {@link PolitePageFetcher#MAX_TURN_WAIT}) while already holding their place, and an entry still working on its
 * page half of {@code max.poll.interval.ms} after it started is built from the feed's content.
 */
public final class EnrichStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(EnrichStage.class);
    /** Each client's close waits at most this for its requests in flight: abandoned records are replayed anyway. */
    private static final Duration CLIENT_CLOSE = Duration.ofSeconds(3);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, Article> articleProducer;
    private final KafkaProducer<String, byte[]> deadLetterProducer;
    private final ExecutorService pool;
    private final RecordLoop<FeedEntry> loop;
    /** Waits of a partition after a failed record (broker down): full jitter, 1 s doubling up to 30 s. */
    private static final Backoff BACKOFF = Backoff.full(Duration.ofSeconds(1), Duration.ofSeconds(30));
    /** Articles remembered for story grouping, and how far back their marks are read at start (and kept). */
    private static final int STORY_MEMORY = 200_000;
    private static final Duration STORY_WINDOW = Duration.ofDays(7);
    private final KafkaClients kafka;
    private final StoryState stories;
    private final StageLifecycle lifecycle = new StageLifecycle(EnrichProcessor.STAGE);
    private final Duration reloadInterval;
    private final TopicsReloader reloader;

    public EnrichStage(NewsflowConfig config, KafkaClients kafka, HttpFetcher http) {
        this(config, kafka, http, null);
    }

    /**
     * @param configFile the file {@code config} was loaded from, re-read every {@code enrich.reloadInterval} for
     *                   changed topics; null: no file, topics fixed for the stage's life
     */
    public EnrichStage(NewsflowConfig config, KafkaClients kafka, HttpFetcher http, Path configFile) {
        TopicTagger tagger = tagger(config);
        Topics topics = kafka.topics();
        int concurrency = Math.max(1, config.enrich().concurrency());
        String clientId = "enrich-" + ProcessHandle.current().pid();
        this.consumer = kafka.consumer(EnrichProcessor.STAGE, clientId, 4 * concurrency);
        KafkaProducer<String, Article> articles = null;
        try {
            articles = kafka.producer(clientId + "-articles", JsonCodec.ARTICLE.serializer());
            this.deadLetterProducer = kafka.bytesProducer(clientId + "-dead-letters");
        } catch (RuntimeException e) {
            // a half-built stage must not leave client threads behind
            if (articles != null) {
                quietly("article producer", articles::close);
            }
            quietly("consumer", consumer::close);
            throw e;
        }
        this.articleProducer = articles;
        // Each record's page work runs on its own virtual thread (at most 4 × concurrency records in flight): a record
        // waiting for its host's turn holds no fetch permit, so it does not hold up records of other hosts.
        this.pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("enrich-page-", 0).factory());
        RobotsCache robots = config.enrich().respectRobots()
                ? new RobotsCache(http, config.http().userAgent(), Metrics.registry(), Clock.systemUTC()) : null;
        HostGate hosts = new HostGate(config.enrich().perHostConcurrency(), config.enrich().perHostDelay(), Clock.systemUTC());
        PageFetcher fetcher = new PolitePageFetcher(http, robots, hosts, concurrency, Metrics.registry(),
                Clock.systemUTC(), PolitePageFetcher.MAX_TURN_WAIT);
        this.reloader = configFile == null || config.enrich().reloadInterval().isZero() ? null
                : TopicsReloader.forFile(configFile, config.enrich(), tagger, Metrics.registry());
        Supplier<TopicTagger> topicsNow = reloader == null ? () -> tagger : reloader;
        this.kafka = kafka;
        this.stories = new StoryState(kafka.readerWithoutGroup(clientId + "-stories"),
                kafka.bytesProducer(clientId + "-stories"), topics.storyState(), topics.articles(), STORY_MEMORY,
                STORY_WINDOW, Clock.systemUTC());
        ArticleBuilder builder = new ArticleBuilder(topicsNow, stories.index(), Clock.systemUTC(),
                config.enrich().extractBudget());
        this.reloadInterval = config.enrich().reloadInterval();
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer, topics.deadLetter(), EnrichProcessor.STAGE);
        EnrichProcessor processor = new EnrichProcessor(articleProducer, deadLetters, topics.articles(), fetcher,
                config.enrich().fetchPages(), builder, new ArticleSizeLimit(kafka.maxRecordBytes(), Metrics.registry()),
                pool, Metrics.registry(), Clock.systemUTC());
        this.loop = new RecordLoop<>(consumer, processor, deadLetters, new StageLoop.Options(EnrichProcessor.STAGE,
                topics.entries(), BACKOFF, kafka.maxPollInterval(), MeterNames.ENRICH_FAILED),
                new RecordLoop.Limits(4 * concurrency, 4 * concurrency), Metrics.registry(), Clock.systemUTC());
    }

    /** Reads the topic model before any Kafka client exists, so a bad {@code enrich.model} leaves nothing to close. */
    private static TopicTagger tagger(NewsflowConfig config) {
        TopicTagger tagger = TopicTagger.configured(config.enrich());
        if (!config.enrich().model().isEmpty()) {
            log.info("enrich: topic model {} loaded", config.enrich().model());
        }
        return tagger;
    }

    @Override
    public String name() {
        return EnrichProcessor.STAGE;
    }

    @Override
    public boolean ready() {
        return loop.ready();
    }

    @Override
    public void run() {
        lifecycle.run(() -> {
            if (reloader != null) {
                reloader.start(reloadInterval);
            }
            // group new articles with what every instance grouped before this one started
            kafka.ensureTopic(kafka.topics().storyState(), storyStateTopicConfig());
            stories.load();
            Thread.ofVirtual().name("enrich-stories").start(stories);
            loop.run();
        }, this::closeClients);
    }

    /** Compacted (one mark per article) and expiring with the window: the topic holds at most a window of marks. */
    public static Map<String, String> storyStateTopicConfig() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(STORY_WINDOW.toMillis()));
    }

    /** Stops the loop (what is acknowledged is committed, the rest abandoned) and waits for it a bounded time. */
    @Override
    public void close() {
        lifecycle.close(loop::stop, this::closeClients);
    }

    private void closeClients() {
        if (reloader != null) {
            reloader.close();
        }
        pool.shutdownNow();
        quietly("consumer", () -> consumer.close(CloseOptions.timeout(CLIENT_CLOSE)));
        quietly("article producer", () -> articleProducer.close(CLIENT_CLOSE));
        quietly("dead-letter producer", () -> deadLetterProducer.close(CLIENT_CLOSE));
        quietly("story state", stories::close);
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("closing enrich {} failed: {}", what, e.toString());
        }
    }
}
