package newsflow.common.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A fetch that produced no usable response, with a {@link Kind} callers can count and act on. */
public final class FetchException extends IOException {

    /**
     * {@code DEADLINE}: the whole fetch took longer than {@code http.totalTimeout} and was cancelled;
     * {@code REFUSED}: the SSRF guard refused the address (not public, not in {@code http.allowPrivate}).
     */
    public enum Kind { TIMEOUT, CONNECT, HTTP_STATUS, TOO_LARGE, BAD_ENCODING, PROTOCOL, INTERRUPTED, DEADLINE, REFUSED }

    private final Kind kind;
    private final URI uri;
    private final int status;
    private final Duration retryAfter;

    public FetchException(Kind kind, URI uri, int status, String message, Throwable cause) {
        this(kind, uri, status, message, cause, null);
    }

    /** @param retryAfter how long the server asked us to wait (its {@code Retry-After}), null when it did not say */
    public FetchException(Kind kind, URI uri, int status, String message, Throwable cause, Duration retryAfter) {
        super(kind + " fetching " + uri + ": " + message, cause);
        this.kind = kind;
        this.uri = uri;
        this.status = status;
        this.retryAfter = retryAfter;
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

    /** The server's {@code Retry-After} (with 429 and 503 answers), if it sent a usable one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The server said it is overloaded or we ask too often (429, 503): slow down for the whole host. */
    public boolean isThrottling() {
        return kind == Kind.HTTP_STATUS && (status == 429 || status == 503);
    }
}
