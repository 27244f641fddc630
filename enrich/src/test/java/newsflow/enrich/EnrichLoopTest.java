package newsflow.enrich;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;
import newsflow.common.kafka.DeadLetters;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The consume–process–produce loop against Kafka's mock clients. */
class EnrichLoopTest {

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
    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger loopLogger = (Logger) LoggerFactory.getLogger(EnrichLoop.class);
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

    EnrichLoop loop(PageFetcher fetcher, boolean fetchPages) {
        return new EnrichLoop(consumer, articles, new DeadLetters(deadLetters, DEAD_LETTER, EnrichLoop.STAGE), ENTRIES,
                ARTICLES, fetcher, fetchPages,
                new ArticleBuilder(new TopicMatcher(Map.of("politics", List.of("senate"))), Clock.systemUTC()),
                pool, meters, Duration.ofMillis(10));
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

    CompletableFuture<Boolean> processInBackground(EnrichLoop loop, ConsumerRecords<String, byte[]> records) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return loop.processBatch(records);
            } catch (InterruptedException e) {
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
        var counter = meters.find(meter).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    List<String> warnings() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void offsetsAreCommittedOnlyAfterEveryArticleIsAcknowledged() throws Exception {
        articles = articleProducer(false, JsonCodec.ARTICLE.serializer());
        add(0, entry("id-0", LINK));
        add(1, entry("id-1", LINK));

        CompletableFuture<Boolean> done = processInBackground(loop(WORDPRESS_PAGE, true), poll());
        await(() -> articles.history().size() == 2);

        assertThat(committed()).isNull();
        articles.completeNext();
        Thread.sleep(50);
        assertThat(done).isNotDone();
        assertThat(committed()).isNull();

        articles.completeNext();
        assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(committed()).isEqualTo(2L);

        var sent = articles.history();
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(ARTICLES);
            assertThat(r.key()).isEqualTo(r.value().id());
            assertThat(r.value().extraction().method()).isEqualTo(Method.PAGE);
            assertThat(r.value().body()).startsWith("A state senate committee voted");
        });
        assertThat(sent).extracting(r -> r.key()).containsExactly("id-0", "id-1");
        assertThat(count(MeterNames.ARTICLES_EXTRACTED, "method", "PAGE")).isEqualTo(2);
        assertThat(deadLetters.history()).isEmpty();
    }

    @Test
    void badRecordsAreDeadLetteredWithContextAndTheRestOfTheBatchGoesOn() throws Exception {
        add(0, "{not json".getBytes(StandardCharsets.UTF_8));
        add(1, entry("id-1", LINK));
        add(2, entry(" ", LINK));
        add(3, null);

        assertThat(loop(WORDPRESS_PAGE, true).processBatch(poll())).isTrue();

        assertThat(articles.history()).extracting(r -> r.key()).containsExactly("id-1");
        List<DeadLetter> letters = deadLettersSent();
        assertThat(letters).extracting(DeadLetter::offset).containsExactly(0L, 2L, 3L);
        DeadLetter first = letters.getFirst();
        assertThat(first.stage()).isEqualTo("enrich");
        assertThat(first.sourceTopic()).isEqualTo(ENTRIES);
        assertThat(first.partition()).isZero();
        assertThat(first.key()).isEqualTo("key-0");
        assertThat(first.payload()).isEqualTo("{not json");
        assertThat(first.error()).startsWith("decode: cannot read FeedEntry");
        assertThat(first.errorType()).isEqualTo(UncheckedIOException.class.getName());
        assertThat(letters.get(1).error()).isEqualTo("decode: feed entry has no id");
        assertThat(letters.get(2).error()).startsWith("decode: empty payload (tombstone)");
        assertThat(deadLetters.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(DEAD_LETTER));

        assertThat(committed()).isEqualTo(4L);
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "decode")).isEqualTo(3);
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("undecodable entry at nf.entries-0@0"))
                .anySatisfy(w -> assertThat(w).contains("dead-lettered nf.entries-0@2 (decode)"));
    }

    @Test
    void failedPageFetchFallsBackToTheFeedContent() throws Exception {
        add(0, entry("id-0", LINK));
        PageFetcher timingOut = url -> {
            throw new FetchException(FetchException.Kind.TIMEOUT, URI.create(url), 0, "no response within PT10S", null);
        };

        assertThat(loop(timingOut, true).processBatch(poll())).isTrue();

        Article a = articles.history().getFirst().value();
        assertThat(a.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(a.extraction().fallbackReason()).contains("TIMEOUT").contains(LINK);
        assertThat(a.body()).startsWith("The committee sent the broadband bill");
        assertThat(deadLetters.history()).isEmpty();
        assertThat(count(MeterNames.ARTICLES_EXTRACTED, "method", "FEED_CONTENT")).isEqualTo(1);
        assertThat(committed()).isEqualTo(1L);
    }

    @Test
    void unexpectedFetcherErrorCostsThePageNotTheArticle() throws Exception {
        add(0, entry("id-0", LINK));
        PageFetcher broken = url -> {
            throw new IllegalStateException("selector closed");
        };

        assertThat(loop(broken, true).processBatch(poll())).isTrue();

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

        assertThat(loop(mustNotBeCalled, false).processBatch(poll())).isTrue();

        assertThat(articles.history()).extracting(r -> r.value().extraction().fallbackReason())
                .containsExactly("page fetching disabled", "page fetching disabled");

        articles.clear();
        add(2, entry("id-2", "ftp://example.org/a"));
        assertThat(loop(mustNotBeCalled, true).processBatch(poll())).isTrue();
        assertThat(articles.history().getFirst().value().extraction().fallbackReason()).isEqualTo("entry has no http(s) link");
    }

    @Test
    void brokerFailureRewindsTheBatchWithoutCommitting() throws Exception {
        articles = articleProducer(false, JsonCodec.ARTICLE.serializer());
        add(0, entry("id-0", LINK));
        add(1, entry("id-1", LINK));
        ConsumerRecords<String, byte[]> records = poll();
        assertThat(consumer.position(TP)).isEqualTo(2L);

        CompletableFuture<Boolean> done = processInBackground(loop(WORDPRESS_PAGE, true), records);
        await(() -> articles.history().size() == 2);
        articles.errorNext(new TimeoutException("broker unavailable"));

        assertThat(done.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(committed()).isNull();
        assertThat(consumer.position(TP)).as("rewound to the batch start").isZero();
        assertThat(deadLetters.history()).isEmpty();
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "produce")).isZero();
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("send for nf.entries-0@0 failed").contains("broker unavailable"));
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
        assertThat(committed()).isEqualTo(1L);
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "produce")).isEqualTo(1);
    }

    @Test
    void articleThatCannotBeSerializedIsDeadLettered() throws Exception {
        articles = articleProducer(true, (topic, article) -> {
            throw new UncheckedIOException(new IOException("cannot write Article"));
        });
        add(0, entry("id-0", LINK));

        assertThat(loop(WORDPRESS_PAGE, true).processBatch(poll())).isTrue();

        assertThat(deadLettersSent()).singleElement().satisfies(d -> assertThat(d.error()).contains("produce:")
                .contains("cannot write Article"));
        assertThat(committed()).isEqualTo(1L);
    }

    @Test
    void deadLetterRejectedAsTooLargeIsResentTruncated() throws Exception {
        deadLetters = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        add(0, "x".repeat(200_000).getBytes(StandardCharsets.UTF_8));

        CompletableFuture<Boolean> done = processInBackground(loop(WORDPRESS_PAGE, true), poll());
        await(() -> deadLetters.history().size() == 1);
        deadLetters.errorNext(new RecordTooLargeException("dead letter too large"));
        await(() -> deadLetters.history().size() == 2);
        deadLetters.completeNext();

        assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
        DeadLetter truncated = deadLettersSent().get(1);
        assertThat(truncated.payload()).hasSize(EnrichLoop.MAX_DEAD_LETTER_PAYLOAD);
        assertThat(truncated.key()).isEqualTo("key-0");
        assertThat(truncated.error()).startsWith("decode: ").contains("from nf.entries-0@0")
                .contains("payload truncated to 65536 of 200000 bytes");
        assertThat(committed()).isEqualTo(1L);
    }

    @Test
    void deadLetterRejectedEvenTruncatedIsSkippedRatherThanWedgingThePartition() throws Exception {
        deadLetters = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        add(0, "{broken".getBytes(StandardCharsets.UTF_8));

        CompletableFuture<Boolean> done = processInBackground(loop(WORDPRESS_PAGE, true), poll());
        await(() -> deadLetters.history().size() == 1);
        deadLetters.errorNext(new RecordTooLargeException("too large"));
        await(() -> deadLetters.history().size() == 2);
        deadLetters.errorNext(new RecordTooLargeException("still too large"));

        assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(committed()).isEqualTo(1L);
        assertThat(count(MeterNames.ENRICH_FAILED, "reason", "decode")).isEqualTo(1);
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage()).contains("skipping the record").contains("nf.entries-0@0");
        });
    }

    @Test
    void runConsumesCommitsAndStops() throws Exception {
        consumer.unsubscribe();
        EnrichLoop loop = loop(WORDPRESS_PAGE, true);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            add(0, entry("id-0", LINK));
            add(1, "garbage".getBytes(StandardCharsets.UTF_8));
        });

        Thread runner = Thread.ofPlatform().name("enrich-loop-test").start(loop::run);
        await(() -> committed() != null && committed() == 2L);

        assertThat(loop.ready()).isTrue();
        assertThat(consumer.subscription()).containsExactly(ENTRIES);
        assertThat(articles.history()).hasSize(1);
        assertThat(deadLetters.history()).hasSize(1);

        loop.stop();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(loop.ready()).isFalse();
    }
}
