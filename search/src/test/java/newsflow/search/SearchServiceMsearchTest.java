package newsflow.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.search.SearchRequestBody;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.config.SearchConfig;
import newsflow.index.es.ElasticsearchClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several searches in one {@code _msearch}: each answer in its place, a failed one empty, the whole under the guards. */
class SearchServiceMsearchTest {

    private static final String SHARDS = "\"_shards\": {\"total\": 1, \"successful\": 1, \"skipped\": 0, \"failed\": 0}";

    private HttpServer server;
    private ElasticsearchClient client;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private SearchService serving(int status, String answer, int maxConcurrent) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.createContext("/", exchange -> {
            byte[] request = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new java.util.zip.GZIPInputStream(exchange.getRequestBody()).readAllBytes()
                    : exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestURI().getPath() + "\n" + new String(request, StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = ElasticsearchClients.create(new ElasticsearchConfig("http://127.0.0.1:" + server.getAddress().getPort(),
                null, null, null, "articles", 1, 0, 100), Duration.ofSeconds(10));
        return new SearchService(client, "articles", new SearchConfig(200, 10, 2, Duration.ofSeconds(5), maxConcurrent));
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static SearchRequestBody body(String word) {
        return SearchRequestBody.of(b -> b.size(1).timeout("5000ms").query(q -> q.term(t -> t.field("body").value(word))));
    }

    @Test
    void eachSearchOfTheAliasAnswersInItsPlaceAndAFailedOneIsEmpty() throws IOException {
        SearchService search = serving(200, """
                {"took": 3, "responses": [
                  {"took": 1, "timed_out": false, %1$s, "status": 200,
                   "hits": {"hits": [{"_index": "articles-v2-2026.11", "_id": "a1", "_score": 2.0}]}},
                  {"error": {"type": "index_not_found_exception", "reason": "no such index [articles]"}, "status": 404},
                  {"took": 1, "timed_out": true, %1$s, "status": 200, "hits": {"hits": []}}]}
                """.formatted(SHARDS), 2);

        List<Optional<MultiSearchItem<Void>>> answers = search.msearch(List.of(body("sandbag"), body("elect"), body("quay")), Void.class);

        assertThat(answers).hasSize(3);
        assertThat(answers.get(0)).hasValueSatisfying(a -> assertThat(a.hits().hits().getFirst().id()).isEqualTo("a1"));
        assertThat(answers.get(1)).isEmpty();
        assertThat(answers.get(2)).hasValueSatisfying(a -> assertThat(SearchService.isPartial(a)).isTrue());
        // one request, every search over the alias
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst()).startsWith("/_msearch\n");
        assertThat(requests.getFirst().lines().filter(l -> l.contains("\"index\":[\"articles\"]") || l.contains("\"index\":\"articles\""))
                .count()).isEqualTo(3);
        assertThat(search.msearch(List.of(), Void.class)).isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void theWholeRequestFailingIsTheServicesFailure() throws IOException {
        SearchService search = serving(500, """
                {"error": {"type": "fake_failure", "reason": "the test made it fail"}, "status": 500}
                """, 2);

        assertThatThrownBy(() -> search.msearch(List.of(body("sandbag")), Void.class))
                .isInstanceOf(SearchUnavailableException.class).hasMessageContaining("fake_failure");
    }
}
