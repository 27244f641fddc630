package newsflow.common.server;

import com.sun.net.httpserver.HttpExchange;
import newsflow.common.json.Json;

import java.io.IOException;
import java.io.OutputStream;

/** The one way newsflow's HTTP servers write a response: JSON bodies, JSON errors, HEAD without a body. */
public final class HttpReplies {

    public static final String JSON = "application/json; charset=utf-8";

    private HttpReplies() {
    }

    /**
     * An error as every endpoint reports it.
     *
     * @param limit the configuration key of the limit the request went past, null when no limit is involved
     */
    public record ErrorBody(String error, int status, String limit) {
        public ErrorBody(String error, int status) {
            this(error, status, null);
        }
    }

    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, JSON, Json.writeBytes(body));
    }

    public static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, new ErrorBody(message, status));
    }

    /** Writes status, type and body; a HEAD request gets the headers only. Closes the exchange. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
