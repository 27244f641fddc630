package newsflow.common.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * A successful (2xx) or not-modified (304) response, body already decompressed.
 *
 * @param status       HTTP status
 * @param uri          the URI finally answered, after redirects
 * @param contentType  Content-Type header, null when absent
 * @param body         decoded body bytes, empty for 304
 * @param etag         ETag header, null when absent
 * @param lastModified Last-Modified header, null when absent
 * @param movedPermanentlyTo where the resource now lives when every redirect followed was permanent (301, 308);
 *                     null when there was none or any was temporary
 */
public record FetchResponse(int status, URI uri, String contentType, byte[] body, String etag, String lastModified,
                            URI movedPermanentlyTo) {

    /** A response reached without a permanent redirect. */
    public FetchResponse(int status, URI uri, String contentType, byte[] body, String etag, String lastModified) {
        this(status, uri, contentType, body, etag, lastModified, null);
    }

    public FetchResponse withMovedPermanentlyTo(URI newHome) {
        return new FetchResponse(status, uri, contentType, body, etag, lastModified, newHome);
    }

    public boolean notModified() {
        return status == 304;
    }

    /** The charset named in Content-Type, if any and if Java knows it. */
    public Optional<Charset> declaredCharset() {
        return ContentTypes.charset(contentType);
    }
}
