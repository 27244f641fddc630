package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import newsflow.common.server.HttpReplies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The analyst search page ({@code /}), the dashboard ({@code /dashboard}) and their scripts and style, served
 * as files so the Content-Security-Policy can forbid inline script and style. Nothing is loaded from elsewhere.
 */
public final class SearchPage {

    static final String ASSETS_PATH = "/assets/";
    static final String DASHBOARD_PAGE = "/dashboard";
    private static final Map<String, String> ASSETS = Map.of(
            "newsflow.js", "text/javascript; charset=utf-8",
            "search.js", "text/javascript; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "newsflow.css", "text/css; charset=utf-8");

    private SearchPage() {
    }

    /** The search page itself, for {@code /}. */
    public static void servePage(HttpExchange exchange) throws IOException {
        HttpReplies.send(exchange, 200, "text/html; charset=utf-8", resource("search.html"));
    }

    static void serveDashboard(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals(DASHBOARD_PAGE) && !path.equals(DASHBOARD_PAGE + "/")) {
            HttpReplies.error(exchange, 404, "no such resource: " + path);
            return;
        }
        HttpReplies.send(exchange, 200, "text/html; charset=utf-8", resource("dashboard.html"));
    }

    static void serveAsset(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(ASSETS_PATH.length());
        String type = ASSETS.get(name);
        if (type == null) {
            HttpReplies.error(exchange, 404, "no such resource: " + exchange.getRequestURI().getPath());
            return;
        }
        HttpReplies.send(exchange, 200, type, resource(name));
    }

    private static byte[] resource(String name) {
        try (InputStream in = SearchPage.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing /web/" + name + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
