package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import newsflow.common.server.HttpReplies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3 document, a static file every endpoint's author keeps up to date (a test in app checks that
 * every registered {@code /api} path is in it), served at {@value #PATH}.
 */
public final class OpenApiDocument {

    public static final String PATH = "/api/openapi.json";
    /** Where the document is on the classpath (search/src/main/resources). */
    public static final String RESOURCE = "/newsflow/search/openapi.json";

    private static final byte[] DOCUMENT = load();

    private OpenApiDocument() {
    }

    /** The document's bytes (UTF-8 JSON). */
    public static byte[] bytes() {
        return DOCUMENT.clone();
    }

    static void serve(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            HttpReplies.error(exchange, 404, "no such resource: " + exchange.getRequestURI().getPath());
            return;
        }
        HttpReplies.send(exchange, 200, HttpReplies.JSON, DOCUMENT);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
