package newsflow.ingest;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.HttpConfig;
import newsflow.common.config.IngestConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.fetch.FeedFetcher;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.parse.PushHub;
import newsflow.ingest.publish.EntryPublisher;
import newsflow.ingest.schedule.PollOutcome;
import newsflow.ingest.schedule.NetworkWatch;
import newsflow.ingest.schedule.PollTiming;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.FeedStateStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import static newsflow.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

/** One feed polled end to end: a real HTTP server, the real parser, Kafka's mock clients. */
class FeedPollerTest {

    private static final String ENTRIES = "t.entries";
    private static final String STATE = "t.feed-state";
    private static final IngestConfig CONFIG = new IngestConfig(Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(6), 100, 100, 2, 2, Duration.ZERO, Duration.ofHours(6), 30);

    /** What the test server answers; If-None-Match equal to {@link #etag} gets a 304. */
    private volatile byte[] body = feed("rss2-content-encoded.xml");
    private volatile String etag = "\"v1\"";
    private volatile int status = 200;
    private volatile boolean honourEtag = true;
    private volatile String retryAfter;
    private final java.util.concurrent.atomic.AtomicInteger oldAddressHits = new java.util.concurrent.atomic.AtomicInteger();

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HttpServer server;
    private HttpFetcher http;
    private FeedConfig feedConfig;

    /** A mock producer that records, in one list shared by both producers, what was sent where. */
    private final class RecordingProducer<V> extends MockProducer<String, V> {
        private final String name;

        RecordingProducer(String name, boolean autoComplete, Serializer<V> serializer) {
            super(autoComplete, null, new StringSerializer(), serializer);
            this.name = name;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, V> record) {
            events.add(name + ":" + record.key());
            return super.send(record);
        }
    }

    private RecordingProducer<byte[]> stateProducer;
    private final java.util.concurrent.CountDownLatch slowFeedCutOff = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger slowFeedRequests = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feeds/all.rss", exchange -> {
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (status != 200) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(status, -1);
            } else if (honourEtag && etag.equals(inm)) {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.createContext("/feeds/slow.rss", exchange -> {
            slowFeedRequests.incrementAndGet();
            // headers at once, then one byte a second
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 0; i < 3600; i++) {
                    Thread.sleep(1000);
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                slowFeedCutOff.countDown(); // the poller closed the connection
            }
        });
        server.createContext("/feeds/old-address.rss", exchange -> {
            oldAddressHits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/feeds/all.rss");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.start();
        // this test's server, and port 1 of the loopback network where nothing listens (hosts that are down)
        http = new HttpFetcher(new HttpConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20, "newsflow-test")
                .withAllowPrivate(List.of(
                        "127.0.0.1/32:" + server.getAddress().getPort(), "127.0.0.0/8:1")));
        feedConfig = new FeedConfig("http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/all.rss",
                "Gazette", null, null, Map.of());
        stateProducer = new RecordingProducer<>("state", true, new ByteArraySerializer());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        http.close();
    }

    private FeedStateStore store(List<ProducerRecord<String, byte[]>> previouslySaved) {
        FeedStateStore store = new FeedStateStore(() -> replay(previouslySaved), stateProducer, STATE, Duration.ofSeconds(5));
        store.restore();
        return store;
    }

    private static MockConsumer<String, byte[]> replay(List<ProducerRecord<String, byte[]>> saved) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        TopicPartition p = new TopicPartition(STATE, 0);
        consumer.updatePartitions(STATE, List.of(new PartitionInfo(STATE, 0, new Node(0, "h", 1), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(p, 0L));
        consumer.updateEndOffsets(Map.of(p, (long) saved.size()));
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < saved.size(); i++) {
                consumer.addRecord(new ConsumerRecord<>(STATE, 0, i, saved.get(i).key(), saved.get(i).value()));
            }
        });
        return consumer;
    }

    private FeedPoller poller(MockProducer<String, FeedEntry> entries, FeedStateStore store) {
        return poller(http, entries, store);
    }

    private FeedPoller poller(HttpFetcher http, MockProducer<String, FeedEntry> entries, FeedStateStore store) {
        return new FeedPoller(new FeedFetcher(http), new FeedParser(CONFIG.maxEntriesPerFeed()),
                new EntryPublisher(entries, ENTRIES, Duration.ofSeconds(2)), store, new PollTiming(CONFIG),
                CONFIG.rememberedIds(), new NetworkWatch(Clock.systemUTC()), (url, hub) -> { }, meters, Clock.systemUTC());
    }

    private RecordingProducer<FeedEntry> entriesProducer(boolean autoComplete) {
        return new RecordingProducer<>("entries", autoComplete, JsonCodec.FEED_ENTRY.serializer());
    }

    @Test
    void publishesNewEntriesBeforeSavingStateThenHonoursNotModified() {
        RecordingProducer<FeedEntry> entries = entriesProducer(true);
        FeedStateStore store = store(List.of());
        FeedPoller poller = poller(entries, store);

        PollOutcome first = poller.poll(feedConfig);

        assertThat(first.status()).isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(first.published()).isEqualTo(3);
        assertThat(entries.history()).extracting(r -> r.value().feedTitle()).containsOnly("Gazette");
        assertThat(entries.history()).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
        // every entry was sent (and, with auto-complete, acknowledged) before the state naming it
        assertThat(events).hasSize(4);
        assertThat(events.get(3)).isEqualTo("state:" + feedConfig.url());
        FeedState state = store.get(feedConfig.url());
        assertThat(state.etag()).isEqualTo("\"v1\"");
        assertThat(state.published()).hasSize(3);
        assertThat(state.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));

        PollOutcome second = poller.poll(feedConfig);

        assertThat(second.status()).isEqualTo(PollOutcome.Status.NOT_MODIFIED);
        assertThat(entries.history()).hasSize(3);
        assertThat(meters.counter(MeterNames.FEEDS_POLLED, "feed", feedConfig.url()).count()).isEqualTo(2.0);
        assertThat(meters.counter(MeterNames.ENTRIES_PUBLISHED, "feed", feedConfig.url()).count()).isEqualTo(3.0);
        assertThat(meters.get(MeterNames.INGEST_POLL_DURATION).timer().count()).as("every poll timed").isEqualTo(2);
    }

    @Test
    void afterARestartOnlyChangedEntriesArePublishedAgain() {
        FeedStateStore store = store(List.of());
        poller(entriesProducer(true), store).poll(feedConfig);
        List<ProducerRecord<String, byte[]>> saved = List.copyOf(stateProducer.history());

        // the server now ignores validators and one item's content changed
        honourEtag = false;
        body = new String(feed("rss2-content-encoded.xml"), StandardCharsets.UTF_8)
                .replace("Visitors may climb the tower again from Saturday.", "Visitors may climb the tower from Sunday.")
                .getBytes(StandardCharsets.UTF_8);
        RecordingProducer<FeedEntry> afterRestart = entriesProducer(true);
        PollOutcome outcome = poller(afterRestart, store(saved)).poll(feedConfig);

        assertThat(outcome.published()).isEqualTo(1);
        assertThat(outcome.skipped()).isEqualTo(2);
        assertThat(afterRestart.history()).extracting(r -> r.value().title()).containsExactly("Lighthouse reopens to visitors");
        assertThat(afterRestart.history().get(0).value().summary()).contains("from Sunday");
    }

    @Test
    void pollsThatChangeNothingAreNotWrittenYetARestartPublishesNothingAgain() {
        FeedStateStore store = store(List.of());
        FeedPoller poller = poller(entriesProducer(true), store);
        poller.poll(feedConfig);
        int written = stateProducer.history().size();
        FeedState firstState = store.get(feedConfig.url());

        PollOutcome notModified = poller.poll(feedConfig);
        honourEtag = false; // the same document again, downloaded in full
        PollOutcome sameDocument = poller.poll(feedConfig);

        assertThat(notModified.status()).isEqualTo(PollOutcome.Status.NOT_MODIFIED);
        assertThat(sameDocument.status()).as("byte for byte the document processed last").isEqualTo(PollOutcome.Status.NOT_MODIFIED);
        assertThat(sameDocument.published()).isZero();
        assertThat(stateProducer.history()).as("neither poll changed what a restart needs").hasSize(written);
        assertThat(store.get(feedConfig.url()).lastSuccess()).as("in memory, the latest poll")
                .isAfterOrEqualTo(firstState.lastSuccess());
        assertThat(meters.counter(MeterNames.FEEDS_POLLED, "feed", feedConfig.url()).count()).isEqualTo(3.0);

        RecordingProducer<FeedEntry> afterRestart = entriesProducer(true);
        PollOutcome outcome = poller(afterRestart, store(List.copyOf(stateProducer.history()))).poll(feedConfig);
        assertThat(outcome.status()).as("parsed again after a restart").isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(outcome.published()).isZero();
        assertThat(outcome.skipped()).isEqualTo(3);
        assertThat(afterRestart.history()).isEmpty();
    }

    @Test
    void aDocumentThatChangedByOneByteIsParsedAndItsChangedEntryPublished() {
        honourEtag = false;
        RecordingProducer<FeedEntry> entries = entriesProducer(true);
        FeedPoller poller = poller(entries, store(List.of()));
        assertThat(poller.poll(feedConfig).status()).isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(poller.poll(feedConfig).status()).isEqualTo(PollOutcome.Status.NOT_MODIFIED);

        body = new String(feed("rss2-content-encoded.xml"), StandardCharsets.UTF_8)
                .replace("Visitors may climb the tower again from Saturday.", "Visitors may climb the tower from Sunday.")
                .getBytes(StandardCharsets.UTF_8);
        PollOutcome changed = poller.poll(feedConfig);

        assertThat(changed.status()).isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(changed.published()).isEqualTo(1);
        assertThat(entries.history()).hasSize(4);
    }

    @Test
    void theSameDocumentIsParsedAgainWhenTheFeedsStateChangedSinceOrItsConfiguration() {
        honourEtag = false;
        FeedStateStore store = store(List.of());
        FeedPoller poller = poller(entriesProducer(true), store);
        poller.poll(feedConfig);

        status = 500;
        assertThat(poller.poll(feedConfig).status()).isEqualTo(PollOutcome.Status.FAILED);
        status = 200;
        PollOutcome afterFailure = poller.poll(feedConfig);
        assertThat(afterFailure.status()).as("the failure changed the state").isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(afterFailure.skipped()).isEqualTo(3);
        assertThat(store.get(feedConfig.url()).errorStreak()).isZero();

        FeedConfig renamed = new FeedConfig(feedConfig.url(), "Gazette (renamed)", null, null, Map.of());
        assertThat(poller.poll(renamed).status()).as("another configuration").isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(poller.poll(renamed).status()).isEqualTo(PollOutcome.Status.NOT_MODIFIED);
    }

    @Test
    void theSameDocumentStillAdvertisesItsHubSoTheSubscriptionIsRenewed() {
        honourEtag = false;
        body = feed("websub-rss.xml");
        List<PushHub> advertised = new CopyOnWriteArrayList<>();
        FeedPoller poller = new FeedPoller(new FeedFetcher(http), new FeedParser(CONFIG.maxEntriesPerFeed()),
                new EntryPublisher(entriesProducer(true), ENTRIES, Duration.ofSeconds(2)), store(List.of()),
                new PollTiming(CONFIG), CONFIG.rememberedIds(), new NetworkWatch(Clock.systemUTC()),
                (url, hub) -> advertised.add(hub), meters, Clock.systemUTC());

        poller.poll(feedConfig);
        assertThat(poller.poll(feedConfig).status()).isEqualTo(PollOutcome.Status.NOT_MODIFIED);

        assertThat(advertised).hasSize(2).doesNotContainNull();
        assertThat(advertised.get(1)).isEqualTo(advertised.get(0));
    }

    @Test
    void whenPublishingFailsTheEntriesAreNotRememberedAndTheNextPollSendsThemAgain() {
        RecordingProducer<FeedEntry> failing = entriesProducer(false);
        FeedStateStore store = store(List.of());
        Thread broker = new Thread(() -> {
            while (!failing.errorNext(new NotEnoughReplicasException("replicas down"))) {
                Thread.onSpinWait();
            }
        });
        broker.start();

        PollOutcome failed = poller(failing, store).poll(feedConfig);

        assertThat(failed.status()).isEqualTo(PollOutcome.Status.FAILED);
        assertThat(failed.failureReason()).isEqualTo("publish");
        assertThat(failed.error()).contains("replicas down");
        FeedState state = store.get(feedConfig.url());
        assertThat(state.published()).isEmpty();
        assertThat(state.etag()).isNull(); // a validator kept now would turn the retry into a 304
        assertThat(state.errorStreak()).isEqualTo(1);
        assertThat(meters.counter(MeterNames.FEEDS_FAILED, "feed", feedConfig.url(), "reason", "publish").count()).isEqualTo(1.0);

        RecordingProducer<FeedEntry> working = entriesProducer(true);
        PollOutcome retry = poller(working, store).poll(feedConfig);

        assertThat(retry.published()).isEqualTo(3);
        assertThat(store.get(feedConfig.url()).errorStreak()).isZero();
    }

    @Test
    void parseAndHttpFailuresAreCountedWithTheirReasonAndBackOff() {
        FeedStateStore store = store(List.of());
        FeedPoller poller = poller(entriesProducer(true), store);

        body = feed("two-roots.xml");
        PollOutcome parse = poller.poll(feedConfig);
        status = 500;
        PollOutcome http = poller.poll(feedConfig);

        assertThat(parse.failureReason()).isEqualTo("parse");
        assertThat(parse.error()).contains(feedConfig.url());
        assertThat(http.failureReason()).isEqualTo("http_status");
        assertThat(meters.counter(MeterNames.FEEDS_FAILED, "feed", feedConfig.url(), "reason", "parse").count()).isEqualTo(1.0);
        assertThat(meters.counter(MeterNames.FEEDS_FAILED, "feed", feedConfig.url(), "reason", "http_status").count()).isEqualTo(1.0);
        FeedState state = store.get(feedConfig.url());
        assertThat(state.errorStreak()).isEqualTo(2);
        assertThat(state.lastError()).contains("500");
        // second failure in a row: at least twice the 15 min interval
        assertThat(state.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
    }

    @Test
    void aThrottlingAnswerIsRetriedNoSoonerThanTheServerAsked() {
        FeedStateStore store = store(List.of());
        status = 429;
        retryAfter = "7200";

        PollOutcome outcome = poller(entriesProducer(true), store).poll(feedConfig);

        assertThat(outcome.failureReason()).isEqualTo(PollOutcome.THROTTLED);
        // the first failure's backoff would be about one 15 min interval; the server asked for two hours
        assertThat(outcome.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(119)));
        assertThat(store.get(feedConfig.url()).nextPollAt()).isEqualTo(outcome.nextPollAt());
    }

    @Test
    void aTrickledFeedIsCutOffAtTheDeadlineAndBacksOffAsAFailedPoll() throws Exception {
        FeedStateStore store = store(List.of());
        FeedConfig slow = new FeedConfig("http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/slow.rss",
                "Slow", null, null, Map.of());
        try (HttpFetcher deadline = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(60), 1 << 20,
                "newsflow-test").withTotalTimeout(Duration.ofSeconds(2))
                .allowingLoopbackPort(server.getAddress().getPort()))) {
            PollOutcome outcome = poller(deadline, entriesProducer(true), store).poll(slow);

            assertThat(outcome.failureReason()).isEqualTo("deadline");
            assertThat(store.get(slow.url()).errorStreak()).isEqualTo(1);
            assertThat(outcome.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(1)));
            assertThat(slowFeedCutOff.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void tricklingFeedsHoldEveryPollThreadNoLongerThanTheDeadline() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<FeedConfig> slow = List.of(new FeedConfig(base + "/feeds/slow.rss?a", "Slow A", null, null, Map.of()),
                new FeedConfig(base + "/feeds/slow.rss?b", "Slow B", null, null, Map.of()));
        java.util.concurrent.CountDownLatch goodPolled = new java.util.concurrent.CountDownLatch(1);
        try (HttpFetcher deadline = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(60), 1 << 20,
                "newsflow-test").withTotalTimeout(Duration.ofSeconds(2)).allowingLoopbackPort(server.getAddress().getPort()))) {
            FeedPoller poller = poller(deadline, entriesProducer(true), store(List.of()));
            newsflow.ingest.schedule.FeedPoll poll = feed -> {
                PollOutcome outcome = poller.poll(feed);
                if (feed.url().equals(feedConfig.url()) && outcome.failureReason() == null) {
                    goodPolled.countDown();
                }
                return outcome;
            };
            // two poll threads, both taken by the trickling feeds before the good feed is added
            try (var scheduler = new newsflow.ingest.schedule.PollScheduler(slow, poll,
                    new newsflow.ingest.schedule.PollTiming(CONFIG), url -> Instant.now(), 2, meters, Clock.systemUTC())) {
                scheduler.start();
                while (slowFeedRequests.get() < 2) {
                    Thread.sleep(20);
                }
                scheduler.put(feedConfig);
                scheduler.activate(List.of(feedConfig.url()));
                scheduler.pollSoon(feedConfig.url());

                assertThat(goodPolled.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void aFeedOnARefusedAddressFailsWithTheReason() {
        FeedStateStore store = store(List.of());
        FeedConfig internal = new FeedConfig("http://169.254.169.254/latest/meta-data/", "Metadata", null, null, Map.of());

        PollOutcome outcome = poller(entriesProducer(true), store).poll(internal);

        assertThat(outcome.failureReason()).isEqualTo("refused");
        assertThat(store.get(internal.url()).lastError()).contains("169.254.169.254", "link-local");
    }

    @Test
    void whenManyHostsAreUnreachableAtOnceFailuresDoNotCountAgainstTheFeeds() {
        FeedStateStore store = store(List.of());
        FeedPoller poller = poller(entriesProducer(true), store);
        List<FeedConfig> unreachable = java.util.stream.IntStream.rangeClosed(2, 7)
                .mapToObj(i -> new FeedConfig("http://127.0.0." + i + ":1/feed.xml", "Feed " + i, null, null, Map.of()))
                .toList();

        List<PollOutcome> outcomes = unreachable.stream().map(poller::poll).toList();

        // the first hosts down look like their own trouble; from the fifth on it is our network
        assertThat(outcomes.subList(0, 4)).extracting(PollOutcome::failureReason).containsOnly("connect");
        assertThat(outcomes.subList(4, 6)).extracting(PollOutcome::failureReason).containsOnly("network");
        assertThat(store.get(unreachable.get(5).url()).errorStreak()).isZero();
        assertThat(outcomes.get(5).nextPollAt()).isBefore(Instant.now().plus(Duration.ofMinutes(2)));

        // a host answering again ends the outage: failures count again
        poller.poll(feedConfig);
        assertThat(poller.poll(unreachable.get(0)).failureReason()).isEqualTo("connect");
    }

    @Test
    void aFeedThatMovedPermanentlyIsFetchedAtItsNewAddressFromThenOn() {
        FeedStateStore store = store(List.of());
        FeedPoller poller = poller(entriesProducer(true), store);
        FeedConfig moved = new FeedConfig(feedConfig.url().replace("all.rss", "old-address.rss"), "Gazette", null, null, Map.of());

        assertThat(poller.poll(moved).published()).isEqualTo(3);
        assertThat(store.get(moved.url()).movedTo()).isEqualTo(feedConfig.url());

        assertThat(poller.poll(moved).status()).isEqualTo(PollOutcome.Status.NOT_MODIFIED);
        assertThat(oldAddressHits.get()).isEqualTo(1);
    }
}
