package newsflow.common.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Politeness per host: at most {@code concurrency} requests to one host in flight, their starts at least
 * {@code spacing} apart, and none at all while the host has asked us to back off (429/503 with Retry-After).
 * Many feeds and articles often live on one host (a publisher's sections, a blog platform): this keeps us a polite
 * client of the host, not only of each feed or page. Shared by ingest (feed polls, which reschedule themselves
 * with {@link #tryAcquire}) and enrich (article fetches, which wait in {@link #acquire}).
 */
public final class HostGate {

    /** How often a caller whose turn has come asks again while the host is at its concurrency limit. */
    static final Duration BUSY_RECHECK = Duration.ofMillis(100);

    /** Sleeps for the blocking {@link #acquire}; tests substitute one that moves their clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int concurrency;
    private final Duration spacing;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Host> hosts = new HashMap<>();

    private static final class Host {
        int inFlight;
        Instant nextStart = Instant.MIN;
        Instant blockedUntil = Instant.MIN;
    }

    public HostGate(int concurrency, Duration spacing, Clock clock) {
        this(concurrency, spacing, clock, d -> Thread.sleep(d.toMillis()));
    }

    HostGate(int concurrency, Duration spacing, Clock clock, Sleeper sleeper) {
        this.concurrency = Math.max(1, concurrency);
        this.spacing = spacing == null || spacing.isNegative() ? Duration.ZERO : spacing;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The answer to a request for a turn on a host: {@link #acquired()} (give the slot back with {@link #release}),
     * or wait {@code delay} and ask again with {@code slot}, the start time reserved for the caller.
     */
    public record Ticket(Duration delay, Instant slot) {
        public boolean acquired() {
            return delay.isZero();
        }
    }

    /**
     * Asks for a turn on {@code host}. A caller that has to wait gets a start time of its own, spaced from the
     * other waiters' and handed out in the order they asked, so every waiting request of a busy host gets its turn
     * instead of whoever happens to ask at the right moment.
     *
     * @param reserved the slot an earlier answer reserved for this caller, null on the first request
     */
    public synchronized Ticket tryAcquire(String host, Instant reserved) {
        Instant now = clock.instant();
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        Instant slot = reserved;
        if (slot == null || h.blockedUntil.isAfter(now) && h.blockedUntil.isAfter(slot)) {
            // a new turn: after the last one handed out, and not while the host asked us to wait
            slot = nextTurn(h, now);
            h.nextStart = slot.plus(spacing);
        }
        if (slot.isAfter(now)) {
            return new Ticket(Duration.between(now, slot), slot);
        }
        if (h.inFlight >= concurrency) {
            // its turn has come but the host is busy: keep the turn, ask again shortly (a request takes well under a second)
            return new Ticket(spacing.isZero() ? BUSY_RECHECK : spacing, slot);
        }
        h.inFlight++;
        return new Ticket(Duration.ZERO, slot);
    }

    /**
     * Waits for a turn on {@code host}, sleeping the calling thread, for at most about {@code maxWait}. Gives up
     * without reserving anything when the host's next free turn is further away than that (it asked us to back off
     * for longer, or too many requests wait already), so a caller that gives up costs the others nothing.
     *
     * @return true when the caller holds a turn (give it back with {@link #release}), false when it gave up
     * @throws InterruptedException when interrupted while waiting; no turn is held then
     */
    public boolean acquire(String host, Duration maxWait) throws InterruptedException {
        Instant deadline = clock.instant().plus(maxWait);
        Instant slot = null;
        while (true) {
            Ticket ticket;
            synchronized (this) {
                if (slot == null) {
                    Host h = hosts.get(host);
                    if (h != null && nextTurn(h, clock.instant()).isAfter(deadline)) {
                        return false;
                    }
                }
                ticket = tryAcquire(host, slot);
            }
            if (ticket.acquired()) {
                return true;
            }
            slot = ticket.slot();
            if (clock.instant().plus(ticket.delay()).isAfter(deadline)) {
                // the host stays at its concurrency limit, or asked us to back off, past the deadline
                return false;
            }
            sleeper.sleep(ticket.delay());
        }
    }

    private static Instant nextTurn(Host h, Instant now) {
        Instant max = now.isAfter(h.nextStart) ? now : h.nextStart;
        return max.isAfter(h.blockedUntil) ? max : h.blockedUntil;
    }

    public synchronized void release(String host) {
        Host h = hosts.get(host);
        if (h != null && h.inFlight > 0) {
            h.inFlight--;
        }
    }

    /** The host answered 429 or 503: no request to it before {@code until}. */
    public synchronized void throttle(String host, Instant until) {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        if (until.isAfter(h.blockedUntil)) {
            h.blockedUntil = until;
        }
    }

    /** The gate key of a URL: its host, lower-cased; the whole URL when it has none. */
    public static String hostOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
