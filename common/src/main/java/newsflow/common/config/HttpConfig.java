package newsflow.common.config;

import java.time.Duration;

/**
 * Settings of the one HTTP fetch layer used for feeds and pages.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    time allowed for the whole response
 * @param maxBytes       body size cap, after decompression
 * @param userAgent      default User-Agent
 * @param proxy          {@code host:port} of an HTTP proxy for every request; empty for the JVM's default
 *                       ({@code -Dhttps.proxyHost} and friends, else direct)
 */
public record HttpConfig(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent, String proxy) {

    public HttpConfig {
        proxy = proxy == null ? "" : proxy.strip();
    }

    /** Without a proxy of its own. */
    public HttpConfig(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent) {
        this(connectTimeout, readTimeout, maxBytes, userAgent, "");
    }
}
