package newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.Batch;
import newsflow.common.kafka.BatchProcessor;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.PoisonRecordException;
import newsflow.common.kafka.StageLoop;
import newsflow.common.kafka.Topics;
import newsflow.common.log.LogContext;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;
import newsflow.common.model.Article;
import newsflow.common.retry.Backoff;
import newsflow.common.stage.Stage;
import newsflow.common.stage.StageLifecycle;
import newsflow.index.bulk.BulkChunks;
import newsflow.index.bulk.BulkIndexer;
import newsflow.index.bulk.BulkPacing;
import newsflow.index.bulk.BulkResult;
import newsflow.index.bulk.IndexItem;
import newsflow.index.bulk.Rejection;
import newsflow.index.bulk.RequestFailures;
import newsflow.index.document.ArticleDocuments;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.ArticleIndex;
import newsflow.index.schema.IndexNames;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The index stage: consumes enriched articles and bulk-writes them into Elasticsearch.
 *
 * <p>Per poll batch: decode, map to documents, bulk requests of at most {@code elasticsearch.bulkActions}
 * documents and {@link #BULK_BYTES} bytes, dead-letter what Elasticsearch refuses, and only then commit the batch's
 * offsets ({@link StageLoop} does the consuming and committing). While Elasticsearch is unreachable or overloaded the bulk request is retried
 * with backoff until the batch's deadline, then the batch fails and the loop rewinds and pauses its partitions for
 * a backoff; the consumer stays in its group throughout, so nothing is committed, lost, or handed to another
 * instance needlessly.
 *
 * <p>Bulk sizes adapt to the load ({@link BulkPacing}): when idle, what arrives is written at once; when busy, the
 * next batch waits until {@code elasticsearch.bulkLinger} after the previous one started and so carries everything
 * that arrived meanwhile. Elasticsearch's cost per document falls several times between bulks of a few documents
 * and bulks of dozens (docs/measurements.md), and a document waits at most the linger longer for it.
 */
public final class IndexStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(IndexStage.class);
    /** The stage's name, and its consumer group's without the prefix. */
    public static final String STAGE = "index";
    /**
     * Waits between retries of Elasticsearch and of failed batches. Half of each wait is fixed ("equal jitter"):
     * jitter keeps several instances that saw the same outage from hammering the node in lockstep, the fixed half
     * keeps the wait growing so an overloaded node really gets relief.
     */
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), 0.5);
    /** Bytes of record values per bulk request at most, within the 5-15 MB Elasticsearch advises for bulks. */
    static final long BULK_BYTES = 8L * 1024 * 1024;
    /** Longest single sleep between bulk retries: short, so a close() is noticed promptly. */
    private static final Duration SLEEP_SLICE = Duration.ofMillis(500);
    /** Each client's close waits at most this for its requests in flight: an abandoned batch is replayed anyway. */
    private static final Duration CLIENT_CLOSE = Duration.ofSeconds(3);

    private final NewsflowConfig config;
    private final ElasticsearchClient es;
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> deadLetterProducer;
    private final DeadLetters deadLetters;
    private final Topics topics;
    private final ArticleIndex articleIndex;
    private final IndexNames names;
    private final BulkIndexer indexer;
    private final Backoff backoff;
    private final MeterRegistry registry;
    private final Clock clock;
    private final StageLoop<IndexItem<ConsumerRecord<String, byte[]>>> loop;

    private final StageLifecycle lifecycle = new StageLifecycle(STAGE);

    public IndexStage(NewsflowConfig config, KafkaClients kafka) {
        this(config, kafka, IndexNames.CURRENT_VERSION);
    }

    /**
     * An index stage writing under another schema version than this build's, as a build of that version would
     * (the upgrade test runs two versions one after the other against one cluster).
     */
    public IndexStage(NewsflowConfig config, KafkaClients kafka, int schemaVersion) {
        this(config, kafka, ElasticsearchClients.create(config.elasticsearch()), Metrics.registry(), BACKOFF, schemaVersion);
    }

    IndexStage(NewsflowConfig config, KafkaClients kafka, ElasticsearchClient es, MeterRegistry registry, Backoff backoff) {
        this(config, kafka, es, registry, backoff, IndexNames.CURRENT_VERSION);
    }

    private IndexStage(NewsflowConfig config, KafkaClients kafka, ElasticsearchClient es, MeterRegistry registry,
                       Backoff backoff, int schemaVersion) {
        this.config = config;
        this.es = es;
        this.registry = registry;
        this.backoff = backoff;
        this.clock = Clock.systemUTC();
        this.topics = kafka.topics();
        String clientId = "newsflow-index-" + UUID.randomUUID().toString().substring(0, 8);
        int batch = Math.max(1, config.elasticsearch().bulkActions());
        this.consumer = kafka.consumer(STAGE, clientId, batch);
        this.deadLetterProducer = kafka.bytesProducer(clientId + "-dead-letter");
        this.deadLetters = new DeadLetters(deadLetterProducer, topics.deadLetter(), STAGE);
        this.articleIndex = new ArticleIndex(es, config.elasticsearch(), schemaVersion);
        this.names = articleIndex.names();
        this.indexer = new BulkIndexer(es, backoff, registry);
        this.loop = new StageLoop<>(consumer, new Processor(), deadLetters,
                new StageLoop.Options(STAGE, topics.articles(), backoff, kafka.maxPollInterval(), MeterNames.INDEX_FAILED),
                registry, clock, new BulkPacing(config.elasticsearch().bulkLinger(), batch, BULK_BYTES));
    }

    @Override
    public String name() {
        return STAGE;
    }

    @Override
    public boolean ready() {
        return loop.ready();
    }

    @Override
    public void run() {
        lifecycle.run(() -> {
            if (!ensureIndex()) {
                return;
            }
            log.info("index stage consuming {} into alias {} ({} documents per bulk at most)",
                    topics.articles(), names.alias(), config.elasticsearch().bulkActions());
            loop.run();
        }, this::release);
    }

    /** Puts the template in place, retrying while Elasticsearch is unreachable. False when closed meanwhile. */
    private boolean ensureIndex() throws InterruptedException {
        int attempt = 0;
        while (!lifecycle.isClosed()) {
            try {
                articleIndex.ensure();
                return true;
            } catch (ArticleIndex.SchemaVersionMismatchException e) {
                // not transient like an outage, but resolved without a restart: by `newsflow index upgrade`
                attempt++;
                Duration wait = backoff.delay(attempt);
                log.error("{} (checking again in {} ms)", e.getMessage(), wait.toMillis());
                sleepUnlessClosed(wait);
            } catch (IOException | RuntimeException e) {
                attempt++;
                Duration wait = backoff.delay(attempt);
                log.warn("cannot set up index template {} (attempt {}), retrying in {} ms: {}",
                        names.template(), attempt, wait.toMillis(), RequestFailures.describe(e));
                sleepUnlessClosed(wait);
            }
        }
        return false;
    }

    /** Decodes articles, bulk-writes them, dead-letters what Elasticsearch refuses; see {@link StageLoop}. */
    private final class Processor implements BatchProcessor<IndexItem<ConsumerRecord<String, byte[]>>> {

        @Override
        public IndexItem<ConsumerRecord<String, byte[]>> decode(ConsumerRecord<String, byte[]> record)
                throws PoisonRecordException {
            Article article = JsonCodec.ARTICLE.decodeRecord(record.value(), "undecodable");
            try {
                Optional<String> index = names.forArticle(article);
                if (index.isEmpty()) {
                    throw new IllegalArgumentException("article " + article.id()
                            + " has no published, fetchedAt or processedAt time to choose its monthly index by");
                }
                return new IndexItem<>(index.get(), ArticleDocuments.from(article, clock.instant()), record);
            } catch (RuntimeException e) {
                throw new PoisonRecordException("invalid", e);
            }
        }

        /**
         * Bulk-writes in chunks of {@code elasticsearch.bulkActions} documents and {@link #BULK_BYTES}, retrying
         * Elasticsearch in place until the batch's deadline; past it the batch fails and the loop retries it after its backoff.
         */
        @Override
        public void process(Batch<IndexItem<ConsumerRecord<String, byte[]>>> batch) throws Exception {
            long start = System.nanoTime();
            List<IndexItem<ConsumerRecord<String, byte[]>>> items = batch.items().stream().map(Batch.Item::value).toList();
            BooleanSupplier giveUp = () -> lifecycle.isClosed() || batch.isCancelled() || clock.instant().isAfter(batch.deadline());
            int indexed = 0;
            int retries = 0;
            int rejected = 0;
            int maxDocs = Math.max(1, config.elasticsearch().bulkActions());
            var chunks = BulkChunks.split(items, maxDocs, BULK_BYTES, item -> item.origin().value().length);
            for (var chunk : chunks) {
                BulkResult<ConsumerRecord<String, byte[]>> result = indexer.index(chunk, IndexStage.this::sleepUnlessClosed, giveUp);
                indexed += result.indexed();
                retries += result.retries();
                for (Rejection<ConsumerRecord<String, byte[]>> r : result.rejected()) {
                    ConsumerRecord<String, byte[]> record = r.item().origin();
                    String error = "Elasticsearch refused document " + r.item().id() + " for index " + r.item().index()
                            + " (status " + r.status() + ", " + r.errorType() + "): " + r.error();
                    try (LogContext.Scope about = LogContext.article(STAGE, record.key())) {
                        log.warn("dead-lettering {}: {}", DeadLetters.where(record), error);
                    }
                    deadLetters.deliver(record, error, r.errorType()); // not acknowledged: not committed past
                    registry.counter(MeterNames.INDEX_FAILED, "reason", String.valueOf(r.errorType())).increment();
                    rejected++;
                }
            }
            registry.counter(MeterNames.ARTICLES_INDEXED).increment(indexed);
            log.info("indexed {} of {} records in {} bulk requests ({} dead-lettered, {} bulk retries) in {} ms",
                    indexed, items.size(), chunks.size(), rejected, retries, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void sleepUnlessClosed(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (!lifecycle.isClosed()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(remaining, SLEEP_SLICE.toNanos()));
        }
    }

    /** Stops the loop (the batch in flight is abandoned uncommitted) and waits for it a bounded time. */
    @Override
    public void close() {
        lifecycle.close(loop::stop, this::release);
    }

    private void release() {
        try {
            consumer.close(CLIENT_CLOSE);
        } catch (KafkaException e) {
            log.warn("closing the articles consumer: {}", e.getMessage());
        }
        try {
            deadLetterProducer.close(CLIENT_CLOSE);
        } catch (KafkaException e) {
            log.warn("closing the dead-letter producer: {}", e.getMessage());
        }
        try {
            es.close();
        } catch (IOException e) {
            log.warn("closing the Elasticsearch client: {}", e.getMessage());
        }
        log.info("index stage stopped");
    }
}
