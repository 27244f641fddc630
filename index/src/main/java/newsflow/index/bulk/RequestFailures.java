package newsflow.index.bulk;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

import java.io.IOException;

/** Decides whether a whole request that failed is worth sending again as it is. */
public final class RequestFailures {

    private RequestFailures() {
    }

    /**
     * Whether to send the same request again after a pause. Everything is retried except answers that blame the
     * request's content (400 bad request, 413 too large): no connection, timeouts, 429 and 5xx, but also 401/403
     * and missing indices, because those are fixed on the cluster and every document would fail alike, so
     * dead-lettering would only empty the topic into the dead-letter topic.
     */
    public static boolean retryable(Exception e) {
        int status;
        if (e instanceof ElasticsearchException es) {
            status = es.status();
        } else if (e instanceof TransportException te) {
            status = te.statusCode();
        } else {
            return e instanceof IOException;
        }
        return status != 400 && status != 413;
    }

    /** A short description for logs and dead letters: the exception type and message, with the cause's. */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            sb.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return sb.toString();
    }
}
