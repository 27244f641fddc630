package newsflow.app.testing;

import com.sun.net.httpserver.HttpServer;

import java.nio.charset.StandardCharsets;

/** Fixed pages and feeds on a test's loopback server. */
public final class LoopbackPages {

    private LoopbackPages() {
    }

    /** Serves {@code body} at {@code path}: an RSS feed when the path ends in {@code .xml}, else an HTML page. */
    public static void serve(HttpServer site, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        site.createContext(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", path.endsWith(".xml") ? "application/rss+xml; charset=utf-8" : "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
    }
}
