package newsflow.ingest.schedule;

import newsflow.common.config.FeedConfig;
import newsflow.common.config.IngestConfig;
import newsflow.common.retry.Backoff;
import newsflow.ingest.parse.FeedHints;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When feeds are polled: each at its interval (never more often than the configured minimum), after failures
 * with exponential backoff, and with random jitter so feeds do not all fire at the same instant.
 */
public final class PollTiming {

    /**
     * Backoff delays vary by this fraction of their ceiling, so feeds that failed together spread out; the rest is a
     * floor of {@code interval·2ⁿ⁻¹}, so a failing feed is never polled more often than a healthy one.
     */
    static final double BACKOFF_JITTER = 0.2;
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

    /** Items compared to estimate how often a feed posts. */
    static final int POSTING_SAMPLE = 20;
    /** How often a disabled feed is still tried, so one that recovers comes back by itself. */
    static final Duration DISABLED_PROBE = Duration.ofDays(1);

    /**
     * The interval after a successful fetch. The operator's interval for the feed when it sets one; otherwise
     * adapted to how often the feed posts: half the median gap between its recent items, so a new item waits
     * about half a typical gap, and the default when it has too few dated items to tell. Never sooner than the
     * feed's own {@code ttl} or {@code sy:updatePeriod} allow, and within the configured minimum and maximum.
     *
     * @param itemDates published dates of the items in the document just fetched (any order, nulls ignored)
     */
    public Duration adaptedInterval(FeedConfig feed, FeedHints hints, List<Instant> itemDates, Instant now) {
        if (feed.interval() != null) {
            return interval(feed);
        }
        Duration wanted = postingGap(itemDates, now).map(gap -> gap.dividedBy(2)).orElse(config.defaultInterval());
        for (Duration floor : new Duration[]{hints.ttl(), hints.updatePeriod()}) {
            if (floor != null && floor.compareTo(wanted) > 0) {
                wanted = floor;
            }
        }
        Duration max = config.maxInterval().compareTo(config.minInterval()) < 0 ? config.minInterval() : config.maxInterval();
        if (wanted.compareTo(config.minInterval()) < 0) {
            return config.minInterval();
        }
        return wanted.compareTo(max) > 0 ? max : wanted;
    }

    /** Median gap between consecutive recent items, when at least three are dated and not in the future. */
    static Optional<Duration> postingGap(List<Instant> itemDates, Instant now) {
        List<Instant> dates = itemDates.stream().filter(Objects::nonNull).filter(d -> !d.isAfter(now))
                .sorted(Comparator.reverseOrder()).limit(POSTING_SAMPLE).toList();
        if (dates.size() < 3) {
            return Optional.empty();
        }
        List<Duration> gaps = new ArrayList<>(dates.size() - 1);
        for (int i = 1; i < dates.size(); i++) {
            gaps.add(Duration.between(dates.get(i), dates.get(i - 1)));
        }
        gaps.sort(Comparator.naturalOrder());
        return Optional.of(gaps.get(gaps.size() / 2));
    }

    /**
     * {@code from + interval}, moved on to the next hour the feed does not ask us to skip ({@code skipHours},
     * {@code skipDays}, both in GMT).
     */
    public Instant nextPoll(Instant from, Duration interval, FeedHints hints) {
        Instant next = from.plus(interval);
        for (int i = 0; i < 24 * 7 && skipped(next, hints); i++) {
            next = next.atZone(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.HOURS).toInstant();
        }
        return next;
    }

    private static boolean skipped(Instant t, FeedHints hints) {
        var gmt = t.atZone(ZoneOffset.UTC);
        return hints.skipHours().contains(gmt.getHour()) || hints.skipDays().contains(gmt.getDayOfWeek());
    }

    /** After this many consecutive failures a feed counts as disabled. */
    public boolean disabled(int errorStreak) {
        return config.disableAfterFailures() > 0 && errorStreak >= config.disableAfterFailures();
    }

    /**
     * Wait after the {@code errorStreak}-th consecutive failure of the feed: starting at its interval (a failing
     * server is never asked more often than a healthy one) and doubling up to the configured maximum; once the
     * feed counts as {@link #disabled disabled}, a day.
     */
    public Duration afterFailure(FeedConfig feed, int errorStreak) {
        if (disabled(errorStreak)) {
            return DISABLED_PROBE;
        }
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
     * Exponential backoff with jitter ({@link Backoff}): at least {@code base · 2^(streak-1)}, stretched by up to a
     * quarter by {@code unitRandom} ∈ [0, 1], and never longer than {@code max} (near the cap the jitter reaches
     * below the floor, down to {@code 0.8·max}, so feeds that have failed for long spread out too).
     */
    static Duration backoff(int errorStreak, Duration base, Duration max, double unitRandom) {
        Duration ceiling = Duration.ofMillis(Math.round(base.toMillis() / (1 - BACKOFF_JITTER)));
        if (max.compareTo(ceiling) < 0) {
            return max;
        }
        return new Backoff(ceiling, max, BACKOFF_JITTER).delay(Math.max(1, errorStreak), unitRandom);
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
