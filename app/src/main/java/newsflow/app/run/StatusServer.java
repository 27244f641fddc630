package newsflow.app.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.ServerConfig;
import newsflow.common.json.Json;
import newsflow.common.metrics.Metrics;
import newsflow.common.stage.Stage;
import newsflow.search.api.SearchApi;
import newsflow.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP server of a newsflow process: {@code /health} (alive), {@code /ready} (every stage started),
 * {@code /metrics} (Prometheus), and with the search stage the search API and its page.
 */
final class StatusServer implements AutoCloseable {

    private final HttpServer server;

    private StatusServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param unreachable the services the stages need that do not answer now, each with the reason; while any
     *                    does, {@code /ready} answers 503
     */
    static StatusServer start(ServerConfig config, List<Stage> stages, SearchService search,
                              Supplier<Map<String, String>> unreachable) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port()
                    + " (set server.port / NEWSFLOW_SERVER_PORT)", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", ex -> respond(ex, 200, "application/json", Json.write(Map.of("status", "UP"))));
        server.createContext("/ready", ex -> {
            ReadyAnswer answer = ReadyAnswer.of(stages, unreachable.get());
            respond(ex, answer.ready() ? 200 : 503, "application/json", Json.write(answer.body()));
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", Metrics.scrape()));
        if (search != null) {
            SearchApi.register(server, search);
            server.createContext("/", ex -> {
                if (!ex.getRequestURI().getPath().equals("/")) {
                    respond(ex, 404, "application/json", Json.write(Map.of("error", "not found: " + ex.getRequestURI().getPath())));
                    return;
                }
                respond(ex, 200, "text/html; charset=utf-8", searchPage());
            });
        }
        server.start();
        return new StatusServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static String searchPage() {
        try (InputStream in = StatusServer.class.getResourceAsStream("/web/search.html")) {
            if (in == null) {
                return "<!doctype html><title>newsflow</title><p>Search API: <a href=\"/api/search?q=\">/api/search?q=</a>";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
