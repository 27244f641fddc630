package newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.http.FetchException;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.PoisonRecordException;
import newsflow.common.kafka.RecordLoop;
import newsflow.common.kafka.RecordProcessor;
import newsflow.common.log.LogContext;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Provenance;
import newsflow.common.model.Schema;
import newsflow.enrich.process.ArticleBuilder;
import newsflow.enrich.process.PageOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What enrich does with one feed entry; {@link RecordLoop} consumes, runs entries side by side, commits and retries.
 * Per entry: fetch the page and build the article, produce it (or dead-letter the entry when it failed), and return
 * once the broker acknowledged that send, so the loop may commit past it only then. When a send fails for a reason
 * that is not the record's own fault (broker down, timeout) the record fails and the loop replays its partition
 * from the first record not done after a backoff — at-least-once, and ids make the replay idempotent downstream. An
 * entry whose page work is still running at its deadline is built from the feed's content instead, so a
 * pathological page cannot hold its partition's commit for long.
 */
final class EnrichProcessor implements RecordProcessor<FeedEntry> {

    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);
    static final String STAGE = "enrich";

    private final Producer<String, Article> articles;
    private final DeadLetters deadLetters;
    private final String articlesTopic;
    private final PageFetcher fetcher;
    private final boolean fetchPages;
    private final ArticleBuilder builder;
    private final ArticleSizeLimit sizeLimit;
    private final ExecutorService pool;
    private final MeterRegistry meters;
    private final Clock clock;

    EnrichProcessor(Producer<String, Article> articles, DeadLetters deadLetters, String articlesTopic,
                    PageFetcher fetcher, boolean fetchPages, ArticleBuilder builder, ArticleSizeLimit sizeLimit,
                    ExecutorService pool, MeterRegistry meters, Clock clock) {
        this.articles = articles;
        this.deadLetters = deadLetters;
        this.articlesTopic = articlesTopic;
        this.fetcher = fetcher;
        this.fetchPages = fetchPages;
        this.builder = builder;
        this.sizeLimit = sizeLimit;
        this.pool = pool;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * An entry without an id, or not an entry at all, can never become an article; one written by newer code
     * ({@code schemaVersion} above {@link Schema#VERSION}) must not be read as if it were ours.
     */
    @Override
    public FeedEntry decode(ConsumerRecord<String, byte[]> record) throws PoisonRecordException {
        FeedEntry entry = JsonCodec.FEED_ENTRY.decodeRecord(record.value(), "decode");
        if (entry.id() == null || entry.id().isBlank()) {
            throw new PoisonRecordException("decode", new IllegalArgumentException("feed entry has no id"));
        }
        return entry;
    }

    /**
     * Fetches and builds the entry's article (in the pool, so page work still running at the deadline can be cut
     * short), produces it or dead-letters the entry, and returns once the broker acknowledged that.
     *
     * @throws ExecutionException a send failed for a reason that is not the record's fault: the loop rewinds
     * @throws InterruptedException the loop gave the record up (revoked, failed partition, stopping)
     */
    @Override
    public void process(ConsumerRecord<String, byte[]> record, FeedEntry entry, Instant deadline)
            throws InterruptedException, ExecutionException {
        Future<Result> work = pool.submit(() -> process(entry, record));
        Result result;
        try {
            result = await(work, record, entry, deadline);
        } catch (InterruptedException e) {
            work.cancel(true);
            throw e;
        }
        count(awaitAck(send(record, result)));
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

    /** What was sent for a record; {@code ack} is null for a dead letter (delivered when acknowledgements are awaited). */
    private record Send(ConsumerRecord<String, byte[]> record, Result result, Future<RecordMetadata> ack, Kind kind) {
    }

    private enum Kind {
        ARTICLE,
        DEAD_LETTER,
        /** The dead letter was refused even truncated: logged by {@link DeadLetters} and skipped. */
        DROPPED
    }

    /**
     * Fetches and builds. Only an entry no article can be built from at all fails; a page that cannot be fetched
     * or breaks the extractor costs the page, not the article.
     */
    private Result process(FeedEntry entry, ConsumerRecord<String, byte[]> record) {
        try (LogContext.Scope about = LogContext.article(STAGE, entry.id())) {
            return build(entry, record);
        }
    }

    private Result build(FeedEntry entry, ConsumerRecord<String, byte[]> record) {
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
        return DeadLetters.where(record);
    }

    /**
     * The record's result; when its page work is still running at the record's deadline, it is cancelled and the
     * article is built from the feed's content.
     */
    private Result await(Future<Result> future, ConsumerRecord<String, byte[]> record, FeedEntry entry,
                         Instant deadline) throws InterruptedException {
        try {
            long left = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // process() handles exceptions itself; this is an Error other than a stack overflow
            log.error("processing {} failed", where(record), e.getCause());
            return Result.failed("process", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("article {} ({}) at {} still processing its page at its deadline; using the feed's content",
                    entry.id(), entry.link(), where(record));
            try {
                return Result.ok(builder.build(entry, new PageOutcome.NotFetched(
                        "page processing passed its deadline (half of max.poll.interval.ms)")));
            } catch (RuntimeException | StackOverflowError again) {
                return Result.failed("process", again);
            }
        }
    }

    private Send send(ConsumerRecord<String, byte[]> record, Result result) {
        if (result.article() != null) {
            Article a = sizeLimit.fit(result.article(), where(record));
            result = Result.ok(a);
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
        return new Send(record, failure, null, Kind.DEAD_LETTER);
    }

    /**
     * Waits for the broker's acknowledgement of an article, or delivers a dead letter. A rejection that is the
     * record's own fault (too large …) gets the record dead-lettered instead, so one bad article cannot wedge the
     * partition.
     *
     * @return the send that stands for the record (the original or its dead letter)
     * @throws ExecutionException the broker failed otherwise: the record must be retried
     */
    private Send awaitAck(Send s) throws InterruptedException, ExecutionException {
        if (s.kind() == Kind.DEAD_LETTER) {
            Result failure = s.result();
            DeadLetters.Delivery delivery = deadLetters.deliver(s.record(), failure.reason() + ": " + failure.error(),
                    failure.errorType());
            return delivery == DeadLetters.Delivery.DROPPED ? new Send(s.record(), failure, null, Kind.DROPPED) : s;
        }
        try {
            s.ack().get();
            return s;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (DeadLetters.isRecordsOwnFault(cause)) {
                log.warn("article {} from {} rejected by the broker ({}); dead-lettering the entry",
                        s.result().article().id(), where(s.record()), cause.toString());
                return awaitAck(deadLetter(s.record(), Result.failed("produce", cause)));
            }
            log.warn("send for {} failed: {}", where(s.record()), String.valueOf(cause));
            throw e;
        }
    }

    private void count(Send s) {
        try (LogContext.Scope about = LogContext.article(STAGE, s.record().key())) {
            countAndLog(s);
        }
    }

    private void countAndLog(Send s) {
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
}
