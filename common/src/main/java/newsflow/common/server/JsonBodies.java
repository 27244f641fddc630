package newsflow.common.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import newsflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request's JSON body under a size bound: the one way newsflow's HTTP servers take a body. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** A body that cannot be taken, with the status to answer. */
    public static final class BodyException extends Exception {
        private final int status;

        BodyException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Reads the body, at most {@code maxBytes} of it (a longer one is refused whatever its declared length), and
     * parses it as one JSON object.
     *
     * @throws BodyException 413 when longer than {@code maxBytes}, 400 when empty, not JSON or not an object
     */
    public static JsonNode readObject(HttpExchange exchange, long maxBytes) throws IOException, BodyException {
        byte[] body = read(exchange.getRequestBody(), maxBytes);
        if (body.length == 0) {
            throw new BodyException(400, "the request body is empty: send a JSON object");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new BodyException(400, "the request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new BodyException(400, "the request body must be a JSON object");
        }
        return node;
    }

    static byte[] read(InputStream in, long maxBytes) throws IOException, BodyException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw new BodyException(413, "request body larger than the " + maxBytes + " bytes allowed");
        }
        return body;
    }
}
