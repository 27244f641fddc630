package newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.http.FetchException;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Provenance;
import newsflow.enrich.process.ArticleBuilder;
import newsflow.enrich.process.PageOutcome;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The enrich consume–process–produce loop, on Kafka's client interfaces so it runs against mocks as well as a
 * broker. Per polled batch: decode every entry, fetch pages and build articles in parallel, produce each article
 * (or dead-letter each record that failed), wait until the broker acknowledged every one of those sends, and
 * only then commit the batch's offsets. When a send fails for a reason that is not the record's own fault
 * (broker down, timeout) nothing is committed: the consumer seeks back to the batch start and the batch is
 * retried after a backoff — at-least-once, and ids make the replay idempotent downstream.
 */
final class EnrichLoop {

    private static final Logger log = LoggerFactory.getLogger(EnrichLoop.class);
    static final String STAGE = "enrich";
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final int MAX_DEAD_LETTER_PAYLOAD = 64 * 1024;

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, Article> articles;
    private final DeadLetters deadLetters;
    private final String entriesTopic;
    private final String articlesTopic;
    private final PageFetcher fetcher;
    private final boolean fetchPages;
    private final ArticleBuilder builder;
    private final ExecutorService pool;
    private final MeterRegistry meters;
    private final Duration initialBackoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean ready;

    EnrichLoop(Consumer<String, byte[]> consumer, Producer<String, Article> articles, DeadLetters deadLetters,
               String entriesTopic, String articlesTopic, PageFetcher fetcher, boolean fetchPages,
               ArticleBuilder builder, ExecutorService pool, MeterRegistry meters, Duration initialBackoff) {
        this.consumer = consumer;
        this.articles = articles;
        this.deadLetters = deadLetters;
        this.entriesTopic = entriesTopic;
        this.articlesTopic = articlesTopic;
        this.fetcher = fetcher;
        this.fetchPages = fetchPages;
        this.builder = builder;
        this.pool = pool;
        this.meters = meters;
        this.initialBackoff = initialBackoff;
    }

    /** Consumes until {@link #stop()}. */
    void run() {
        Duration backoff = initialBackoff;
        try {
            consumer.subscribe(List.of(entriesTopic));
            log.info("enrich consuming {} → {}", entriesTopic, articlesTopic);
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                ready = true;
                if (records.isEmpty()) {
                    continue;
                }
                boolean done;
                try {
                    done = processBatch(records);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.error("enrich batch of {} records failed unexpectedly; retrying it", records.count(), e);
                    seekToStart(records);
                    done = false;
                }
                if (done) {
                    backoff = initialBackoff;
                } else if (!stopping) {
                    log.warn("enrich batch not committed; retrying in {} ms", backoff.toMillis());
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("enrich loop interrupted; stopping");
        } finally {
            ready = false;
            log.info("enrich loop stopped");
        }
    }

    boolean ready() {
        return ready;
    }

    /** Makes {@link #run()} return soon; safe from any thread. */
    void stop() {
        stopping = true;
        stopped.countDown();
        consumer.wakeup();
    }

    /**
     * Processes one batch.
     *
     * @return true when every article and dead letter was acknowledged and the offsets committed; false when the
     * consumer was rewound to the batch start and the batch must be retried
     */
    boolean processBatch(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);

        List<Future<Result>> work = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            work.add(pool.submit(() -> process(record)));
        }
        List<Send> sends = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, byte[]> record = batch.get(i);
            Result result = await(work.get(i), record);
            sends.add(send(record, result));
        }
        List<Send> acknowledged = new ArrayList<>(sends.size());
        for (Send s : sends) {
            Send effective = awaitAck(s);
            if (effective == null) {
                seekToStart(records);
                return false;
            }
            acknowledged.add(effective);
        }
        acknowledged.forEach(this::count);
        return commit(records);
    }

    /** A record's outcome: an article, or why it is dead-lettered. */
    private record Result(Article article, String reason, String error, String errorType) {
        static Result ok(Article a) {
            return new Result(a, null, null, null);
        }

        static Result failed(String reason, Throwable t) {
            return new Result(null, reason, t.getMessage() == null ? t.toString() : t.getMessage(), t.getClass().getName());
        }
    }

    /** What was sent for a record; {@code ack} is null for {@link Kind#DROPPED}. */
    private record Send(ConsumerRecord<String, byte[]> record, Result result, Future<RecordMetadata> ack, Kind kind) {
    }

    private enum Kind {
        ARTICLE,
        DEAD_LETTER,
        /** A dead letter whose payload was cut to {@value #MAX_DEAD_LETTER_PAYLOAD} bytes after the full one was rejected. */
        TRUNCATED_DEAD_LETTER,
        /** Not even the truncated dead letter was accepted: logged and skipped so the partition is not wedged. */
        DROPPED
    }

    /**
     * Decodes, fetches and builds. Only a record that cannot be decoded (or an entry no article can be built from
     * at all) fails; a page that cannot be fetched or breaks the extractor costs the page, not the article.
     */
    private Result process(ConsumerRecord<String, byte[]> record) {
        FeedEntry entry;
        try {
            entry = JsonCodec.FEED_ENTRY.decode(record.value());
            if (entry.id() == null || entry.id().isBlank()) {
                throw new IllegalArgumentException("feed entry has no id");
            }
        } catch (RuntimeException e) {
            log.warn("undecodable entry at {}: {}", where(record), e.getMessage());
            return Result.failed("decode", e);
        }
        PageOutcome page = fetchPage(entry, record);
        try {
            return Result.ok(builder.build(entry, page, alternate -> fetch(alternate, entry, record)));
        } catch (RuntimeException | StackOverflowError e) {
            if (!(page instanceof PageOutcome.Fetched)) {
                log.warn("cannot build article {} ({}) at {}", entry.id(), entry.link(), where(record), e);
                return Result.failed("process", e);
            }
            log.warn("cannot extract the page of article {} ({}) at {}; using the feed's content instead",
                    entry.id(), entry.link(), where(record), e);
            try {
                return Result.ok(builder.build(entry, new PageOutcome.NotFetched("page extraction failed: " + e)));
            } catch (RuntimeException | StackOverflowError again) {
                log.warn("cannot build article {} ({}) at {} even without its page", entry.id(), entry.link(),
                        where(record), again);
                return Result.failed("process", again);
            }
        }
    }

    private PageOutcome fetchPage(FeedEntry entry, ConsumerRecord<String, byte[]> record) {
        if (!fetchPages) {
            return new PageOutcome.NotFetched("page fetching disabled");
        }
        String link = entry.link();
        if (link == null || !(link.regionMatches(true, 0, "http://", 0, 7) || link.regionMatches(true, 0, "https://", 0, 8))) {
            return new PageOutcome.NotFetched("entry has no http(s) link");
        }
        return fetch(link, entry, record);
    }

    /** Fetches the entry's page, or an alternate version of it; never throws. */
    private PageOutcome fetch(String link, FeedEntry entry, ConsumerRecord<String, byte[]> record) {
        try {
            return new PageOutcome.Fetched(fetcher.fetch(link));
        } catch (FetchException e) {
            return new PageOutcome.Failed(e);
        } catch (IllegalArgumentException e) {
            return new PageOutcome.NotFetched("invalid link: " + e.getMessage());
        } catch (PageFetcher.Disallowed e) {
            return new PageOutcome.NotFetched(e.getMessage());
        } catch (PageFetcher.HostBusy e) {
            log.info("article {} at {}: {}", entry.id(), where(record), e.getMessage());
            return new PageOutcome.NotFetched(e.getMessage());
        } catch (RuntimeException e) {
            // A fetch-layer bug or an unexpected client error is this page's problem, not the record's.
            log.warn("fetching {} for article {} at {} failed unexpectedly", link, entry.id(), where(record), e);
            return new PageOutcome.Failed(new FetchException(FetchException.Kind.PROTOCOL, uriOrNull(link), 0,
                    "unexpected " + e, e));
        }
    }

    private static URI uriOrNull(String link) {
        try {
            return URI.create(link);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static Result await(Future<Result> future, ConsumerRecord<String, byte[]> record) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // process() handles exceptions itself; this is an Error other than a stack overflow
            log.error("processing {} failed", where(record), e.getCause());
            return Result.failed("process", e.getCause());
        }
    }

    private Send send(ConsumerRecord<String, byte[]> record, Result result) {
        if (result.article() != null) {
            Article a = result.article();
            try {
                return new Send(record, result, articles.send(new ProducerRecord<>(articlesTopic, a.id(), a)), Kind.ARTICLE);
            } catch (SerializationException | RecordTooLargeException | InvalidRecordException | UncheckedIOException e) {
                // UncheckedIOException: the JSON serializer failed; KafkaProducer rethrows it unwrapped.
                log.warn("article {} from {} cannot be produced; dead-lettering the entry", a.id(), where(record), e);
                return deadLetter(record, Result.failed("produce", e));
            }
        }
        return deadLetter(record, result);
    }

    private Send deadLetter(ConsumerRecord<String, byte[]> record, Result failure) {
        return new Send(record, failure, deadLetters.send(record, failure.reason() + ": " + failure.error(),
                failure.errorType()), Kind.DEAD_LETTER);
    }

    /**
     * The dead letter again with its payload cut to {@value #MAX_DEAD_LETTER_PAYLOAD} bytes, for when the broker
     * rejected the full one as too large. That overload of {@link DeadLetters} carries no source position, so the
     * position goes into the error text.
     */
    private Send truncatedDeadLetter(Send rejected, Throwable cause) {
        ConsumerRecord<String, byte[]> record = rejected.record();
        Result failure = rejected.result();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String payload = new String(value, 0, Math.min(value.length, MAX_DEAD_LETTER_PAYLOAD), StandardCharsets.UTF_8);
        String error = failure.reason() + ": " + failure.error() + " [from " + where(record) + "; payload truncated to "
                + Math.min(value.length, MAX_DEAD_LETTER_PAYLOAD) + " of " + value.length
                + " bytes because the full dead letter was rejected: " + cause + "]";
        return new Send(record, failure, deadLetters.send(record.key(), payload, error, failure.errorType()),
                Kind.TRUNCATED_DEAD_LETTER);
    }

    /**
     * Waits for the broker's acknowledgement. A rejection that is the record's own fault (too large …) gets the
     * record dead-lettered instead, so one bad article cannot wedge the partition.
     *
     * @return the send that stands for the record (the original or its dead letter), null when the batch must be retried
     */
    private Send awaitAck(Send s) throws InterruptedException {
        try {
            s.ack().get();
            return s;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (isRecordsOwnFault(cause)) {
                switch (s.kind()) {
                    case ARTICLE -> {
                        log.warn("article {} from {} rejected by the broker ({}); dead-lettering the entry",
                                s.result().article().id(), where(s.record()), cause.toString());
                        return awaitAck(deadLetter(s.record(), Result.failed("produce", cause)));
                    }
                    case DEAD_LETTER -> {
                        log.warn("dead letter for {} rejected by the broker ({}); sending it truncated",
                                where(s.record()), cause.toString());
                        return awaitAck(truncatedDeadLetter(s, cause));
                    }
                    default -> {
                        log.error("dead letter for {} rejected even truncated ({}); skipping the record, key={} reason={}: {}",
                                where(s.record()), cause.toString(), s.record().key(), s.result().reason(),
                                s.result().error());
                        return new Send(s.record(), s.result(), null, Kind.DROPPED);
                    }
                }
            }
            log.warn("send for {} failed: {}", where(s.record()), String.valueOf(cause));
            return null;
        }
    }

    private static boolean isRecordsOwnFault(Throwable t) {
        return t instanceof RecordTooLargeException || t instanceof SerializationException
                || t instanceof InvalidRecordException;
    }

    private void count(Send s) {
        Article a = s.result().article();
        if (a != null) {
            meters.counter(MeterNames.ARTICLES_EXTRACTED, "method", a.extraction().method().name()).increment();
            Provenance bodySource = a.extraction().fieldSources().of(ArticleField.BODY);
            if (bodySource == Provenance.AMP || bodySource == Provenance.PRINT) {
                meters.counter(MeterNames.ALTERNATE_PAGES, "kind", bodySource.wireName()).increment();
            }
            String reason = a.extraction().fallbackReason();
            if (reason == null) {
                log.info("article {} {} method={} words={} lang={}", a.id(), a.url(), a.extraction().method(),
                        a.wordCount(), a.language());
            } else {
                log.info("article {} {} method={} words={} lang={} fallback=\"{}\"", a.id(), a.url(),
                        a.extraction().method(), a.wordCount(), a.language(), reason);
            }
        } else {
            meters.counter(MeterNames.ENRICH_FAILED, "reason", s.result().reason()).increment();
            if (s.kind() != Kind.DROPPED) {
                log.warn("dead-lettered {} ({}): {}", where(s.record()), s.result().reason(), s.result().error());
            }
        }
    }

    private boolean commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
            return true;
        } catch (CommitFailedException e) {
            // The group rebalanced: another member owns these partitions now and will replay from the last commit.
            log.warn("commit of {} lost to a rebalance; the new owner replays it", describe(offsets));
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("commit of {} failed: {}", describe(offsets), e.getMessage());
            seekToStart(records);
            return false;
        }
    }

    private void seekToStart(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            try {
                consumer.seek(tp, records.records(tp).get(0).offset());
            } catch (IllegalStateException e) {
                // no longer assigned after a rebalance: the new owner starts from the committed offset anyway
                log.debug("cannot seek {} (not assigned any more)", tp);
            }
        }
    }

    private void pause(Duration d) throws InterruptedException {
        stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String describe(Map<TopicPartition, OffsetAndMetadata> offsets) {
        StringBuilder sb = new StringBuilder();
        offsets.forEach((tp, o) -> sb.append(tp).append('@').append(o.offset()).append(' '));
        return sb.toString().strip();
    }
}
