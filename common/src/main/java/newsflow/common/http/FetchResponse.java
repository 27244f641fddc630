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
 */
public record FetchResponse(int status, URI uri, String contentType, byte[] body, String etag, String lastModified) {

    public boolean notModified() {
        return status == 304;
    }

    /** The charset named in Content-Type, if any and if Java knows it. */
    public Optional<Charset> declaredCharset() {
        return ContentTypes.charset(contentType);
    }
}
