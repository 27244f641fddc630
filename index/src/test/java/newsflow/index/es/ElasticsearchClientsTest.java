package newsflow.index.es;

import newsflow.common.config.ElasticsearchConfig;
import org.apache.hc.core5.http.Header;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchClientsTest {

    private static ElasticsearchConfig config(String url, String user, String password, String apiKey) {
        return new ElasticsearchConfig(url, user, password, apiKey, "newsflow-articles", 1, 0, 500);
    }

    @Test
    void parsesOneOrSeveralNodes() {
        assertThat(ElasticsearchClients.nodes("http://localhost:9200")).containsExactly(URI.create("http://localhost:9200"));
        assertThat(ElasticsearchClients.nodes("https://es1:9200, https://es2:9200,"))
                .containsExactly(URI.create("https://es1:9200"), URI.create("https://es2:9200"));
    }

    @Test
    void refusesEmptyOrMalformedUrls() {
        assertThatThrownBy(() -> ElasticsearchClients.nodes("")).hasMessageContaining("elasticsearch.url is empty");
        assertThatThrownBy(() -> ElasticsearchClients.nodes("localhost:9200")).hasMessageContaining("http(s)://host:port");
        assertThatThrownBy(() -> ElasticsearchClients.nodes("ftp://es:21")).hasMessageContaining("http(s)://host:port");
    }

    @Test
    void apiKeyWinsOverBasicAuth() {
        Header[] headers = ElasticsearchClients.authHeaders(config("http://es:9200", "elastic", "secret", "a2V5OnZhbHVl"));

        assertThat(headers).singleElement().satisfies(h -> assertThat(h.getValue()).isEqualTo("ApiKey a2V5OnZhbHVl"));
    }

    @Test
    void basicAuthWhenOnlyUserIsGiven() {
        Header[] headers = ElasticsearchClients.authHeaders(config("http://es:9200", "elastic", "s3cret", ""));

        String expected = "Basic " + Base64.getEncoder().encodeToString("elastic:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(headers).singleElement().satisfies(h -> assertThat(h.getValue()).isEqualTo(expected));
        assertThat(ElasticsearchClients.authHeaders(config("http://es:9200", "", "", ""))).isEmpty();
    }

    @Test
    void sendsPlainBodiesAndAsksForPlainAnswersUnlessCompressionIsOn() throws Exception {
        assertThat(headersOfACount(false)).doesNotContainKeys("content-encoding", "accept-encoding");
        assertThat(headersOfACount(true)).containsEntry("content-encoding", "gzip").containsKey("accept-encoding");
    }

    /** The headers a loopback server saw on the client's {@code _count} with a query body, names in lower case. */
    private static java.util.Map<String, String> headersOfACount(boolean compression) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        server.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"count\":0,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (var client = ElasticsearchClients.create(new ElasticsearchConfig(url, "", "", "", "articles", 1, 0, 500,
                null, null, compression))) {
            client.count(c -> c.index("articles").query(q -> q.term(t -> t.field("lang").value("en"))));
        } finally {
            server.stop(0);
        }
        return seen;
    }

    @Test
    void createsAClientWithoutContactingTheNode() throws Exception {
        try (var client = ElasticsearchClients.create(config("http://127.0.0.1:1", "", "", ""))) {
            assertThat(client._jsonpMapper()).isNotNull();
        }
    }
}
