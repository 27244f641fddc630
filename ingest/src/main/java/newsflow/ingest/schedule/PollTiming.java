package newsflow.ingest.schedule;

import newsflow.common.config.FeedConfig;
import newsflow.common.config.IngestConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When feeds are polled: each at its interval (never more often than the configured minimum), after failures
 * with exponential backoff, and with random jitter so feeds do not all fire at the same instant.
 */
public final class PollTiming {

    /** Backoff delays are stretched by up to this fraction, so feeds that failed together spread out. */
    static final double BACKOFF_JITTER = 0.25;
    /** First polls after start are spread over at most this long. */
    static final Duration FIRST_POLL_SPREAD = Duration.ofSeconds(10);
    /**
     * ... and over this much per feed below that: a handful of feeds has nothing to spread out, and an operator
     * who just added one should not wait seconds for its first poll.
     */
    static final Duration FIRST_POLL_SPREAD_PER_FEED = Duration.ofMillis(200);

    private final IngestConfig config;
    private final RandomGenerator random;

    public PollTiming(IngestConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    public PollTiming(IngestConfig config) {
        this(config, RandomGenerator.getDefault());
    }

    /** The feed's poll interval: its own, else the default, never below the minimum. */
    public Duration interval(FeedConfig feed) {
        Duration wanted = feed.interval() != null ? feed.interval() : config.defaultInterval();
        return wanted.compareTo(config.minInterval()) < 0 ? config.minInterval() : wanted;
    }

    /**
     * Wait after the {@code errorStreak}-th consecutive failure of the feed: starting at its interval (a failing
     * server is never asked more often than a healthy one) and doubling up to the configured maximum.
     */
    public Duration afterFailure(FeedConfig feed, int errorStreak) {
        Duration interval = interval(feed);
        Duration max = config.errorBackoffMax().compareTo(interval) < 0 ? interval : config.errorBackoffMax();
        return backoff(errorStreak, interval, max, random.nextDouble());
    }

    /**
     * Delay of a feed's first poll after start: when its saved state says it is due later, then; otherwise a
     * small random spread, wider the more feeds start together.
     *
     * @param feeds how many feeds are starting
     */
    public Duration firstPoll(Instant nextPollAt, Instant now, int feeds) {
        long window = Math.min(FIRST_POLL_SPREAD.toMillis(), FIRST_POLL_SPREAD_PER_FEED.toMillis() * Math.max(1, feeds));
        Duration spread = Duration.ofMillis((long) (random.nextDouble() * window));
        if (nextPollAt != null && nextPollAt.isAfter(now)) {
            Duration due = Duration.between(now, nextPollAt);
            return due.compareTo(spread) > 0 ? due : spread;
        }
        return spread;
    }

    /**
     * Exponential backoff with jitter: {@code base · 2^(streak-1)}, stretched by up to {@link #BACKOFF_JITTER}
     * by {@code unitRandom} ∈ [0, 1), and never longer than {@code max}.
     */
    static Duration backoff(int errorStreak, Duration base, Duration max, double unitRandom) {
        int exponent = Math.max(0, Math.min(errorStreak - 1, 30)); // 2^30 × any sane base exceeds any sane max
        double millis = base.toMillis() * Math.pow(2, exponent) * (1 + BACKOFF_JITTER * unitRandom);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /** Polls of one host's feeds in flight at once, at most. */
    int perHostConcurrency() {
        return config.perHostConcurrency();
    }

    /** Least time between the starts of two polls on one host. */
    Duration perHostDelay() {
        return config.perHostDelay();
    }
}
