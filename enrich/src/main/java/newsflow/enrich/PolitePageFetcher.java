package newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.FetchResponse;
import newsflow.common.http.HostGate;
import newsflow.common.http.HttpFetcher;
import newsflow.common.metrics.MeterNames;
import newsflow.enrich.robots.RobotsCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Article page fetches as enrich makes them: only where robots.txt allows, one host at a time as politely as
 * ingest polls feeds (the shared {@link HostGate}: {@code enrich.perHostConcurrency} in flight, starts
 * {@code enrich.perHostDelay} apart, nothing while a host's Retry-After lasts), and at most
 * {@code enrich.concurrency} fetches in flight in all.
 *
 * <p>A caller waits for its host's turn <em>before</em> taking one of the {@code concurrency} fetch permits, so
 * articles of a busy host wait without holding up the articles of other hosts in the same batch. A turn further
 * away than {@link #MAX_TURN_WAIT} is not waited for ({@link PageFetcher.HostBusy}): the article is then built
 * from the feed, which keeps a batch well inside the consumer's poll interval even when a host asked us to stay
 * away for an hour.
 */
final class PolitePageFetcher implements PageFetcher {

    private static final Logger log = LoggerFactory.getLogger(PolitePageFetcher.class);
    /** Longest wait for a host's turn. */
    static final Duration MAX_TURN_WAIT = Duration.ofSeconds(30);
    /** How long a host that answered 429 or 503 without a usable Retry-After is left alone. */
    static final Duration THROTTLE_WITHOUT_RETRY_AFTER = Duration.ofMinutes(1);
    private static final Map<String, String> PAGE_HEADERS =
            Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");

    private final HttpFetcher http;
    private final RobotsCache robots;
    private final HostGate hosts;
    private final Semaphore fetches;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration maxTurnWait;

    /**
     * @param robots      null: robots.txt is not consulted
     * @param concurrency fetches in flight at once, over all hosts
     */
    PolitePageFetcher(HttpFetcher http, RobotsCache robots, HostGate hosts, int concurrency, MeterRegistry meters,
                      Clock clock, Duration maxTurnWait) {
        this.http = http;
        this.robots = robots;
        this.hosts = hosts;
        this.fetches = new Semaphore(Math.max(1, concurrency), true);
        this.meters = meters;
        this.clock = clock;
        this.maxTurnWait = maxTurnWait;
    }

    @Override
    public FetchResponse fetch(String url) throws FetchException {
        URI page = URI.create(url);
        if (robots != null && !robots.allows(page)) {
            throw new Disallowed(url);
        }
        String host = HostGate.hostOf(url);
        try {
            if (!hosts.acquire(host, maxTurnWait)) {
                meters.counter(MeterNames.PAGES_DEFERRED).increment();
                throw new HostBusy(url, maxTurnWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, page, 0, "interrupted waiting for the host's turn", e);
        }
        try {
            fetches.acquire();
            try {
                return http.fetch(new FetchRequest(page, null, PAGE_HEADERS, null, null));
            } finally {
                fetches.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, page, 0, "interrupted waiting to fetch", e);
        } catch (FetchException e) {
            if (e.isThrottling()) {
                Duration wait = e.retryAfter().orElse(THROTTLE_WITHOUT_RETRY_AFTER);
                hosts.throttle(host, clock.instant().plus(wait));
                log.info("{} answered HTTP {} for {}: no page fetches from it for {} s", host, e.status(), url, wait.toSeconds());
            }
            throw e;
        } finally {
            hosts.release(host);
        }
    }
}
