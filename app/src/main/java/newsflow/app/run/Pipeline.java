package newsflow.app.run;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.metrics.Metrics;
import newsflow.common.stage.Stage;
import newsflow.common.stage.StageLifecycle;
import newsflow.enrich.EnrichStage;
import newsflow.index.IndexStage;
import newsflow.index.es.ElasticsearchClients;
import newsflow.ingest.IngestStage;
import newsflow.search.SearchService;
import newsflow.search.alerts.AlertsStage;
import newsflow.search.api.SavedSearchApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The stages of one newsflow process, each on its own thread, plus the HTTP server for health, metrics and
 * (with the search stage) the search API. Built against an effective configuration whose Kafka and
 * Elasticsearch addresses are known (the local stack, if any, is already up).
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    /** How long stopping stages may wait on fetches in flight before those are cancelled. */
    static final java.time.Duration FETCH_GRACE = java.time.Duration.ofSeconds(5);
    /**
     * The longest {@link #close()} waits for the stages, which stop side by side, each waiting for its work at most
     * {@link StageLifecycle#CLOSE_GRACE}: with the servers' and clients' own closes, a process stops within 15 s.
     */
    static final java.time.Duration STAGES_STOP = StageLifecycle.CLOSE_GRACE.plusSeconds(1);

    private final NewsflowConfig config;
    private final Set<StageName> stageNames;
    private final List<Stage> stages = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The first stage that failed, null while none has: the process then exits non-zero (a supervisor restarts it). */
    private volatile String failedStage;
    private HttpFetcher http;
    private ElasticsearchClient searchClient;
    private StatusServer server;
    private SavedSearchApi savedSearches;
    private DependencyHealth health;
    private IngestStage ingest;

    private final Path configFile;

    public Pipeline(NewsflowConfig config, Set<StageName> stageNames) {
        this(config, stageNames, null);
    }

    /**
     * @param configFile the file {@code config} was loaded from, or null; enrich re-reads it for topic changes
     */
    public Pipeline(NewsflowConfig config, Set<StageName> stageNames, Path configFile) {
        this.config = config;
        this.stageNames = Set.copyOf(stageNames);
        this.configFile = configFile;
    }

    /** Creates topics, starts every selected stage and the HTTP server; returns once they are running. */
    public Pipeline start() {
        KafkaClients kafka = new KafkaClients(config.kafka());
        boolean needsKafka = stageNames.contains(StageName.INGEST) || stageNames.contains(StageName.ENRICH)
                || stageNames.contains(StageName.INDEX) || stageNames.contains(StageName.ALERTS);
        if (needsKafka) {
            kafka.ensureTopics();
        }
        http = new HttpFetcher(config.http());
        if (stageNames.contains(StageName.INDEX)) {
            add(new IndexStage(config, kafka));
        }
        if (stageNames.contains(StageName.ALERTS)) {
            add(new AlertsStage(config, kafka, ElasticsearchClients.create(config.elasticsearch())));
        }
        if (stageNames.contains(StageName.ENRICH)) {
            add(new EnrichStage(config, kafka, http, configFile));
        }
        if (stageNames.contains(StageName.INGEST)) {
            ingest = new IngestStage(config, kafka, http);
            add(ingest);
        }
        SearchService search = null;
        if (stageNames.contains(StageName.SEARCH)) {
            searchClient = ElasticsearchClients.create(config.elasticsearch(), config.search().clientDeadline());
            search = new SearchService(searchClient, config.elasticsearch().index(), config.search());
            savedSearches = new SavedSearchApi(kafka, config.alerts(), config.search(), java.time.Clock.systemUTC());
        }
        health = watchServices();
        server = StatusServer.start(config.server(), stages, search, savedSearches, health::unreachable);
        log.info("newsflow running stages {}; http://{}:{}/health, /metrics{}", stageNames, config.server().host(),
                server.port(), search == null ? "" : ", /api/search");
        return this;
    }

    /** Probes what the selected stages need, so /ready turns false while it is unreachable. */
    private DependencyHealth watchServices() {
        List<DependencyHealth.Probe> probes = new ArrayList<>();
        if (stageNames.contains(StageName.INGEST) || stageNames.contains(StageName.ENRICH) || stageNames.contains(StageName.INDEX)
                || stageNames.contains(StageName.ALERTS)) {
            probes.add(ServiceProbes.kafka(config));
        }
        if (stageNames.contains(StageName.INDEX) || stageNames.contains(StageName.SEARCH) || stageNames.contains(StageName.ALERTS)) {
            probes.add(ServiceProbes.elasticsearch(config));
        }
        return new DependencyHealth(probes, config.health().unreachableAfter(), Metrics.registry(), System::nanoTime)
                .start(config.health().checkInterval());
    }

    private void add(Stage stage) {
        stages.add(stage);
        Thread thread = Thread.ofPlatform().name("stage-" + stage.name()).unstarted(() -> {
            try {
                stage.run();
            } catch (RuntimeException e) {
                // a stage that dies takes the process down: a half-running pipeline would silently stall
                log.error("stage {} failed; stopping newsflow", stage.name(), e);
                if (failedStage == null) {
                    failedStage = stage.name();
                }
                stopped.countDown();
            }
        });
        threads.add(thread);
        thread.start();
    }

    public int httpPort() {
        return server.port();
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    public Optional<IngestStage> ingest() {
        return Optional.ofNullable(ingest);
    }

    /** Every stage started and every service they need answering. */
    public boolean ready() {
        return stages.stream().allMatch(Stage::ready) && (health == null || health.unreachable().isEmpty());
    }

    /**
     * Blocks until {@link #close()} is called or a stage fails.
     *
     * @return the name of the stage that failed, empty when the pipeline was closed
     */
    public Optional<String> awaitStop() throws InterruptedException {
        stopped.await();
        return Optional.ofNullable(failedStage);
    }

    @Override
    public void close() {
        stopped.countDown();
        // stages finish what they are doing before they stop; a fetch from a server that trickles would hold
        // them up to http.totalTimeout: past FETCH_GRACE the fetches still in flight are cancelled
        HttpFetcher fetcher = http;
        Thread canceller = fetcher == null ? null : Thread.ofVirtual().name("cancel-fetches").start(() -> {
            try {
                Thread.sleep(FETCH_GRACE);
                log.warn("stages still stopping {} s after shutdown began: cancelling fetches in flight", FETCH_GRACE.toSeconds());
                fetcher.close();
            } catch (InterruptedException e) {
                // every stage stopped in time
            }
        });
        // side by side, so the bound is one stage's grace, not their sum; what a stage abandons is not committed
        // and is replayed at the next start
        long deadline = System.nanoTime() + STAGES_STOP.toNanos();
        List<Thread> closing = new ArrayList<>();
        for (int i = stages.size() - 1; i >= 0; i--) {
            Stage stage = stages.get(i);
            closing.add(Thread.ofVirtual().name("close-" + stage.name()).start(() -> {
                try {
                    stage.close();
                } catch (RuntimeException e) {
                    log.warn("closing stage {}: {}", stage.name(), e.toString());
                }
            }));
        }
        List<Thread> waitFor = new ArrayList<>(closing);
        waitFor.addAll(threads);
        for (Thread thread : waitFor) {
            try {
                long left = deadline - System.nanoTime(); // at least a moment: a thread already done joins at once
                if (!thread.join(java.time.Duration.ofNanos(Math.max(1, left)))) {
                    log.warn("{} still running {} s after shutdown began; exiting without it", thread.getName(),
                            STAGES_STOP.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (server != null) {
            server.close();
        }
        if (savedSearches != null) {
            savedSearches.close();
        }
        if (health != null) {
            health.close();
        }
        if (searchClient != null) {
            try {
                searchClient.close();
            } catch (Exception e) {
                log.debug("closing search client", e);
            }
        }
        if (canceller != null) {
            canceller.interrupt();
        }
        if (http != null) {
            http.close();
        }
    }
}
