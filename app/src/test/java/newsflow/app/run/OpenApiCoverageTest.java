package newsflow.app.run;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.config.SearchConfig;
import newsflow.common.config.ServerConfig;
import newsflow.common.json.Json;
import newsflow.common.server.HttpGuard;
import newsflow.index.es.ElasticsearchClients;
import newsflow.search.SearchService;
import newsflow.search.api.OpenApiDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api} path the process serves is in the OpenAPI document, and everything the document lists is
 * served: a new endpoint without its documentation fails here.
 */
class OpenApiCoverageTest {

    @Test
    void everyRegisteredApiPathIsInTheOpenApiDocumentAndBack() throws IOException {
        List<String> documented = new ArrayList<>();
        JsonNode doc = Json.read(OpenApiDocument.bytes(), JsonNode.class);
        doc.get("paths").fieldNames().forEachRemaining(documented::add);

        RecordingServer server = new RecordingServer();
        try (ElasticsearchClient client = ElasticsearchClients.create(
                new ElasticsearchConfig("http://127.0.0.1:9", null, null, null, "articles", 1, 0, 100), Duration.ofSeconds(1))) {
            StatusServer.routes(server, HttpGuard.of(new ServerConfig("127.0.0.1", 0), 1), List.of(),
                    new SearchService(client, "articles", SearchConfig.DEFAULTS), null, Map::of);
        }
        List<String> api = server.paths.stream().filter(p -> p.startsWith("/api/")).toList();

        assertThat(api).as("the search API is registered").isNotEmpty();
        for (String context : api) {
            // a context ending in '/' serves the paths below it (/api/articles/ serves /api/articles/{id})
            assertThat(documented).as("registered context " + context + " has a documented path")
                    .anyMatch(p -> context.endsWith("/") ? p.startsWith(context) && p.length() > context.length() : p.equals(context));
        }
        for (String path : documented) {
            assertThat(api).as("documented path " + path + " is served")
                    .anyMatch(c -> c.endsWith("/") ? path.startsWith(c) : path.equals(c));
            assertThat(doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1"))).as(path + " has operations").isNotEmpty();
        }
    }

    /** Records the contexts a route table creates; never listens. */
    private static final class RecordingServer extends HttpServer {

        final List<String> paths = new ArrayList<>();

        @Override
        public HttpContext createContext(String path, HttpHandler handler) {
            paths.add(path);
            return null;
        }

        @Override
        public HttpContext createContext(String path) {
            paths.add(path);
            return null;
        }

        @Override
        public void bind(InetSocketAddress addr, int backlog) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setExecutor(Executor executor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Executor getExecutor() {
            return null;
        }

        @Override
        public void stop(int delay) {
        }

        @Override
        public void removeContext(String path) {
            paths.remove(path);
        }

        @Override
        public void removeContext(HttpContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InetSocketAddress getAddress() {
            return new InetSocketAddress("127.0.0.1", 1);
        }
    }
}
