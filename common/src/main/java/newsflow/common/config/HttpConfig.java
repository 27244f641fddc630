package newsflow.common.config;

import java.time.Duration;

/**
 * Settings of the one HTTP fetch layer used for feeds and pages.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    time allowed for the whole response
 * @param maxBytes       body size cap, after decompression
 * @param userAgent      default User-Agent
 */
public record HttpConfig(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent) {
}
