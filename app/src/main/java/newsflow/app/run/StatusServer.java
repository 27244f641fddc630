package newsflow.app.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.ServerConfig;
import newsflow.common.json.Json;
import newsflow.common.metrics.Metrics;
import newsflow.common.server.HttpGuard;
import newsflow.common.server.HttpReplies;
import newsflow.common.server.HttpServers;
import newsflow.common.server.RequestThreads;
import newsflow.common.stage.Stage;
import newsflow.search.api.SavedSearchApi;
import newsflow.search.api.SearchApi;
import newsflow.search.api.SearchPage;
import newsflow.search.SearchService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The HTTP server of a newsflow process: {@code /health} (alive), {@code /ready} (every stage started),
 * {@code /metrics} (Prometheus), and with the search stage the search API and its page.
 */
final class StatusServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService requests;

    private StatusServer(HttpServer server, ExecutorService requests) {
        this.server = server;
        this.requests = requests;
    }

    /**
     * @param unreachable the services the stages need that do not answer now, each with the reason; while any
     *                    does, {@code /ready} answers 503
     */
    static StatusServer start(ServerConfig config, List<Stage> stages, SearchService search,
                              Supplier<Map<String, String>> unreachable) {
        return start(config, stages, search, null, unreachable);
    }

    /** @param savedSearches the saved-search endpoints and feeds (with the search stage), or null */
    static StatusServer start(ServerConfig config, List<Stage> stages, SearchService search, SavedSearchApi savedSearches,
                              Supplier<Map<String, String>> unreachable) {
        HttpServer server;
        try {
            server = HttpServers.create(new InetSocketAddress(config.host(), config.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port()
                    + " (set server.port / NEWSFLOW_SERVER_PORT)", e);
        }
        ExecutorService requests = RequestThreads.forApi();
        server.setExecutor(requests);
        routes(server, HttpGuard.of(config, server.getAddress().getPort()), stages, search, savedSearches, unreachable);
        server.start();
        return new StatusServer(server, requests);
    }

    /** Adds every endpoint to a server the caller starts (a test checks the /api ones against the OpenAPI document). */
    static void routes(HttpServer server, HttpGuard guard, List<Stage> stages, SearchService search,
                       SavedSearchApi savedSearches, Supplier<Map<String, String>> unreachable) {
        // every handler goes through the guard: Host check, API key (not for the page's files), GET/HEAD only, security
        // headers, JSON errors
        server.createContext("/health", guard.read(ex -> respond(ex, 200, "application/json", Json.write(Map.of("status", "UP")))));
        server.createContext("/ready", guard.read(ex -> {
            ReadyAnswer answer = ReadyAnswer.of(stages, unreachable.get());
            respond(ex, answer.ready() ? 200 : 503, "application/json", Json.write(answer.body()));
        }));
        server.createContext("/metrics", guard.read(ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", Metrics.scrape())));
        if (search != null) {
            SearchApi.register(server, search, guard);
        }
        if (savedSearches != null) {
            savedSearches.register(server, guard);
        }
        // the page needs no key (a browser cannot send one when it opens it); it sends the key with every API call
        server.createContext("/", guard.page(ex -> {
            if (search != null && ex.getRequestURI().getPath().equals("/")) {
                SearchPage.servePage(ex);
            } else {
                HttpReplies.error(ex, 404, "no such resource: " + ex.getRequestURI().getPath());
            }
        }));
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        HttpReplies.send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(1);
        requests.shutdown();
    }
}
