package newsflow.common.config;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the one HTTP fetch layer used for feeds, pages, robots.txt and WebSub hubs.
 *
 * @param connectTimeout TCP/TLS connect timeout (and the most a DNS lookup may take)
 * @param readTimeout    the longest wait for the response headers, and for each read of the body
 * @param totalTimeout   deadline of a whole fetch (every redirect, connect, headers and body): past it the
 *                       fetch is cancelled however the server trickles
 * @param maxBytes       body size cap, after decompression
 * @param userAgent      default User-Agent
 * @param proxy          {@code host:port} of an HTTP proxy for every request; empty for the JVM's default
 *                       ({@code -Dhttps.proxyHost} and friends, else direct)
 * @param allowPrivate   non-public addresses fetches may still reach: {@code CIDR} or {@code CIDR:port}
 *                       ({@code 10.0.0.0/8}, {@code 127.0.0.1/32:8085}); everything else non-public is refused
 */
public record HttpConfig(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBytes,
                         String userAgent, String proxy, List<String> allowPrivate) {

    /** When neither the configuration nor the constructor says. */
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(30);

    public HttpConfig {
        proxy = proxy == null ? "" : proxy.strip();
        totalTimeout = totalTimeout == null ? DEFAULT_TOTAL_TIMEOUT : totalTimeout;
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("http.totalTimeout must be positive, got " + totalTimeout);
        }
        allowPrivate = allowPrivate == null ? List.of() : List.copyOf(allowPrivate);
    }

    /** Without a proxy of its own, with the default total deadline and no private address allowed. */
    public HttpConfig(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent) {
        this(connectTimeout, readTimeout, DEFAULT_TOTAL_TIMEOUT, maxBytes, userAgent, "", List.of());
    }

    /** The same settings with another total deadline. */
    public HttpConfig withTotalTimeout(Duration total) {
        return new HttpConfig(connectTimeout, readTimeout, total, maxBytes, userAgent, proxy, allowPrivate);
    }

    /** The same settings allowing exactly these non-public addresses ({@code CIDR} or {@code CIDR:port}). */
    public HttpConfig withAllowPrivate(List<String> allowed) {
        return new HttpConfig(connectTimeout, readTimeout, totalTimeout, maxBytes, userAgent, proxy, allowed);
    }

    /** The same settings also allowing the one loopback port a local test or demo server listens on. */
    public HttpConfig allowingLoopbackPort(int port) {
        List<String> all = new java.util.ArrayList<>(allowPrivate);
        all.add("127.0.0.1/32:" + port);
        return withAllowPrivate(all);
    }
}
