package newsflow.search.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.config.AlertsConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.StageLoop;
import newsflow.common.kafka.Topics;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;
import newsflow.common.model.Article;
import newsflow.common.retry.Backoff;
import newsflow.common.stage.Stage;
import newsflow.common.stage.StageLifecycle;
import newsflow.search.saved.SavedSearchStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The alerts stage: matches every new article against the saved searches and delivers the matches. Two loops, each
 * a {@link StageLoop} with its own consumer group:
 * <ul>
 *   <li>matching ({@code <group>alerts}) reads the articles topic, as the index stage does but apart from it, so
 *   it neither slows nor depends on indexing (the index module may not use the search module, where the query
 *   language lives), and writes alerts ({@link MatchProcessor});</li>
 *   <li>delivery ({@code <group>alert-delivery}) reads the alerts topic and POSTs each to its webhook
 *   ({@link DeliveryProcessor}).</li>
 * </ul>
 * Before matching it asks the article index which analyzer its text fields use, so matching splits words as search
 * does. Runs in {@code newsflow run} with the other stages ({@code --stages alerts} alone scales it out).
 */
public final class AlertsStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(AlertsStage.class);
    static final String STAGE = "alerts";
    static final String DELIVERY = "alert-delivery";
    static final int MATCH_BATCH = 200;
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SLEEP_SLICE = Duration.ofMillis(200);
    private static final Duration CLIENT_CLOSE = Duration.ofSeconds(3);

    private final NewsflowConfig config;
    private final KafkaClients kafka;
    private final ElasticsearchClient es;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final StageLifecycle lifecycle = new StageLifecycle(STAGE);
    private final Consumer<String, byte[]> articles;
    private final Consumer<String, byte[]> alerts;
    private final Producer<String, byte[]> producer;
    private final HttpFetcher webhooks;
    private final SavedSearchStore store;
    private final AlertedKeys alerted;
    private final DeliveryStates states;
    private final StageLoop<Article> matchLoop;
    private final StageLoop<Alert> deliveryLoop;
    private volatile SavedSearchMatcher matcher;

    /** @param es a client of the article index's node, for its analyzer; owned (closed with the stage) */
    public AlertsStage(NewsflowConfig config, KafkaClients kafka, ElasticsearchClient es) {
        this(config, kafka, es, Metrics.registry());
    }

    AlertsStage(NewsflowConfig config, KafkaClients kafka, ElasticsearchClient es, MeterRegistry meters) {
        this.config = config;
        this.kafka = kafka;
        this.es = es;
        this.meters = meters;
        AlertsConfig ac = config.alerts();
        Topics topics = kafka.topics();
        String clientId = "newsflow-alerts-" + UUID.randomUUID().toString().substring(0, 8);
        this.articles = kafka.consumer(STAGE, clientId, MATCH_BATCH);
        this.alerts = kafka.consumer(DELIVERY, clientId + "-delivery", ac.deliveryConcurrency());
        this.producer = kafka.bytesProducer(clientId);
        this.webhooks = new HttpFetcher(config.http().withTotalTimeout(ac.webhookTimeout()), meters);
        this.store = new SavedSearchStore(kafka.readerWithoutGroup(clientId + "-saved"), () -> producer,
                topics.savedSearches(), KAFKA_TIMEOUT, ac.maxSavedSearches());
        this.alerted = new AlertedKeys(kafka.readerWithoutGroup(clientId + "-alerted"), topics.alerts(), KAFKA_TIMEOUT);
        this.states = new DeliveryStates(kafka.readerWithoutGroup(clientId + "-states"), producer,
                topics.alertDeliveries(), KAFKA_TIMEOUT);
        DeadLetters deadLetters = new DeadLetters(producer, topics.deadLetter(), STAGE);
        MatchProcessor matching = new MatchProcessor(store, alerted, () -> matcher, producer, topics.alerts(),
                ac.retention(), clock, meters);
        WebhookSender sender = new WebhookSender(webhooks, new Backoff(ac.retryBase(), ac.retryCap(), 0.5),
                ac.deliveryAttempts(), ac.webhookTimeout(), this::pause, clock);
        DeliveryProcessor delivering = new DeliveryProcessor(store, states, sender, deadLetters, ac.deliveryConcurrency(),
                ac.maxWebhookBytes(), lifecycle::isClosed, clock, meters);
        this.matchLoop = new StageLoop<>(articles, matching, deadLetters,
                new StageLoop.Options(STAGE, topics.articles(), BACKOFF, kafka.maxPollInterval(), MeterNames.ALERTS_FAILED),
                meters, clock);
        this.deliveryLoop = new StageLoop<>(alerts, delivering, deadLetters,
                new StageLoop.Options(DELIVERY, topics.alerts(), BACKOFF, kafka.maxPollInterval(), MeterNames.ALERTS_FAILED),
                meters, clock);
    }

    @Override
    public String name() {
        return STAGE;
    }

    @Override
    public boolean ready() {
        return matchLoop.ready() && deliveryLoop.ready();
    }

    @Override
    public void run() {
        lifecycle.run(() -> {
            if (!retrying("create the alert topics", () -> AlertTopics.ensure(kafka, config.alerts()))) {
                return;
            }
            Optional<TextAnalysis> analysis = Optional.empty();
            int attempt = 0;
            while (analysis.isEmpty() && !lifecycle.isClosed()) {
                try {
                    analysis = Optional.of(indexAnalysis());
                } catch (RuntimeException | java.io.IOException e) {
                    attempt++;
                    Duration wait = BACKOFF.delay(attempt);
                    log.warn("alerts: cannot tell the article index's analyzer yet (attempt {}), retrying in {} ms: {}",
                            attempt, wait.toMillis(), e.getMessage());
                    pause(wait, () -> false);
                }
            }
            if (analysis.isEmpty()) {
                return;
            }
            matcher = new SavedSearchMatcher(analysis.get(), config.search());
            MatchingPath path = MatchingPath.detect(es);
            meters.counter(MeterNames.ALERTS_MATCHING_STARTS, "path", path.path(), "percolator", path.percolator().label())
                    .increment();
            log.info("alerts stage: matching {} {} with the '{}' analyzer, delivering {}", kafka.topics().articles(),
                    path.summary(), analysis.get().name(), kafka.topics().alerts());
            Thread delivery = Thread.ofPlatform().name("stage-alert-delivery").start(deliveryLoop::run);
            try {
                matchLoop.run();
            } finally {
                deliveryLoop.stop();
                delivery.join(StageLifecycle.CLOSE_GRACE.toMillis());
            }
        }, this::release);
    }

    /**
     * The analysis of the article index's {@code title} field, asked of the newest index behind the alias (an
     * analysis runs on one index, and the alias spans one per month; new articles go to the newest ones).
     */
    private TextAnalysis indexAnalysis() throws java.io.IOException {
        String alias = config.elasticsearch().index();
        String index = es.indices().getAlias(a -> a.name(alias)).aliases().keySet().stream()
                .max(java.util.Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("the alias " + alias + " has no index yet"));
        List<String> tokens = es.indices().analyze(a -> a.index(index).field("title").text(TextAnalysis.PROBE))
                .tokens().stream().map(AnalyzeToken::token).toList();
        return TextAnalysis.answering(tokens).orElseThrow(() -> new IllegalStateException("the index " + index
                + " analyses '" + TextAnalysis.PROBE + "' as " + tokens + ", as none of 'english-folded', 'english', 'standard' does"));
    }

    private boolean retrying(String what, Runnable action) throws InterruptedException {
        int attempt = 0;
        while (!lifecycle.isClosed()) {
            try {
                action.run();
                return true;
            } catch (RuntimeException e) {
                attempt++;
                Duration wait = BACKOFF.delay(attempt);
                log.warn("alerts: cannot {} (attempt {}), retrying in {} ms: {}", what, attempt, wait.toMillis(), e.getMessage());
                pause(wait, () -> false);
            }
        }
        return false;
    }

    /** Sleeps in short slices; false as soon as the stage closes or {@code stop} holds. */
    private boolean pause(Duration wait, BooleanSupplier stop) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (!lifecycle.isClosed() && !stop.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, SLEEP_SLICE.toNanos()));
        }
        return false;
    }

    @Override
    public void close() {
        lifecycle.close(() -> {
            matchLoop.stop();
            deliveryLoop.stop();
        }, this::release);
    }

    private void release() {
        for (AutoCloseable c : List.<AutoCloseable>of(() -> articles.close(CLIENT_CLOSE), () -> alerts.close(CLIENT_CLOSE),
                store, alerted, states, () -> producer.close(CLIENT_CLOSE), webhooks, es)) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("alerts stage: closing a client: {}", e.toString());
            }
        }
        log.info("alerts stage stopped");
    }
}
