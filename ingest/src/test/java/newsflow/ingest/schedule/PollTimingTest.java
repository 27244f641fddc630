package newsflow.ingest.schedule;

import newsflow.common.config.FeedConfig;
import newsflow.common.config.IngestConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import newsflow.ingest.parse.FeedHints;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class PollTimingTest {

    private static final IngestConfig CONFIG = new IngestConfig(Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(6), 500, 2000, 4, 2, Duration.ZERO, Duration.ofHours(6), 30);

    private static FeedConfig feed(Duration interval) {
        return new FeedConfig("https://f.example/rss", null, interval, null, Map.of());
    }

    @Test
    void backoffDoublesPerFailureStretchedByJitterAndCapped() {
        Duration base = Duration.ofMinutes(15);
        Duration max = Duration.ofHours(6);

        assertThat(PollTiming.backoff(1, base, max, 0.0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(PollTiming.backoff(2, base, max, 0.0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(PollTiming.backoff(3, base, max, 0.0)).isEqualTo(Duration.ofMinutes(60));
        assertThat(PollTiming.backoff(3, base, max, 0.999)).isBetween(Duration.ofMinutes(74), Duration.ofMinutes(75));
        assertThat(PollTiming.backoff(5, base, max, 0.5)).isEqualTo(Duration.ofHours(4).plusMinutes(30));
        // at the cap the jitter reaches down to 0.8 × max (common Backoff: the cap bounds the ceiling, then jitter)
        assertThat(PollTiming.backoff(6, base, max, 0.0)).isEqualTo(Duration.ofMinutes(288));
        assertThat(PollTiming.backoff(6, base, max, 1.0)).isEqualTo(max);
        assertThat(PollTiming.backoff(1_000, base, max, 0.999)).isBetween(Duration.ofMinutes(359), max);
    }

    @Test
    void intervalIsTheFeedsOwnElseTheDefaultButNeverBelowTheMinimum() {
        PollTiming timing = new PollTiming(CONFIG);

        assertThat(timing.interval(feed(null))).isEqualTo(Duration.ofMinutes(15));
        assertThat(timing.interval(feed(Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(timing.interval(feed(Duration.ofSeconds(5)))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failuresBackOffFromTheFeedsIntervalUpToTheMaximum() {
        PollTiming timing = new PollTiming(CONFIG, RandomGenerator.of("L64X128MixRandom"));
        Duration previousLowerBound = Duration.ZERO;
        for (int streak = 1; streak <= 12; streak++) {
            Duration d = timing.afterFailure(feed(Duration.ofMinutes(10)), streak);
            Duration lowerBound = Duration.ofMinutes(10).multipliedBy(1L << (streak - 1));
            assertThat(d).isLessThanOrEqualTo(Duration.ofHours(6));
            Duration jitteredCap = Duration.ofMinutes(288); // 0.8 × the maximum: jitter spreads feeds at the cap too
            assertThat(d).isGreaterThanOrEqualTo(lowerBound.compareTo(jitteredCap) < 0 ? lowerBound : jitteredCap);
            assertThat(lowerBound).isGreaterThan(previousLowerBound);
            previousLowerBound = lowerBound;
        }
    }

    @Test
    void firstPollIsSpreadOrWaitsForTheSavedDueTime() {
        PollTiming timing = new PollTiming(CONFIG, RandomGenerator.of("L64X128MixRandom"));
        Instant now = Instant.parse("2024-05-01T12:00:00Z");

        for (int i = 0; i < 50; i++) {
            assertThat(timing.firstPoll(null, now, 1_000)).isBetween(Duration.ZERO, PollTiming.FIRST_POLL_SPREAD);
            assertThat(timing.firstPoll(now.minusSeconds(600), now, 1_000)).isBetween(Duration.ZERO, PollTiming.FIRST_POLL_SPREAD);
            assertThat(timing.firstPoll(null, now, 4)).isBetween(Duration.ZERO, Duration.ofMillis(800));
        }
        assertThat(timing.firstPoll(now.plusSeconds(300), now, 4)).isEqualTo(Duration.ofSeconds(300));
    }

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static List<Instant> postedEvery(Duration gap, int items) {
        return java.util.stream.IntStream.range(0, items).mapToObj(i -> NOW.minus(gap.multipliedBy(i + 1))).toList();
    }

    @Test
    void theIntervalFollowsHowOftenTheFeedPostsWithinTheBounds() {
        PollTiming timing = new PollTiming(CONFIG);
        FeedConfig adaptive = feed(null);

        // posts every 40 min: polled every 20
        assertThat(timing.adaptedInterval(adaptive, FeedHints.NONE, postedEvery(Duration.ofMinutes(40), 10), NOW))
                .isEqualTo(Duration.ofMinutes(20));
        // posts every 30 s: never below the minimum of 1 min
        assertThat(timing.adaptedInterval(adaptive, FeedHints.NONE, postedEvery(Duration.ofSeconds(30), 10), NOW))
                .isEqualTo(Duration.ofMinutes(1));
        // posts weekly: never beyond the maximum of 6 h
        assertThat(timing.adaptedInterval(adaptive, FeedHints.NONE, postedEvery(Duration.ofDays(7), 10), NOW))
                .isEqualTo(Duration.ofHours(6));
        // too few dated items to tell: the default
        assertThat(timing.adaptedInterval(adaptive, FeedHints.NONE, postedEvery(Duration.ofMinutes(40), 2), NOW))
                .isEqualTo(Duration.ofMinutes(15));
        // an operator's interval wins over everything
        assertThat(timing.adaptedInterval(feed(Duration.ofMinutes(5)), FeedHints.NONE, postedEvery(Duration.ofDays(7), 10), NOW))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theFeedsTtlAndUpdatePeriodAreFloors() {
        PollTiming timing = new PollTiming(CONFIG);
        List<Instant> busy = postedEvery(Duration.ofMinutes(4), 10);

        assertThat(timing.adaptedInterval(feed(null), new FeedHints(Duration.ofMinutes(60), null, Set.of(), Set.of()), busy, NOW))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(timing.adaptedInterval(feed(null), new FeedHints(null, Duration.ofMinutes(30), Set.of(), Set.of()), busy, NOW))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void skipHoursAndSkipDaysPushTheNextPollToAnAllowedHour() {
        PollTiming timing = new PollTiming(CONFIG);
        FeedHints night = new FeedHints(null, null, Set.of(0, 1, 2, 3, 4, 5), Set.of());
        // 2026-11-24 is a Tuesday
        assertThat(timing.nextPoll(Instant.parse("2026-11-24T23:50:00Z"), Duration.ofMinutes(20), night))
                .isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
        FeedHints weekdaysOnly = new FeedHints(null, null, Set.of(), Set.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY));
        assertThat(timing.nextPoll(Instant.parse("2026-11-27T23:30:00Z"), Duration.ofHours(1), weekdaysOnly))
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(timing.nextPoll(NOW, Duration.ofMinutes(15), FeedHints.NONE)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void afterTheConfiguredFailureStreakAFeedIsDisabledAndTriedDaily() {
        PollTiming timing = new PollTiming(CONFIG);
        assertThat(timing.disabled(29)).isFalse();
        assertThat(timing.disabled(30)).isTrue();
        assertThat(timing.afterFailure(feed(null), 30)).isEqualTo(Duration.ofDays(1));
    }
}
