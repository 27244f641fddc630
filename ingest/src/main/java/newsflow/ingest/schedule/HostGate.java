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
     * The answer to a request for a poll on a host: {@link #acquired()} (give the slot back with {@link #release}),
     * or wait {@code delay} and ask again with {@code slot}, the start time reserved for the caller.
     */
    record Ticket(Duration delay, Instant slot) {
        boolean acquired() {
            return delay.isZero();
        }
    }

    /**
     * Asks for a poll on {@code host}. A caller that has to wait gets a start time of its own, spaced from the
     * other waiters' and handed out in the order they asked, so every due feed of a busy host gets its turn
     * instead of whoever happens to ask at the right moment.
     *
     * @param reserved the slot an earlier answer reserved for this caller, null on the first request
     */
    synchronized Ticket tryAcquire(String host, Instant reserved) {
        Instant now = clock.instant();
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        Instant slot = reserved;
        if (slot == null || h.blockedUntil.isAfter(now) && h.blockedUntil.isAfter(slot)) {
            // a new turn: after the last one handed out, and not while the host asked us to wait
            slot = latest(now, h.nextStart, h.blockedUntil);
            h.nextStart = slot.plus(spacing);
        }
        if (slot.isAfter(now)) {
            return new Ticket(Duration.between(now, slot), slot);
        }
        if (h.inFlight >= concurrency) {
            // its turn has come but the host is busy: keep the turn, ask again shortly (a poll takes well under a second)
            return new Ticket(spacing.isZero() ? Duration.ofMillis(100) : spacing, slot);
        }
        h.inFlight++;
        return new Ticket(Duration.ZERO, slot);
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
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
