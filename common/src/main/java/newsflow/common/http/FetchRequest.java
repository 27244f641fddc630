package newsflow.common.http;

import java.net.URI;
import java.util.Map;

/**
 * One GET request.
 *
 * @param uri          what to fetch
 * @param userAgent    User-Agent, null for the configured default
 * @param headers      extra request headers
 * @param etag         validator from the previous response, for conditional GET; null for none
 * @param lastModified validator from the previous response, for conditional GET; null for none
 */
public record FetchRequest(URI uri, String userAgent, Map<String, String> headers, String etag, String lastModified) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static FetchRequest get(String url) {
        return new FetchRequest(URI.create(url), null, Map.of(), null, null);
    }
}
