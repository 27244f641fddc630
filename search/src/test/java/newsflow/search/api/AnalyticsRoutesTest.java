package newsflow.search.api;

import newsflow.common.config.SearchConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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

    private final ApiServer api = new ApiServer();

    @AfterEach
    void stop() throws IOException {
        api.close();
    }

    /** Searches at once, at most; Retry-After is the 7 s timeout. */
    private void start(int maxConcurrent) throws IOException {
        api.start(new SearchConfig(200, 10, 2, Duration.ofSeconds(7), maxConcurrent));
    }

    @Test
    void pathsAreExactAndIdsRequired() throws Exception {
        start(4);

        assertThat(api.get("/api/attentions").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/top-words/x").statusCode()).isEqualTo(404);
        HttpResponse<String> noId = api.get("/api/stories/");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("expected /api/stories/{id}");
        assertThat(api.get("/api/stories/a/b").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/articles//similar").statusCode()).isEqualTo(400);
        HttpResponse<String> badParam = api.get("/api/top-sources?interval=day");
        assertThat(badParam.statusCode()).isEqualTo(400);
        assertThat(badParam.body()).contains("unknown parameter 'interval'", "\"status\":400");
        HttpResponse<String> syntax = api.get("/api/attention?q=flood&q=storm%20AND");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.body()).contains("\"position\"", "q number 2");
    }

    @Test
    void aSearchAndAnAttentionRequestShareTheConcurrencyLimit() throws Exception {
        start(1);
        api.es.holdRequests();
        CompletableFuture<HttpResponse<String>> search = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(api.uri("/api/search?q=water")).build(), HttpResponse.BodyHandlers.ofString());
        api.es.awaitRequest();

        HttpResponse<String> refused = api.get("/api/attention?q=water");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.body()).contains("search.maxConcurrent", "\"status\":429");
        api.es.release();
        assertThat(search.get().statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableElasticsearchIsA503ForEveryEndpoint() throws Exception {
        start(4);
        api.es.close(); // nothing listens on its port any more

        for (String path : new String[]{"/api/attention?q=flood", "/api/top-words?q=flood", "/api/top-sources",
                "/api/stories/s1", "/api/articles/a1/similar"}) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.body()).as(path).contains("unreachable", "\"status\":503");
        }
    }
}
