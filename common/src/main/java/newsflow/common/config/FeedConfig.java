package newsflow.common.config;

import java.time.Duration;
import java.util.Map;

/**
 * One feed an operator subscribed to.
 *
 * @param url       feed URL
 * @param name      display name, used as the article's source; defaults to the feed's own title
 * @param interval  poll interval; null means the ingest default
 * @param userAgent user agent for this feed; null means the HTTP default
 * @param headers   extra request headers (for example Authorization)
 */
public record FeedConfig(String url, String name, Duration interval, String userAgent, Map<String, String> headers) {

    public FeedConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a feed needs a url");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
