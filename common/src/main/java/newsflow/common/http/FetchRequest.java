package newsflow.common.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request: a GET, or a POST of a body (a WebSub subscription form, an alert's JSON to a webhook).
 *
 * @param uri          what to fetch
 * @param userAgent    User-Agent, null for the configured default
 * @param headers      extra request headers
 * @param etag         validator from the previous response, for conditional GET; null for none
 * @param lastModified validator from the previous response, for conditional GET; null for none
 * @param body         what a POST sends; null for a GET
 */
public record FetchRequest(URI uri, String userAgent, Map<String, String> headers, String etag, String lastModified,
                           Body body) {

    /** What a POST sends, and its {@code Content-Type}. */
    public record Body(String contentType, byte[] bytes) {
        public Body {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

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
        return new FetchRequest(uri, null, Map.of(), null, null,
                new Body("application/x-www-form-urlencoded; charset=UTF-8", encodedForm.getBytes(StandardCharsets.UTF_8)));
    }

    /** A POST of a JSON document with extra headers (a signature); redirects are not followed for it. */
    public static FetchRequest postJson(URI uri, byte[] json, Map<String, String> headers) {
        return new FetchRequest(uri, null, headers, null, null, new Body("application/json; charset=utf-8", json));
    }

    boolean isPost() {
        return body != null;
    }
}
