package newsflow.ingest.schedule;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.IngestConfig;
import newsflow.common.metrics.MeterNames;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PollSchedulerTest {

    private static final IngestConfig CONFIG = new IngestConfig(Duration.ofMinutes(15), Duration.ofMillis(1),
            Duration.ofHours(6), 500, 2000, 2, 2, Duration.ZERO, Duration.ofHours(6), 30);

    private static FeedConfig feed(String url) {
        return new FeedConfig(url, null, null, null, Map.of());
    }

    @Test
    void pollAllOnceSumsOutcomesAndOneFeedThrowingDoesNotStopTheOthers() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FeedPoll poll = feed -> switch (feed.url()) {
            case "https://ok.example/rss" -> new PollOutcome(feed.url(), PollOutcome.Status.FETCHED, 3, 1, null, null, null);
            case "https://same.example/rss" -> new PollOutcome(feed.url(), PollOutcome.Status.NOT_MODIFIED, 0, 0, null, null, null);
            case "https://down.example/rss" -> PollOutcome.failure(feed.url(), "timeout", "no answer", null);
            default -> throw new IllegalStateException("bug in poller");
        };
        List<FeedConfig> feeds = List.of(feed("https://ok.example/rss"), feed("https://same.example/rss"),
                feed("https://down.example/rss"), feed("https://bug.example/rss"));
        try (PollScheduler scheduler = new PollScheduler(feeds, poll, new PollTiming(CONFIG), url -> null, 2, meters,
                Clock.systemUTC())) {
            PollSummary summary = scheduler.pollAllOnce();

            assertThat(summary.feedsPolled()).isEqualTo(2);
            assertThat(summary.feedsFailed()).isEqualTo(2);
            assertThat(summary.entriesPublished()).isEqualTo(3);
            assertThat(summary.entriesSkipped()).isEqualTo(1);
            assertThat(summary.outcomes()).extracting(PollOutcome::feedUrl).containsExactly("https://ok.example/rss",
                    "https://same.example/rss", "https://down.example/rss", "https://bug.example/rss");
            assertThat(summary.outcomes().get(3).failureReason()).isEqualTo("internal");
            assertThat(meters.counter(MeterNames.FEEDS_FAILED, "feed", "https://bug.example/rss", "reason", "internal")
                    .count()).isEqualTo(1.0);
        }
    }

    @Test
    void scheduledFeedsArePolledRepeatedlyAtTheTimeTheirOutcomeNames() throws Exception {
        Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        // each feed must come round at least three times: its first poll plus two rescheduled ones
        Map<String, CountDownLatch> enough = Map.of("https://up.example/rss", new CountDownLatch(3),
                "https://down.example/rss", new CountDownLatch(3));
        FeedPoll poll = feed -> {
            polls.computeIfAbsent(feed.url(), u -> new AtomicInteger()).incrementAndGet();
            enough.get(feed.url()).countDown();
            if (feed.url().contains("down")) {
                throw new IllegalStateException("always broken");
            }
            return new PollOutcome(feed.url(), PollOutcome.Status.FETCHED, 0, 0, null, null,
                    Instant.now().plusMillis(20));
        };
        // minInterval of 1 ms and a first-poll spread of at most 10 s: poll order is random, counts are not
        IngestConfig fast = new IngestConfig(Duration.ofMillis(20), Duration.ofMillis(1), Duration.ofMillis(50), 500, 2000, 2, 2, Duration.ZERO, Duration.ofHours(6), 30);
        try (PollScheduler scheduler = new PollScheduler(List.of(feed("https://up.example/rss"), feed("https://down.example/rss")),
                poll, new PollTiming(fast), url -> Instant.now(), 2, new SimpleMeterRegistry(), Clock.systemUTC())) {
            scheduler.start();
            assertThat(enough.get("https://up.example/rss").await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(enough.get("https://down.example/rss").await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(polls.get("https://up.example/rss").get()).isGreaterThanOrEqualTo(3);
        assertThat(polls.get("https://down.example/rss").get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aDeactivatedFeedIsNoLongerPolledAndItsPollInProgressFinishesFirst() throws Exception {
        CountDownLatch inPoll = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        FeedPoll poll = feed -> {
            polls.incrementAndGet();
            inPoll.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new PollOutcome(feed.url(), PollOutcome.Status.FETCHED, 0, 0, null, null, Instant.now());
        };
        IngestConfig fast = new IngestConfig(Duration.ofMillis(20), Duration.ofMillis(1), Duration.ofMillis(50), 500, 2000, 2, 2, Duration.ZERO, Duration.ofHours(6), 30);
        try (PollScheduler scheduler = new PollScheduler(List.of(feed("https://moving.example/rss")), poll,
                new PollTiming(fast), url -> null, 2, new SimpleMeterRegistry(), Clock.systemUTC())) {
            scheduler.activate(List.of("https://moving.example/rss"));
            assertThat(inPoll.await(30, TimeUnit.SECONDS)).isTrue();

            Thread releaser = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    // released below anyway
                }
                release.countDown();
            });
            scheduler.deactivate(List.of("https://moving.example/rss")); // returns only once the poll has finished
            assertThat(release.getCount()).isZero();
            releaser.join();

            int atHandOver = polls.get();
            Thread.sleep(300); // many intervals of 20 ms: an active feed would have been polled again
            assertThat(polls.get()).isEqualTo(atHandOver);
        }
    }
}
