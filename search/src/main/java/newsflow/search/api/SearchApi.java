package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.json.Json;
import newsflow.search.SearchQuery;
import newsflow.search.SearchQueryParser;
import newsflow.search.SearchService;
import newsflow.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The search HTTP API, JSON only:
 * <ul>
 *   <li>{@code GET /api/search?q=&topic=&source=&lang=&from=&to=&size=&after=} → {@code {total, hits, facets, next}}</li>
 *   <li>{@code GET /api/articles/{id}} → the stored document</li>
 * </ul>
 * Errors are {@code {"error": "...", "status": n}}: 400 for bad parameters, 404 for an unknown article or path,
 * 405 for other methods, 503 when Elasticsearch is unavailable.
 */
public final class SearchApi {

    private static final Logger log = LoggerFactory.getLogger(SearchApi.class);
    static final String SEARCH_PATH = "/api/search";
    static final String ARTICLES_PATH = "/api/articles/";

    private final SearchService service;

    private SearchApi(SearchService service) {
        this.service = service;
    }

    /** Adds the handlers to a server the caller owns (and starts, and stops). */
    public static void register(HttpServer server, SearchService service) {
        SearchApi api = new SearchApi(service);
        server.createContext(SEARCH_PATH, exchange -> api.handle(exchange, api::search));
        server.createContext(ARTICLES_PATH, exchange -> api.handle(exchange, api::article));
    }

    /** A response before it is written: status and a JSON-serialisable body. */
    record Reply(int status, Object body) {
        static Reply error(int status, String message) {
            return new Reply(status, new ErrorBody(message, status));
        }
    }

    record ErrorBody(String error, int status) {
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(HttpExchange exchange);
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        Reply reply;
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                reply = Reply.error(405, "method " + exchange.getRequestMethod() + " not allowed, use GET");
            } else {
                reply = handler.handle(exchange);
            }
        } catch (IllegalArgumentException e) {
            reply = Reply.error(400, e.getMessage());
        } catch (SearchUnavailableException e) {
            log.warn("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.getMessage());
            reply = Reply.error(503, "search is unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            reply = Reply.error(500, "internal error: " + e.getClass().getSimpleName());
        }
        write(exchange, reply);
    }

    private Reply search(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals(SEARCH_PATH)) {
            return Reply.error(404, "no such resource: " + exchange.getRequestURI().getPath());
        }
        SearchQuery query = SearchQueryParser.parseQueryString(exchange.getRequestURI().getRawQuery());
        return new Reply(200, service.search(query));
    }

    private Reply article(HttpExchange exchange) {
        String id = articleId(exchange.getRequestURI().getRawPath());
        return service.article(id)
                .<Reply>map(doc -> new Reply(200, doc))
                .orElseGet(() -> Reply.error(404, "no article with id '" + id + "'"));
    }

    /** The id from {@code /api/articles/{id}}, percent-decoded. */
    static String articleId(String rawPath) {
        String raw = rawPath.length() > ARTICLES_PATH.length() ? rawPath.substring(ARTICLES_PATH.length()) : "";
        if (raw.isEmpty() || raw.contains("/")) {
            throw new IllegalArgumentException("expected /api/articles/{id}");
        }
        String id;
        try {
            id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed article id '" + raw + "'");
        }
        if (id.isBlank() || id.length() > 512) {
            throw new IllegalArgumentException("article id must be 1 to 512 characters");
        }
        return id;
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = Json.writeBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
