package newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.index.es.ElasticsearchClients;
import newsflow.search.FakeElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics endpoints over HTTP: their paths, and the guard and errors they share with search (a search and an
 * attention request count against the same concurrency limit; an unreachable Elasticsearch is a JSON 503).
 */
class AnalyticsRoutesTest {

    private final FakeElasticsearch es = new FakeElasticsearch();
    private final HttpClient http = HttpClient.newHttpClient();
    private ElasticsearchClient client;
    private HttpServer server;

    private void start(ElasticsearchClient esClient, int maxConcurrent) throws IOException {
        client = esClient;
        server = ApiTestServer.start(client, maxConcurrent);
    }

    @AfterEach
    void stop() throws IOException {
        es.close();
        server.stop(0);
        client.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    @Test
    void pathsAreExactAndIdsRequired() throws Exception {
        start(es.client(Duration.ofSeconds(14)), 4);

        assertThat(get("/api/attentions").statusCode()).isEqualTo(404);
        assertThat(get("/api/top-words/x").statusCode()).isEqualTo(404);
        HttpResponse<String> noId = get("/api/stories/");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("expected /api/stories/{id}");
        assertThat(get("/api/stories/a/b").statusCode()).isEqualTo(400);
        assertThat(get("/api/articles//similar").statusCode()).isEqualTo(400);
        HttpResponse<String> badParam = get("/api/top-sources?interval=day");
        assertThat(badParam.statusCode()).isEqualTo(400);
        assertThat(badParam.body()).contains("unknown parameter 'interval'", "\"status\":400");
        HttpResponse<String> syntax = get("/api/attention?q=flood&q=storm%20AND");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.body()).contains("\"position\"", "q number 2");
    }

    @Test
    void aSearchAndAnAttentionRequestShareTheConcurrencyLimit() throws Exception {
        start(es.client(Duration.ofSeconds(14)), 1);
        es.holdRequests();
        CompletableFuture<HttpResponse<String>> search = http.sendAsync(
                HttpRequest.newBuilder(uri("/api/search?q=water")).build(), HttpResponse.BodyHandlers.ofString());
        es.awaitRequest();

        HttpResponse<String> refused = get("/api/attention?q=water");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.body()).contains("search.maxConcurrent", "\"status\":429");
        es.release();
        assertThat(search.get().statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableElasticsearchIsA503ForEveryEndpoint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        start(ElasticsearchClients.create(new ElasticsearchConfig("http://127.0.0.1:" + closedPort, null, null, null,
                "articles", 1, 0, 100)), 4);

        for (String path : new String[]{"/api/attention?q=flood", "/api/top-words?q=flood", "/api/top-sources",
                "/api/stories/s1", "/api/articles/a1/similar"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.body()).as(path).contains("unreachable", "\"status\":503");
        }
    }
}
