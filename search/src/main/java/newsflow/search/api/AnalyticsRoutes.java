package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.server.HttpGuard;
import newsflow.search.analytics.Analytics;
import newsflow.search.api.JsonEndpoint.Reply;

import java.util.Optional;
import java.util.function.Function;

/**
 * The analytics endpoints ({@link Analytics}) on the search API's server, behind the same guard and with the
 * same JSON errors as search:
 * <ul>
 *   <li>{@code GET /api/attention?<scope>&q=…&q=…&interval=day|week|month[&split=source&top=N]}</li>
 *   <li>{@code GET /api/top-words?<scope>[&size=N]}</li>
 *   <li>{@code GET /api/top-sources?<scope>[&size=N]}</li>
 *   <li>{@code GET /api/stories/{id}} (404 for a story without articles)</li>
 *   <li>{@code GET /api/articles/{id}/similar[?size=N]} (404 for an unknown article; routed here by
 *       {@link SearchApi}, which owns {@code /api/articles/})</li>
 * </ul>
 */
final class AnalyticsRoutes {

    static final String ATTENTION_PATH = "/api/attention";
    static final String TOP_WORDS_PATH = "/api/top-words";
    static final String TOP_SOURCES_PATH = "/api/top-sources";
    static final String STORIES_PATH = "/api/stories/";
    static final String SIMILAR = "/similar";

    private AnalyticsRoutes() {
    }

    static void register(HttpServer server, Analytics analytics, HttpGuard guard) {
        server.createContext(ATTENTION_PATH, guard.read(JsonEndpoint.of(exact(ATTENTION_PATH, analytics::attention))));
        server.createContext(TOP_WORDS_PATH, guard.read(JsonEndpoint.of(exact(TOP_WORDS_PATH, analytics::topWords))));
        server.createContext(TOP_SOURCES_PATH, guard.read(JsonEndpoint.of(exact(TOP_SOURCES_PATH, analytics::topSources))));
        server.createContext(STORIES_PATH, guard.read(JsonEndpoint.of(exchange -> {
            String id = SearchApi.pathId(exchange.getRequestURI().getRawPath(), STORIES_PATH, "story");
            return found(analytics.story(id, exchange.getRequestURI().getRawQuery()), "no story with id '" + id + "'");
        })));
    }

    /** {@code /api/articles/{id}/similar}. */
    static Reply similar(Analytics analytics, HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String id = SearchApi.pathId(path.substring(0, path.length() - SIMILAR.length()), SearchApi.ARTICLES_PATH, "article");
        return found(analytics.similar(id, exchange.getRequestURI().getRawQuery()), "no article with id '" + id + "'");
    }

    /** A context matches every path it prefixes: only the path itself is the endpoint. */
    private static JsonEndpoint.Handler exact(String path, Function<String, Object> answer) {
        return exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                return Reply.error(404, "no such resource: " + exchange.getRequestURI().getPath());
            }
            return Reply.ok(answer.apply(exchange.getRequestURI().getRawQuery()));
        };
    }

    private static Reply found(Optional<?> body, String notFound) {
        return body.<Reply>map(Reply::ok).orElseGet(() -> Reply.error(404, notFound));
    }
}
