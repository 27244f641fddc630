package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.server.HttpGuard;
import newsflow.search.SearchQuery;
import newsflow.search.SearchQueryParser;
import newsflow.search.SearchService;
import newsflow.search.analytics.Analytics;
import newsflow.search.api.JsonEndpoint.Reply;
import newsflow.search.analytics.Dashboard;
import newsflow.search.analytics.DashboardAggregations;
import newsflow.search.export.ExportFormat;
import newsflow.search.query.ScopeParameters;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search HTTP API, JSON only:
 * <ul>
 *   <li>{@code GET /api/search?q=&topic=&source=&lang=&author=&from=&to=&sort=&size=&after=&collapse=} →
 *       {@code {total, hits, facets, next, partial}}; with {@code format=csv|ndjson[&limit=]} the matches as a file</li>
 *   <li>{@code GET /api/articles/{id}} → the stored document</li>
 *   <li>{@code GET /api/dashboard?<scope>&interval=day|week|month} → {@link Dashboard}: topics over time, top authors,
 *       story sizes</li>
 * </ul>
 * and the page {@code /dashboard} with the assets of both pages under {@code /assets/} (the search page at
 * {@code /} is routed by the server's root handler).
 * The parameters, answers and errors are in docs/api.md and the OpenAPI document; errors are {@link JsonEndpoint}'s.
 * Methods, Host header, API key and security headers are {@link HttpGuard}'s.
 */
public final class SearchApi {

    static final String SEARCH_PATH = "/api/search";
    static final String ARTICLES_PATH = "/api/articles/";
    static final String DASHBOARD_PATH = "/api/dashboard";
    private static final Set<String> DASHBOARD_PARAMETERS = union(ScopeParameters.NAMES, Set.of("interval"));

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
        server.createContext(DASHBOARD_PATH, guard.read(JsonEndpoint.of(api::dashboard)));
        // the API description is no secret, and the page links to it: served without a key like the page's own files
        server.createContext(OpenApiDocument.PATH, guard.page(OpenApiDocument::serve));
        server.createContext(SearchPage.ASSETS_PATH, guard.page(SearchPage::serveAsset));
        server.createContext(SearchPage.DASHBOARD_PAGE, guard.page(SearchPage::serveDashboard));
        AnalyticsRoutes.register(server, api.analytics, guard);
    }

    private Reply search(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(SEARCH_PATH)) {
            return Reply.error(404, "no such resource: " + exchange.getRequestURI().getPath());
        }
        Map<String, List<String>> params = ScopeParameters.decode(exchange.getRequestURI().getRawQuery());
        SearchQuery query = SearchQueryParser.parse(params, service.limits(), clock);
        String format = ScopeParameters.single(params, "format");
        String limit = ScopeParameters.single(params, "limit");
        if (format == null) {
            if (limit != null) {
                throw new IllegalArgumentException("'limit' is for exports (with 'format'); a page has 'size'");
            }
            return Reply.ok(service.search(query));
        }
        return SearchExport.stream(exchange, service, query, ExportFormat.of(format),
                SearchExport.limit(limit, service.limits().exportMaxRows()));
    }

    private Reply dashboard(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals(DASHBOARD_PATH)) {
            return Reply.error(404, "no such resource: " + exchange.getRequestURI().getPath());
        }
        Map<String, List<String>> params = ScopeParameters.decode(exchange.getRequestURI().getRawQuery());
        ScopeParameters.requireKnown(params, DASHBOARD_PARAMETERS, ScopeParameters.REPEATABLE);
        return Reply.ok(DashboardAggregations.run(service, ScopeParameters.scope(params, service.limits(), clock),
                ScopeParameters.single(params, "interval")));
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

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
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
