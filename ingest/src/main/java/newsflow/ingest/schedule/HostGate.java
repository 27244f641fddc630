package newsflow.ingest.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Politeness per host: at most {@code concurrency} polls of one host's feeds in flight, their starts at least
 * {@code spacing} apart, and none at all while the host has asked us to back off (429/503 with Retry-After).
 * Many feeds often live on one host (a publisher's sections, a blog platform): this keeps us a polite client of
 * the host, not only of each feed.
 */
final class HostGate {

    private final int concurrency;
    private final Duration spacing;
    private final Clock clock;
    private final Map<String, Host> hosts = new HashMap<>();

    private static final class Host {
        int inFlight;
        Instant nextStart = Instant.MIN;
        Instant blockedUntil = Instant.MIN;
    }

    HostGate(int concurrency, Duration spacing, Clock clock) {
        this.concurrency = Math.max(1, concurrency);
        this.spacing = spacing == null || spacing.isNegative() ? Duration.ZERO : spacing;
        this.clock = clock;
    }

    /**
     * Takes a slot for one poll on {@code host} when allowed now ({@link Duration#ZERO}; give it back with
     * {@link #release}); otherwise how long to wait before asking again.
     */
    synchronized Duration tryAcquire(String host) {
        Instant now = clock.instant();
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        Instant allowed = h.blockedUntil.isAfter(h.nextStart) ? h.blockedUntil : h.nextStart;
        if (allowed.isAfter(now)) {
            return Duration.between(now, allowed);
        }
        if (h.inFlight >= concurrency) {
            // a poll usually takes well under a second; ask again soon rather than track every waiter
            return spacing.isZero() ? Duration.ofMillis(100) : spacing;
        }
        h.inFlight++;
        h.nextStart = now.plus(spacing);
        return Duration.ZERO;
    }

    synchronized void release(String host) {
        Host h = hosts.get(host);
        if (h != null && h.inFlight > 0) {
            h.inFlight--;
        }
    }

    /** The host answered 429 or 503: no poll of any of its feeds before {@code until}. */
    synchronized void throttle(String host, Instant until) {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        if (until.isAfter(h.blockedUntil)) {
            h.blockedUntil = until;
        }
    }

    /** The gate key of a feed: its host, lower-cased; the whole URL when it has none. */
    static String hostOf(String feedUrl) {
        try {
            String host = URI.create(feedUrl.strip()).getHost();
            return host == null ? feedUrl : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return feedUrl;
        }
    }
}
