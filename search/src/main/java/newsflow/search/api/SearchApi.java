package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.server.HttpGuard;
import newsflow.common.server.HttpReplies;
import newsflow.common.server.HttpReplies.ErrorBody;
import newsflow.search.Dashboard;
import newsflow.search.SearchBusyException;
import newsflow.search.SearchLimitException;
import newsflow.search.SearchQuery;
import newsflow.search.SearchQueryParser;
import newsflow.search.SearchService;
import newsflow.search.SearchTimeoutException;
import newsflow.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The search HTTP API, JSON only:
 * <ul>
 *   <li>{@code GET /api/search?q=&topic=&source=&lang=&from=&to=&size=&after=} → {@code {total, hits, facets, next, partial}}</li>
 *   <li>{@code GET /api/articles/{id}} → the stored document</li>
 *   <li>{@code GET /api/dashboard?<search filters>&interval=day|week|month} → {@link newsflow.search.Dashboard}</li>
 * </ul>
 * and the pages: {@code /dashboard} and the assets of both pages under {@code /assets/} (the search page at
 * {@code /} is routed by the server's root handler).
 * Errors are {@code {"error": "...", "status": n}}: 400 for bad parameters (with {@code "limit"} naming the
 * {@code search.*} key a query went past), 404 for an unknown article or path, 429 with Retry-After when too
 * many searches run at once, 503 when Elasticsearch is unavailable, 504 when it does not answer in time.
 * Methods, Host header, API key and security headers are {@link HttpGuard}'s.
 */
public final class SearchApi {

    private static final Logger log = LoggerFactory.getLogger(SearchApi.class);
    static final String SEARCH_PATH = "/api/search";
    static final String ARTICLES_PATH = "/api/articles/";
    static final String DASHBOARD_PATH = "/api/dashboard";

    private final SearchService service;

    private SearchApi(SearchService service) {
        this.service = service;
    }

    /** Adds the API and the search page's assets to a server the caller owns (and starts, and stops). */
    public static void register(HttpServer server, SearchService service, HttpGuard guard) {
        SearchApi api = new SearchApi(service);
        server.createContext(SEARCH_PATH, guard.read(exchange -> api.handle(exchange, api::search)));
        server.createContext(ARTICLES_PATH, guard.read(exchange -> api.handle(exchange, api::article)));
        server.createContext(DASHBOARD_PATH, guard.read(exchange -> api.handle(exchange, api::dashboard)));
        server.createContext(SearchPage.ASSETS_PATH, guard.read(SearchPage::serveAsset));
        server.createContext(SearchPage.DASHBOARD_PAGE, guard.read(SearchPage::serveDashboard));
    }

    /** A response before it is written: status and a JSON-serialisable body. */
    record Reply(int status, Object body) {
        static Reply error(int status, String message) {
            return new Reply(status, new ErrorBody(message, status));
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(HttpExchange exchange);
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        Reply reply;
        try {
            reply = handler.handle(exchange);
        } catch (SearchLimitException e) {
            reply = new Reply(400, new ErrorBody(e.getMessage(), 400, e.limit()));
        } catch (IllegalArgumentException e) {
            reply = Reply.error(400, e.getMessage());
        } catch (SearchBusyException e) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(e.retryAfterSeconds()));
            reply = Reply.error(429, e.getMessage());
        } catch (SearchTimeoutException e) {
            reply = Reply.error(504, "search timed out: " + e.getMessage());
        } catch (SearchUnavailableException e) {
            log.warn("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.getMessage());
            reply = Reply.error(503, "search is unavailable: " + e.getMessage());
        }
        HttpReplies.json(exchange, reply.status(), reply.body());
    }

    private Reply search(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals(SEARCH_PATH)) {
            return Reply.error(404, "no such resource: " + exchange.getRequestURI().getPath());
        }
        SearchQuery query = SearchQueryParser.parseQueryString(exchange.getRequestURI().getRawQuery());
        return new Reply(200, service.search(query));
    }

    private Reply dashboard(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals(DASHBOARD_PATH)) {
            return Reply.error(404, "no such resource: " + exchange.getRequestURI().getPath());
        }
        Map<String, String> params = SearchQueryParser.decode(exchange.getRequestURI().getRawQuery());
        Dashboard.Interval interval = Dashboard.Interval.parse(params.remove("interval"));
        return new Reply(200, service.dashboard(SearchQueryParser.parse(params), interval));
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
}
