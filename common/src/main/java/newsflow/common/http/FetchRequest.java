package newsflow.common.http;

import java.net.URI;
import java.util.Map;

/**
 * One request: a GET, or a POST of a form (WebSub subscriptions).
 *
 * @param uri          what to fetch
 * @param userAgent    User-Agent, null for the configured default
 * @param headers      extra request headers
 * @param etag         validator from the previous response, for conditional GET; null for none
 * @param lastModified validator from the previous response, for conditional GET; null for none
 * @param form         body of a POST, {@code application/x-www-form-urlencoded}; null for a GET
 */
public record FetchRequest(URI uri, String userAgent, Map<String, String> headers, String etag, String lastModified,
                           String form) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A GET. */
    public FetchRequest(URI uri, String userAgent, Map<String, String> headers, String etag, String lastModified) {
        this(uri, userAgent, headers, etag, lastModified, null);
    }

    public static FetchRequest get(String url) {
        return new FetchRequest(URI.create(url), null, Map.of(), null, null);
    }

    /** A POST of an encoded form; redirects are not followed for it. */
    public static FetchRequest postForm(URI uri, String encodedForm) {
        return new FetchRequest(uri, null, Map.of(), null, null, encodedForm);
    }

    boolean isPost() {
        return form != null;
    }
}
