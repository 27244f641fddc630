package newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.SearchConfig;
import newsflow.common.config.ServerConfig;
import newsflow.common.server.HttpGuard;
import newsflow.search.SearchService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The search API on a loopback server of its own, over the given Elasticsearch client, with small limits. */
final class ApiTestServer {

    private ApiTestServer() {
    }

    /** Limits: q of 200 characters and 10 words, 2 prefix words, timeout 7 s, {@code maxConcurrent} at once. */
    static HttpServer start(ElasticsearchClient client, int maxConcurrent) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        SearchService service = new SearchService(client, "articles",
                new SearchConfig(200, 10, 2, Duration.ofSeconds(7), maxConcurrent));
        SearchApi.register(server, service, HttpGuard.of(new ServerConfig("127.0.0.1", 0), server.getAddress().getPort()));
        server.start();
        return server;
    }
}
