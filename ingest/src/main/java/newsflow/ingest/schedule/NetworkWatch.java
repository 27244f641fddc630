package newsflow.ingest.schedule;

import newsflow.common.http.HostGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a network outage from failing feeds: when polls of many different hosts fail to connect or time out
 * within a short window and none succeeds, the problem is ours (network, DNS, proxy), not theirs, and those
 * failures must not push every feed into a long backoff or towards being disabled.
 */
public final class NetworkWatch {

    private static final Logger log = LoggerFactory.getLogger(NetworkWatch.class);

    /** How far back failures and successes count. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Distinct unreachable hosts, with no success at all, that make an outage. */
    static final int HOSTS_FOR_OUTAGE = 5;
    /** How soon a feed that failed during an outage is tried again. */
    public static final Duration RETRY_DURING_OUTAGE = Duration.ofMinutes(1);

    private record Failure(String host, Instant at) {
    }

    private final Clock clock;
    private final Deque<Failure> failures = new ArrayDeque<>();
    private Instant lastSuccess = Instant.MIN;
    private boolean down;

    public NetworkWatch(Clock clock) {
        this.clock = clock;
    }

    /** A poll reached its host (any HTTP answer counts: the network works). */
    public synchronized void reached() {
        lastSuccess = clock.instant();
        if (down) {
            down = false;
            log.info("network is back: hosts answer again");
        }
    }

    /**
     * A poll of {@code feedUrl} could not reach its host (connect failure or timeout).
     *
     * @return true when this looks like our own network being down rather than the host
     */
    public synchronized boolean unreachable(String feedUrl) {
        String host = HostGate.hostOf(feedUrl);
        Instant now = clock.instant();
        failures.addLast(new Failure(host, now));
        Instant since = now.minus(WINDOW);
        while (!failures.isEmpty() && failures.peekFirst().at().isBefore(since)) {
            failures.removeFirst();
        }
        Set<String> hosts = new HashSet<>();
        failures.forEach(f -> hosts.add(f.host()));
        boolean outage = hosts.size() >= HOSTS_FOR_OUTAGE && lastSuccess.isBefore(since);
        if (outage && !down) {
            log.warn("network appears down: {} hosts unreachable in the last {} s and none reached; feed failures "
                    + "are not counted against the feeds until it is back", hosts.size(), WINDOW.toSeconds());
        }
        down = outage;
        return outage;
    }
}
