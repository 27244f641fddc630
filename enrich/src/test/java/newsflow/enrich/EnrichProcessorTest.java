package newsflow.enrich;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;
import newsflow.common.kafka.DeadLetters;
import newsflow.common.kafka.PoisonRecordException;
import newsflow.common.kafka.RecordLoop;
import newsflow.common.kafka.StageLoop;
import newsflow.common.retry.Backoff;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.Article;
import newsflow.common.model.DeadLetter;
import newsflow.common.model.Extraction.Method;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import newsflow.enrich.process.ArticleBuilder;
import newsflow.enrich.topics.TopicMatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Enrich's record processing against Kafka's mock clients; the commit rules are {@code RecordLoopTest}'s. */
class EnrichProcessorTest {

    static final String ENTRIES = "nf.entries";
    static final String ARTICLES = "nf.articles";
    static final String DEAD_LETTER = "nf.dead-letter";
    static final TopicPartition TP = new TopicPartition(ENTRIES, 0);
    static final String LINK = "https://millbrook-courier.example/2025/02/18/senate-committee-advances-rural-broadband-bill/";
    static final String CONTENT = "<p>" + "The committee sent the broadband bill to the full senate chamber. ".repeat(5) + "</p>";
    static final PageFetcher WORDPRESS_PAGE = url -> new FetchResponse(200, URI.create(url), "text/html; charset=UTF-8",
            Fixtures.bytes("wordpress-politics.html"), null, null);

    final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Clock clock = Clock.systemUTC();
    Duration deadline = Duration.ofMinutes(2);
    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger loopLogger = (Logger) LoggerFactory.getLogger(EnrichProcessor.class);
    MockProducer<String, Article> articles = articleProducer(true, JsonCodec.ARTICLE.serializer());
    MockProducer<String, byte[]> deadLetters = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    @BeforeEach
    void setUp() {
        consumer.assign(List.of(TP));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        logs.start();
        loopLogger.addAppender(logs);
        loopLogger.setLevel(Level.WARN);
        loopLogger.setAdditive(false); // captured and asserted, not printed
    }

    @AfterEach
    void tearDown() {
        loopLogger.detachAppender(logs);
        loopLogger.setLevel(null);
        loopLogger.setAdditive(true);
        pool.shutdownNow();
    }

    static MockProducer<String, Article> articleProducer(boolean autoComplete, Serializer<Article> serializer) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), serializer);
    }

    EnrichProcessor loop(PageFetcher fetcher, boolean fetchPages) {
        return loop(fetcher, fetchPages, 1_048_588);
    }

    EnrichProcessor loop(PageFetcher fetcher, boolean fetchPages, int recordLimit) {
        return new EnrichProcessor(articles, new DeadLetters(deadLetters, DEAD_LETTER, EnrichProcessor.STAGE), ARTICLES,
                fetcher, fetchPages,
                new ArticleBuilder(new TopicMatcher(Map.of("politics", List.of("senate"))), Clock.systemUTC()),
                new ArticleSizeLimit(recordLimit, meters), pool, meters, clock);
    }

    /**
     * Processes the records as the loop hands them over (decoded, each on its own thread, with a deadline that far
     * ahead); true when every record succeeded, false when one failed (the loop would rewind and retry it).
     */
    static boolean processBatch(EnrichProcessor processor, ConsumerRecords<String, byte[]> records, Duration deadline)
            throws Exception {
        Instant due = Instant.now().plus(deadline);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletionService<Boolean> outcomes = new ExecutorCompletionService<>(threads);
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                FeedEntry entry = processor.decode(r);
                outcomes.submit(() -> {
                    try {
                        processor.process(r, entry, due);
                        return true;
                    } catch (ExecutionException e) {
                        return false;
                    }
                });
            }
            for (int i = 0; i < records.count(); i++) {
                if (!outcomes.take().get()) {
                    return false; // the loop would rewind now, giving up the partition's other records
                }
            }
            return true;
        } finally {
            threads.shutdownNow();
        }
    }

    boolean processBatch(EnrichProcessor processor, ConsumerRecords<String, byte[]> records) throws Exception {
        return processBatch(processor, records, deadline);
    }

    static byte[] entry(String id, String link) {
        return JsonCodec.FEED_ENTRY.encode(new FeedEntry(Schema.VERSION, id, "https://millbrook-courier.example/feed/",
                "Millbrook Courier", link, null, "Senate committee advances broadband bill", "Summary.", CONTENT,
                List.of(), Instant.parse("2025-02-18T16:06:00Z"), null, List.of(), List.of(), Instant.now()));
    }

    void add(long offset, byte[] value) {
        consumer.addRecord(new ConsumerRecord<>(ENTRIES, 0, offset, "key-" + offset, value));
    }

    ConsumerRecords<String, byte[]> poll() {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ZERO);
        assertThat(records.isEmpty()).isFalse();
        return records;
    }

    CompletableFuture<Boolean> processInBackground(EnrichProcessor processor, ConsumerRecords<String, byte[]> records) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return processBatch(processor, records);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    Long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(TP)).get(TP);
        return offset == null ? null : offset.offset();
    }

    List<DeadLetter> deadLettersSent() {
        return deadLetters.history().stream().map(r -> JsonCodec.DEAD_LETTER.decode(r.value())).toList();
    }

    double count(String meter, String tag, String value) {
        var search = meters.find(meter);
        var counter = (tag == null ? search : search.tag(tag, value)).counter();
        return counter == null ? 0 : counter.count();
    }

    List<String> warnings() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        await(condition, Duration.ofSeconds(10));
    }

    static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + within);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void returnsOnlyAfterEveryArticleIsAcknowledged() throws Exception {
        articles = articleProducer(false, JsonCodec.ARTICLE.serializer());
        add(0, entry("id-0", LINK));
        add(1, entry("id-1", LINK));

        CompletableFuture<Boolean> done = processInBackground(loop(WORDPRESS_PAGE, true), poll());
        await(() -> articles.history().size() == 2);

        articles.completeNext();
        Thread.sleep(50);
        assertThat(done).as("returns only once every article is acknowledged").isNotDone();

        articles.completeNext();
        assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();

        var sent = articles.history();
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(ARTICLES);
            assertThat(r.key()).isEqualTo(r.value().id());
            assertThat(r.value().extraction().method()).isEqualTo(Method.PAGE);
            assertThat(r.value().body()).startsWith("A state senate committee voted");
        });
        assertThat(sent).extracting(r -> r.key()).containsExactlyInAnyOrder("id-0", "id-1");
        assertThat(count(MeterNames.ARTICLES_EXTRACTED, "method", "PAGE")).isEqualTo(2);
        assertThat(deadLetters.history()).isEmpty();
    }

    @Test
    void recordsThatAreNoEntryArePoison() {
        EnrichProcessor processor = loop(WORDPRESS_PAGE, true);
        ConsumerRecord<String, byte[]> notJson = new ConsumerRecord<>(ENTRIES, 0, 0, "key-0", "{not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> noId = new ConsumerRecord<>(ENTRIES, 0, 1, "key-1", entry(" ", LINK));
        ConsumerRecord<String, byte[]> tombstone = new ConsumerRecord<>(ENTRIES, 0, 2, "key-2", null);

        assertThatThrownBy(() -> processor.decode(notJson)).isInstanceOfSatisfying(PoisonRecordException.class, e -> {
            assertThat(e.reason()).isEqualTo("decode");
            assertThat(e.getMessage()).startsWith("cannot read FeedEntry");
            assertThat(e.errorType()).isEqualTo(UncheckedIOException.class.getName());
        });
        assertThatThrownBy(() -> processor.decode(noId)).hasMessage("feed entry has no id");
        assertThatThrownBy(() -> processor.decode(tombstone)).hasMessageStartingWith("empty payload (tombstone)");
    }

    @Test
    void pageStillProcessingAtItsDeadlineGivesWayToTheFeedContent() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        PageFetcher stuck = url -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cancelled");
        };
        deadline = Duration.ZERO;
        add(0, entry("id-0", LINK));

        assertThat(processBatch(loop(stuck, true), poll())).isTrue();

        Article a = articles.history().getFirst().value();
        assertThat(a.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(a.extraction().fallbackReason()).contains("its deadline");
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("at its deadline").contains("nf.entries-0@0"));
    }

    @Test
    void failedPageFetchFallsBackToTheFeedContent() throws Exception {
        add(0, entry("id-0", LINK));
        PageFetcher timingOut = url -> {
            throw new FetchException(FetchException.Kind.TIMEOUT, URI.create(url), 0, "no response within PT10S", null);
        };

        assertThat(processBatch(loop(timingOut, true), poll())).isTrue();

        Article a = articles.history().getFirst().value();
        assertThat(a.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(a.extraction().fallbackReason()).contains("TIMEOUT").contains(LINK);
        assertThat(a.body()).startsWith("The committee sent the broadband bill");
        assertThat(deadLetters.history()).isEmpty();
        assertThat(count(MeterNames.ARTICLES_EXTRACTED, "method", "FEED_CONTENT")).isEqualTo(1);
    }

    @Test
    void unexpectedFetcherErrorCostsThePageNotTheArticle() throws Exception {
        add(0, entry("id-0", LINK));
        PageFetcher broken = url -> {
            throw new IllegalStateException("selector closed");
        };

        assertThat(processBatch(loop(broken, true), poll())).isTrue();

        Article a = articles.history().getFirst().value();
        assertThat(a.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(a.extraction().fallbackReason()).contains("selector closed");
        assertThat(deadLetters.history()).isEmpty();
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("failed unexpectedly").contains("id-0")
                .contains("nf.entries-0@0"));
    }

    @Test
    void pagesAreNotFetchedWhenDisabledOrWithoutAnHttpLink() throws Exception {
        PageFetcher mustNotBeCalled = url -> fail("fetched " + url);
        add(0, entry("id-0", LINK));
        add(1, entry("id-1", "ftp://example.org/a"));

        assertThat(processBatch(loop(mustNotBeCalled, false), poll())).isTrue();

        assertThat(articles.history()).extracting(r -> r.value().extraction().fallbackReason())
                .containsExactly("page fetching disabled", "page fetching disabled");

        articles.clear();
        add(2, entry("id-2", "ftp://example.org/a"));
        assertThat(processBatch(loop(mustNotBeCalled, true), poll())).isTrue();
        assertThat(articles.history().getFirst().value().extraction().fallbackReason()).isEqualTo("entry has no http(s) link");
    }

    @Test
    void brokerFailureFailsTheRecord() throws Exception {
        articles = articleProducer(false, JsonCodec.ARTICLE.serializer());
        add(0, entry("id-0", LINK));
        add(1, entry("id-1", LINK));
        ConsumerRecords<String, byte[]> records = poll();
        assertThat(consumer.position(TP)).isEqualTo(2L);

        CompletableFuture<Boolean> done = processInBackground(loop(WORDPRESS_PAGE, true), records);
        await(() -> articles.history().size() == 2);
        articles.errorNext(new TimeoutException("broker unavailable"));

        assertThat(done.get(10, TimeUnit.SECONDS)).as("the record fails: the loop rewinds and retries it").isFalse();
        assertThat(deadLetters.history()).isEmpty();
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "produce")).isZero();
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("send for nf.entries-0@").contains(" failed").contains("broker unavailable"));
    }

    @Test
    void articleTheBrokerRejectsAsTooLargeIsDeadLettered() throws Exception {
        articles = articleProducer(false, JsonCodec.ARTICLE.serializer());
        add(0, entry("id-0", LINK));

        CompletableFuture<Boolean> done = processInBackground(loop(WORDPRESS_PAGE, true), poll());
        await(() -> articles.history().size() == 1);
        articles.errorNext(new RecordTooLargeException("message is 9000000 bytes"));

        assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(deadLettersSent()).singleElement().satisfies(d -> {
            assertThat(d.error()).isEqualTo("produce: message is 9000000 bytes");
            assertThat(d.errorType()).isEqualTo(RecordTooLargeException.class.getName());
            assertThat(d.offset()).isZero();
        });
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "produce")).isEqualTo(1);
    }

    @Test
    void articleThatCannotBeSerializedIsDeadLettered() throws Exception {
        articles = articleProducer(true, (topic, article) -> {
            throw new UncheckedIOException(new IOException("cannot write Article"));
        });
        add(0, entry("id-0", LINK));

        assertThat(processBatch(loop(WORDPRESS_PAGE, true), poll())).isTrue();

        assertThat(deadLettersSent()).singleElement().satisfies(d -> assertThat(d.error()).contains("produce:")
                .contains("cannot write Article"));
    }

    @Test
    void onTheRecordLoopEntriesAreConsumedPoisonDeadLetteredAndCommitted() throws Exception {
        consumer.unsubscribe();
        DeadLetters letters = new DeadLetters(deadLetters, DEAD_LETTER, EnrichProcessor.STAGE);
        RecordLoop<FeedEntry> loop = recordLoop(loop(WORDPRESS_PAGE, true), letters);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            add(0, entry("id-0", LINK));
            add(1, "garbage".getBytes(StandardCharsets.UTF_8));
        });

        Thread runner = Thread.ofPlatform().name("enrich-loop-test").start(loop::run);
        // generous: the first article of a cold JVM loads the language models
        await(() -> committed() != null && committed() == 2L, Duration.ofSeconds(90));

        assertThat(loop.ready()).isTrue();
        assertThat(consumer.subscription()).containsExactly(ENTRIES);
        assertThat(articles.history()).hasSize(1);
        assertThat(deadLettersSent()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(1);
            assertThat(d.error()).startsWith("decode: ");
        });
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "decode")).isEqualTo(1);

        loop.stop();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(loop.ready()).isFalse();
    }

    RecordLoop<FeedEntry> recordLoop(EnrichProcessor processor, DeadLetters letters) {
        return new RecordLoop<>(consumer, processor, letters, new StageLoop.Options(EnrichProcessor.STAGE, ENTRIES,
                Backoff.full(Duration.ofMillis(10), Duration.ofMillis(10)), Duration.ofMinutes(5), MeterNames.ENRICH_FAILED),
                new RecordLoop.Limits(8, 8), meters, clock);
    }

    @Test
    void slowPageDoesNotHoldUpLaterEntriesAndTheCommitWaitsForIt() throws Exception {
        consumer.unsubscribe();
        CountDownLatch slowPage = new CountDownLatch(1);
        String slowLink = LINK + "?slow";
        PageFetcher fetcher = url -> {
            if (url.equals(slowLink)) {
                try {
                    slowPage.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return WORDPRESS_PAGE.fetch(url);
        };
        RecordLoop<FeedEntry> loop = recordLoop(loop(fetcher, true), new DeadLetters(deadLetters, DEAD_LETTER,
                EnrichProcessor.STAGE));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            add(0, entry("id-0", LINK));
            add(1, entry("id-1", slowLink));
            for (int i = 2; i < 6; i++) {
                add(i, entry("id-" + i, LINK));
            }
        });

        Thread runner = Thread.ofPlatform().name("enrich-loop-test").start(loop::run);
        try {
            // generous: the first article of a cold JVM loads the language models
            await(() -> articles.history().size() == 5, Duration.ofSeconds(90));
            assertThat(articles.history()).extracting(r -> r.key()).doesNotContain("id-1");
            await(() -> Long.valueOf(1).equals(committed()));
            assertThat(committed()).as("never past the entry whose page is still loading").isEqualTo(1L);

            slowPage.countDown();
            await(() -> Long.valueOf(6).equals(committed()));
            assertThat(articles.history()).extracting(r -> r.key()).contains("id-1");
        } finally {
            slowPage.countDown();
            loop.stop();
            runner.join(10_000);
        }
    }

    @Test
    void articleOverTheRecordLimitIsCutToFitAndMarkedTruncatedInsteadOfDeadLettered() throws Exception {
        add(0, entry("id-0", LINK));
        int limit = 3 * 1024; // the fixture page's article is larger

        assertThat(processBatch(loop(WORDPRESS_PAGE, true, limit), poll())).isTrue();

        assertThat(deadLetters.history()).isEmpty();
        assertThat(articles.history()).singleElement().satisfies(r -> {
            assertThat(JsonCodec.ARTICLE.encode(r.value()).length).isLessThanOrEqualTo(limit - limit / 10);
            assertThat(r.value().extraction().truncated()).isTrue();
            assertThat(r.value().body()).isNotEmpty();
        });
        assertThat(count(MeterNames.ARTICLES_TRUNCATED, null, null)).isEqualTo(1);
        Article sent = articles.history().getFirst().value();
        assertThat(sent.wordCount()).isEqualTo(newsflow.enrich.extract.WordCounter.count(sent.body()));
    }

    @Test
    void entryWrittenByNewerCodeIsDeadLetteredWithTheVersionAsReasonAndCommittedPast() throws Exception {
        consumer.unsubscribe();
        DeadLetters letters = new DeadLetters(deadLetters, DEAD_LETTER, EnrichProcessor.STAGE);
        RecordLoop<FeedEntry> loop = recordLoop(loop(url -> {
            throw new AssertionError("an entry of a newer schema must not be processed");
        }, true), letters);
        String v99 = new String(entry("id-0", LINK), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":" + Schema.VERSION, "\"schemaVersion\":99");
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            add(0, v99.getBytes(StandardCharsets.UTF_8));
        });

        Thread runner = Thread.ofPlatform().name("enrich-loop-test").start(loop::run);
        await(() -> committed() != null && committed() == 1L);
        loop.stop();
        runner.join(10_000);

        assertThat(articles.history()).isEmpty();
        assertThat(deadLettersSent()).singleElement().satisfies(d ->
                assertThat(d.error()).isEqualTo("schema-version: schema version 99 is newer than this code's " + Schema.VERSION));
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "schema-version")).isEqualTo(1);
    }
}
