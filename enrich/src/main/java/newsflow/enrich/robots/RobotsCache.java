package newsflow.enrich.robots;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.FetchResponse;
import newsflow.common.http.HttpFetcher;
import newsflow.common.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a site's robots.txt lets us fetch a page, one robots.txt per scheme, host and port, kept for a day.
 * As RFC 9309 says: a robots.txt that is missing or refused (4xx) allows everything; one that cannot be had (5xx,
 * timeout, deadline, unreachable) disallows everything for a while, since the site may be struggling. That while
 * starts short and grows with each consecutive failure ({@link #RETRY}: about 1, 2, 4 … up to 30 minutes), so one
 * slow answer does not keep a whole site's pages from being fetched for long, and a site that stays down is asked
 * rarely. Each failed fetch is counted in {@value #UNAVAILABLE_METER}, tagged with the failure's kind.
 */
public final class RobotsCache {

    private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);
    static final Duration KEEP = Duration.ofHours(24);
    /** How long a site refused by the address guard keeps its (allow-all) entry: its pages are refused anyway. */
    static final Duration KEEP_REFUSED = Duration.ofMinutes(30);
    /** Waits before asking again for a robots.txt that could not be had: 1 min doubling up to 30 min, 20 % jitter. */
    static final Backoff RETRY = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 0.2);
    static final String UNAVAILABLE_METER = "newsflow.enrich.robots.unavailable";
    private static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new RobotsRules.Rule("/", false)));

    private final HttpFetcher http;
    private final String userAgent;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Backoff retry;
    private final Map<String, Entry> bySite = new ConcurrentHashMap<>();

    /** @param failures consecutive failures to get the site's robots.txt, 0 once it was had */
    private record Entry(RobotsRules rules, Instant until, int failures) {
    }

    public RobotsCache(HttpFetcher http, String userAgent, MeterRegistry meters, Clock clock) {
        this(http, userAgent, meters, clock, RETRY);
    }

    RobotsCache(HttpFetcher http, String userAgent, MeterRegistry meters, Clock clock, Backoff retry) {
        this.http = http;
        this.userAgent = userAgent;
        this.meters = meters;
        this.clock = clock;
        this.retry = retry;
    }

    /** True when the page may be fetched. */
    public boolean allows(URI page) {
        String site = page.getScheme().toLowerCase(Locale.ROOT) + "://" + page.getRawAuthority().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Entry entry = bySite.get(site);
        if (entry == null || !now.isBefore(entry.until())) {
            entry = load(site, now, entry == null ? 0 : entry.failures());
            bySite.put(site, entry);
        }
        String path = (page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath())
                + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
        boolean allowed = entry.rules().allows(path);
        if (!allowed) {
            meters.counter("newsflow.enrich.robots.disallowed").increment();
        }
        return allowed;
    }

    private Entry load(String site, Instant now, int failuresSoFar) {
        try {
            FetchResponse response = http.fetch(new FetchRequest(URI.create(site + "/robots.txt"), userAgent, Map.of(), null, null));
            return new Entry(RobotsRules.parse(new String(response.body(), StandardCharsets.UTF_8), userAgent), now.plus(KEEP), 0);
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.HTTP_STATUS && e.status() >= 400 && e.status() < 500) {
                return new Entry(RobotsRules.ALLOW_ALL, now.plus(KEEP), 0);
            }
            if (e.kind() == FetchException.Kind.REFUSED) {
                // the guard refuses the site's pages as it refused its robots.txt, and says so as their reason
                return new Entry(RobotsRules.ALLOW_ALL, now.plus(KEEP_REFUSED), 0);
            }
            if (e.kind() == FetchException.Kind.TOO_LARGE || e.kind() == FetchException.Kind.BAD_ENCODING) {
                return new Entry(RobotsRules.ALLOW_ALL, now.plus(KEEP), 0); // unreadable rules are no rules
            }
            if (e.kind() == FetchException.Kind.INTERRUPTED) {
                // our page work was cancelled, the site did nothing wrong: not a failure, asked again next time
                return new Entry(DISALLOW_ALL, now, failuresSoFar);
            }
            int failures = failuresSoFar + 1;
            Duration wait = retry.delay(failures);
            meters.counter(UNAVAILABLE_METER, "kind", e.kind().name().toLowerCase(Locale.ROOT)).increment();
            log.warn("robots.txt of {} unavailable ({}; failure {} in a row): its pages are not fetched for {} s",
                    site, e.getMessage(), failures, wait.toSeconds());
            return new Entry(DISALLOW_ALL, now.plus(wait), failures);
        }
    }
}
