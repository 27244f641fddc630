package newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.SearchConfig;
import newsflow.common.config.ServerConfig;
import newsflow.common.server.HttpGuard;
import newsflow.search.FakeElasticsearch;
import newsflow.search.SearchService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The search API on a loopback server in front of a {@link FakeElasticsearch}, and a client for it. */
final class ApiServer implements AutoCloseable {

    final FakeElasticsearch es = new FakeElasticsearch();
    private final ElasticsearchClient client = es.client(Duration.ofSeconds(14));
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;

    void start(SearchConfig limits) throws IOException {
        start(limits, java.util.List.of());
    }

    /** @param apiKeys {@code server.apiKeys}: none, or the keys every data endpoint asks for */
    void start(SearchConfig limits, java.util.List<String> apiKeys) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        SearchApi.register(server, new SearchService(client, "articles", limits),
                HttpGuard.of(new ServerConfig("127.0.0.1", 0, apiKeys), server.getAddress().getPort()));
        server.start();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    @Override
    public void close() throws IOException {
        es.close();
        if (server != null) {
            server.stop(0);
        }
        client.close();
    }
}
