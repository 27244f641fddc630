package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;
import newsflow.common.server.HttpReplies;
import newsflow.search.SearchBusyException;
import newsflow.search.SearchTimeoutException;
import newsflow.search.SearchUnavailableException;
import newsflow.search.query.QuerySyntaxException;
import newsflow.search.query.SearchLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * An API endpoint answering JSON, with every failure of the search layer mapped to a JSON error
 * {@code {"error": "...", "status": n}} (see docs/api.md): 400 for bad input (plus {@code "limit"} naming the
 * {@code search.*} key a request went past, or {@code "position"} for a syntax error in {@code q}), 429 with
 * Retry-After when too many searches run, 503 when Elasticsearch is unavailable, 504 when it does not answer in
 * time. Every analyst endpoint goes through this, so they all fail alike.
 */
public final class JsonEndpoint {

    private static final Logger log = LoggerFactory.getLogger(JsonEndpoint.class);

    private JsonEndpoint() {
    }

    /** What an endpoint answers: a status and a JSON-serialisable body. */
    public record Reply(int status, Object body) {
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }

        public static Reply error(int status, String message) {
            return new Reply(status, new Error(message, status, null, null));
        }
    }

    /**
     * The JSON error body.
     *
     * @param limit    the {@code search.*} key a request went past, else absent
     * @param position the 0-based offset in {@code q} of a syntax error, else absent
     */
    public record Error(String error, int status, String limit, Integer position) {
    }

    @FunctionalInterface
    public interface Handler {
        /** @return the reply, or null when the handler has written the response itself (a stream) */
        Reply handle(HttpExchange exchange) throws IOException;
    }

    /** Wraps a handler so that its failures become JSON errors. Put the result behind the HttpGuard. */
    public static HttpHandler of(Handler handler) {
        return exchange -> {
            Reply reply;
            try {
                reply = handler.handle(exchange);
            } catch (RuntimeException e) {
                reply = errorReply(exchange, e);
            }
            if (reply != null) {
                HttpReplies.json(exchange, reply.status(), reply.body());
            }
        };
    }

    /** The reply for a failure; rethrows what is not a failure of the request (a bug: the server's 500). */
    static Reply errorReply(HttpExchange exchange, RuntimeException failure) {
        switch (failure) {
            case QuerySyntaxException e -> {
                return new Reply(400, new Error(e.getMessage(), 400, null, e.position()));
            }
            case SearchLimitException e -> {
                // refused before Elasticsearch is asked: counted with the searches' outcomes
                Metrics.registry().counter(MeterNames.SEARCHES, "outcome", "refused_limit").increment();
                return new Reply(400, new Error(e.getMessage(), 400, e.limit(), null));
            }
            case IllegalArgumentException e -> {
                return Reply.error(400, e.getMessage());
            }
            case SearchBusyException e -> {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(e.retryAfterSeconds()));
                return Reply.error(429, e.getMessage());
            }
            case SearchTimeoutException e -> {
                return Reply.error(504, "search timed out: " + e.getMessage());
            }
            case SearchUnavailableException e -> {
                log.warn("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.getMessage());
                return Reply.error(503, "search is unavailable: " + e.getMessage());
            }
            default -> throw failure;
        }
    }
}
