package newsflow.enrich.robots;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.FetchResponse;
import newsflow.common.http.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a site's robots.txt lets us fetch a page, one robots.txt per scheme, host and port, kept for a day.
 * As RFC 9309 says: a robots.txt that is missing or refused (4xx) allows everything; one that cannot be had (5xx,
 * timeout, unreachable) disallows everything for a while, since the site may be struggling.
 */
public final class RobotsCache {

    private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);
    static final Duration KEEP = Duration.ofHours(24);
    static final Duration KEEP_UNREACHABLE = Duration.ofMinutes(30);

    private final HttpFetcher http;
    private final String userAgent;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Entry> bySite = new ConcurrentHashMap<>();

    private record Entry(RobotsRules rules, Instant until) {
    }

    public RobotsCache(HttpFetcher http, String userAgent, MeterRegistry meters, Clock clock) {
        this.http = http;
        this.userAgent = userAgent;
        this.meters = meters;
        this.clock = clock;
    }

    /** True when the page may be fetched. */
    public boolean allows(URI page) {
        String site = page.getScheme().toLowerCase(Locale.ROOT) + "://" + page.getRawAuthority().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Entry entry = bySite.get(site);
        if (entry == null || entry.until().isBefore(now)) {
            entry = load(site, now);
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

    private Entry load(String site, Instant now) {
        try {
            FetchResponse response = http.fetch(new FetchRequest(URI.create(site + "/robots.txt"), userAgent, Map.of(), null, null));
            return new Entry(RobotsRules.parse(new String(response.body(), StandardCharsets.UTF_8), userAgent), now.plus(KEEP));
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.HTTP_STATUS && e.status() >= 400 && e.status() < 500) {
                return new Entry(RobotsRules.ALLOW_ALL, now.plus(KEEP));
            }
            if (e.kind() == FetchException.Kind.REFUSED) {
                // the guard refuses the site's pages as it refused its robots.txt, and says so as their reason
                return new Entry(RobotsRules.ALLOW_ALL, now.plus(KEEP_UNREACHABLE));
            }
            if (e.kind() == FetchException.Kind.TOO_LARGE || e.kind() == FetchException.Kind.BAD_ENCODING) {
                return new Entry(RobotsRules.ALLOW_ALL, now.plus(KEEP)); // unreadable rules are no rules
            }
            log.warn("robots.txt of {} unavailable ({}): its pages are not fetched for {} min", site, e.getMessage(),
                    KEEP_UNREACHABLE.toMinutes());
            return new Entry(new RobotsRules(java.util.List.of(new RobotsRules.Rule("/", false))), now.plus(KEEP_UNREACHABLE));
        }
    }
}
