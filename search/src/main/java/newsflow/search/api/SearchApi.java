package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.server.HttpGuard;
import newsflow.search.SearchQuery;
import newsflow.search.SearchQueryParser;
import newsflow.search.SearchService;
import newsflow.search.analytics.Analytics;
import newsflow.search.api.JsonEndpoint.Reply;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The search HTTP API, JSON only:
 * <ul>
 *   <li>{@code GET /api/search?q=&topic=&source=&lang=&from=&to=&size=&after=} → {@code {total, hits, facets, next, partial}}</li>
 *   <li>{@code GET /api/articles/{id}} → the stored document</li>
 * </ul>
 * Errors are {@code {"error": "...", "status": n}}: 400 for bad parameters (with {@code "limit"} naming the
 * {@code search.*} key a query went past), 404 for an unknown article or path, 429 with Retry-After when too
 * many searches run at once, 503 when Elasticsearch is unavailable, 504 when it does not answer in time.
 * Methods, Host header, API key and security headers are {@link HttpGuard}'s.
 */
public final class SearchApi {

    static final String SEARCH_PATH = "/api/search";
    static final String ARTICLES_PATH = "/api/articles/";

    private final SearchService service;
    private final Clock clock;
    private final Analytics analytics;

    private SearchApi(SearchService service, Clock clock) {
        this.service = service;
        this.clock = clock;
        this.analytics = new Analytics(service, clock);
    }

    /** Adds the API and the search page's assets to a server the caller owns (and starts, and stops). */
    public static void register(HttpServer server, SearchService service, HttpGuard guard) {
        SearchApi api = new SearchApi(service, Clock.systemUTC());
        server.createContext(SEARCH_PATH, guard.read(JsonEndpoint.of(api::search)));
        server.createContext(ARTICLES_PATH, guard.read(JsonEndpoint.of(api::article)));
        server.createContext(SearchPage.ASSETS_PATH, guard.read(SearchPage::serveAsset));
        AnalyticsRoutes.register(server, api.analytics, guard);
    }

    private Reply search(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals(SEARCH_PATH)) {
            return Reply.error(404, "no such resource: " + exchange.getRequestURI().getPath());
        }
        SearchQuery query = SearchQueryParser.parseQueryString(exchange.getRequestURI().getRawQuery(), service.limits(), clock);
        return Reply.ok(service.search(query));
    }

    private Reply article(HttpExchange exchange) {
        if (exchange.getRequestURI().getRawPath().endsWith(AnalyticsRoutes.SIMILAR)) {
            return AnalyticsRoutes.similar(analytics, exchange);
        }
        String id = articleId(exchange.getRequestURI().getRawPath());
        return service.article(id)
                .<Reply>map(doc -> new Reply(200, doc))
                .orElseGet(() -> Reply.error(404, "no article with id '" + id + "'"));
    }

    /** The id from {@code /api/articles/{id}}, percent-decoded. */
    static String articleId(String rawPath) {
        return pathId(rawPath, ARTICLES_PATH, "article");
    }

    /** The id that follows {@code prefix} in a path such as {@code /api/articles/{id}}, percent-decoded. */
    static String pathId(String rawPath, String prefix, String what) {
        String raw = rawPath.length() > prefix.length() ? rawPath.substring(prefix.length()) : "";
        if (raw.isEmpty() || raw.contains("/")) {
            throw new IllegalArgumentException("expected " + prefix + "{id}");
        }
        String id;
        try {
            id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed " + what + " id '" + raw + "'");
        }
        if (id.isBlank() || id.length() > 512) {
            throw new IllegalArgumentException(what + " id must be 1 to 512 characters");
        }
        return id;
    }
}
