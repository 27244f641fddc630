package newsflow.common.http;

import java.io.IOException;
import java.net.URI;

/** A fetch that produced no usable response, with a {@link Kind} callers can count and act on. */
public final class FetchException extends IOException {

    public enum Kind { TIMEOUT, CONNECT, HTTP_STATUS, TOO_LARGE, BAD_ENCODING, PROTOCOL, INTERRUPTED }

    private final Kind kind;
    private final URI uri;
    private final int status;

    public FetchException(Kind kind, URI uri, int status, String message, Throwable cause) {
        super(kind + " fetching " + uri + ": " + message, cause);
        this.kind = kind;
        this.uri = uri;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public URI uri() {
        return uri;
    }

    /** HTTP status for {@link Kind#HTTP_STATUS}, otherwise 0. */
    public int status() {
        return status;
    }
}
