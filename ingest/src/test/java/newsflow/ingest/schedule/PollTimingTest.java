package newsflow.ingest.schedule;

import newsflow.common.config.FeedConfig;
import newsflow.common.config.IngestConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class PollTimingTest {

    private static final IngestConfig CONFIG = new IngestConfig(Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(6), 500, 2000, 4, 2, Duration.ZERO);

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
        assertThat(PollTiming.backoff(6, base, max, 0.0)).isEqualTo(max);
        assertThat(PollTiming.backoff(1_000, base, max, 0.999)).isEqualTo(max);
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
            assertThat(d).isGreaterThanOrEqualTo(lowerBound.compareTo(Duration.ofHours(6)) < 0 ? lowerBound : Duration.ofHours(6));
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
}
