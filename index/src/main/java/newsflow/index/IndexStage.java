package newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;
import newsflow.common.model.Article;
import newsflow.common.stage.Stage;
import newsflow.index.bulk.Backoff;
import newsflow.index.bulk.BulkIndexer;
import newsflow.index.bulk.BulkResult;
import newsflow.index.bulk.IndexItem;
import newsflow.index.bulk.Rejection;
import newsflow.index.bulk.RequestFailures;
import newsflow.index.document.ArticleDocuments;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.ArticleIndex;
import newsflow.index.schema.IndexNames;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The index stage: consumes enriched articles and bulk-writes them into Elasticsearch.
 *
 * <p>Per poll batch: decode, map to documents, one bulk request (at most {@code elasticsearch.bulkActions}
 * documents), dead-letter what Elasticsearch refuses, and only then commit the batch's offsets. While
 * Elasticsearch is unreachable or overloaded the batch is retried with backoff and the consumer stays in its
 * group with its partitions paused, so nothing is committed, lost, or handed to another instance needlessly.
 */
public final class IndexStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(IndexStage.class);
    private static final String STAGE = "index";
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Longest single poll while paused: short, so a close() or the end of the wait is noticed promptly. */
    private static final Duration PAUSED_POLL = Duration.ofMillis(500);

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

    private volatile boolean closed;
    private volatile boolean ready;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    public IndexStage(NewsflowConfig config, KafkaClients kafka) {
        this(config, kafka, ElasticsearchClients.create(config.elasticsearch()), Metrics.registry(), Backoff.DEFAULT);
    }

    IndexStage(NewsflowConfig config, KafkaClients kafka, ElasticsearchClient es, MeterRegistry registry, Backoff backoff) {
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
        this.articleIndex = new ArticleIndex(es, config.elasticsearch());
        this.names = articleIndex.names();
        this.indexer = new BulkIndexer(es, backoff, registry);
    }

    @Override
    public String name() {
        return STAGE;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("index stage is already running");
        }
        try {
            if (!ensureIndex()) {
                return;
            }
            consumer.subscribe(List.of(topics.articles()));
            ready = true;
            log.info("index stage consuming {} into alias {} ({} documents per bulk at most)",
                    topics.articles(), names.alias(), config.elasticsearch().bulkActions());
            int failures = 0;
            while (!closed) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    processBatch(records);
                    failures = 0;
                } catch (BulkIndexer.StoppedException e) {
                    log.info("index stage stopping: batch of {} records abandoned uncommitted", records.count());
                    return;
                } catch (WakeupException e) {
                    throw e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | ExecutionException e) {
                    // Not Elasticsearch (the indexer retries that): most likely the dead-letter producer. Replay the
                    // batch after a pause rather than skip it.
                    failures++;
                    Duration wait = backoff.delay(failures);
                    log.error("batch of {} records failed, replaying it in {} ms: {}",
                            records.count(), wait.toMillis(), RequestFailures.describe(e), e);
                    seekBack(records);
                    pauseConsumer(wait);
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ready = false;
            release();
            finished.countDown();
            log.info("index stage stopped");
        }
    }

    /** Puts the template in place, retrying while Elasticsearch is unreachable. False when closed meanwhile. */
    private boolean ensureIndex() throws InterruptedException {
        int attempt = 0;
        while (!closed) {
            try {
                articleIndex.ensure();
                return true;
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

    private void processBatch(ConsumerRecords<String, byte[]> records)
            throws InterruptedException, ExecutionException, BulkIndexer.StoppedException {
        long start = System.nanoTime();
        Instant now = clock.instant();
        List<IndexItem<ConsumerRecord<String, byte[]>>> items = new ArrayList<>(records.count());
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Article article = JsonCodec.ARTICLE.decode(record.value());
                Optional<String> index = names.forArticle(article);
                if (index.isEmpty()) {
                    throw new IllegalArgumentException("article " + article.id()
                            + " has no published, fetchedAt or processedAt time to choose its monthly index by");
                }
                items.add(new IndexItem<>(index.get(), ArticleDocuments.from(article, now), record));
            } catch (RuntimeException e) {
                String reason = e instanceof IllegalArgumentException ? "invalid" : "undecodable";
                log.warn("dead-lettering {} record at {}-{}@{} (key {}): {}", reason, record.topic(), record.partition(),
                        record.offset(), record.key(), e.getMessage());
                acks.add(deadLetters.send(record, e.getMessage(), e.getClass().getName()));
                registry.counter(MeterNames.INDEX_FAILED, "reason", reason).increment();
            }
        }
        int indexed = 0;
        int retries = 0;
        int chunk = Math.max(1, config.elasticsearch().bulkActions());
        for (int from = 0; from < items.size(); from += chunk) {
            BulkResult<ConsumerRecord<String, byte[]>> result =
                    indexer.index(items.subList(from, Math.min(items.size(), from + chunk)), this::pauseConsumer, () -> closed);
            indexed += result.indexed();
            retries += result.retries();
            for (Rejection<ConsumerRecord<String, byte[]>> r : result.rejected()) {
                ConsumerRecord<String, byte[]> record = r.item().origin();
                String error = "Elasticsearch refused document " + r.item().id() + " for index " + r.item().index()
                        + " (status " + r.status() + ", " + r.errorType() + "): " + r.error();
                log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), error);
                acks.add(deadLetters.send(record, error, r.errorType()));
                registry.counter(MeterNames.INDEX_FAILED, "reason", String.valueOf(r.errorType())).increment();
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(); // a dead letter not acknowledged must not be committed past
        }
        registry.counter(MeterNames.ARTICLES_INDEXED).increment(indexed);
        commit(records);
        log.info("indexed {} of {} records ({} dead-lettered, {} bulk retries) in {} ms",
                indexed, records.count(), records.count() - indexed, retries, (System.nanoTime() - start) / 1_000_000);
    }

    /** Commits the offsets after each partition's last record, for the partitions this instance still owns. */
    private void commit(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            if (!owned.contains(tp)) {
                continue; // revoked during a retry: its new owner replays it, harmlessly, since writes are by id
            }
            List<ConsumerRecord<String, byte[]>> list = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(list.getLast().offset() + 1));
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("commit of {} failed after a rebalance; the records will be indexed again (idempotent): {}",
                    offsets, e.getMessage());
        }
    }

    /** Rewinds the consumer to the first record of the batch in every partition it still owns. */
    private void seekBack(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> owned = consumer.assignment();
        for (TopicPartition tp : records.partitions()) {
            if (owned.contains(tp)) {
                consumer.seek(tp, records.records(tp).getFirst().offset());
            }
        }
    }

    /**
     * Waits while keeping the consumer alive in its group: partitions paused, polling (which returns nothing)
     * so the member is not considered dead. Partitions a rebalance hands over meanwhile are paused too, and if
     * one delivers records before that, the consumer is rewound so they are read again later.
     */
    private void pauseConsumer(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (!closed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                consumer.pause(consumer.assignment());
                ConsumerRecords<String, byte[]> unexpected =
                        consumer.poll(Duration.ofNanos(Math.min(remaining, PAUSED_POLL.toNanos())));
                if (!unexpected.isEmpty()) {
                    seekBack(unexpected);
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while waiting to retry");
                }
            }
        } finally {
            if (!closed) {
                consumer.resume(consumer.assignment());
            }
        }
    }

    private void sleepUnlessClosed(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (!closed) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(remaining, PAUSED_POLL.toNanos()));
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        if (started.get()) {
            try {
                if (!finished.await(30, TimeUnit.SECONDS)) {
                    log.warn("index stage did not stop within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            release();
        }
    }

    private void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        try {
            consumer.close(Duration.ofSeconds(10));
        } catch (KafkaException e) {
            log.warn("closing the articles consumer: {}", e.getMessage());
        }
        try {
            deadLetterProducer.close(Duration.ofSeconds(10));
        } catch (KafkaException e) {
            log.warn("closing the dead-letter producer: {}", e.getMessage());
        }
        try {
            es.close();
        } catch (IOException e) {
            log.warn("closing the Elasticsearch client: {}", e.getMessage());
        }
    }
}
