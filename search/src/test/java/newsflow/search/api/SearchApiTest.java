package newsflow.search.api;

import newsflow.common.config.SearchConfig;
import newsflow.search.FakeElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The search API over HTTP, against a controllable Elasticsearch: limits, concurrency, methods, errors. */
class SearchApiTest {

    private final ApiServer api = new ApiServer();
    private final FakeElasticsearch es = api.es;
    private final HttpClient http = HttpClient.newHttpClient();

    private void start(int maxConcurrent) throws IOException {
        api.start(new SearchConfig(200, 10, 2, Duration.ofSeconds(7), maxConcurrent));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return api.get(pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return api.send(request);
    }

    private URI uri(String pathAndQuery) {
        return api.uri(pathAndQuery);
    }

    private static String q(String text) {
        return "/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void answersWithPartialFlag() throws Exception {
        start(4);
        HttpResponse<String> ok = get(q("water"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"partial\":false", "Water levels rise");
        es.answerTimedOut();
        assertThat(get(q("water")).body()).contains("\"partial\":true");
    }

    @Test
    void eachLimitIsA400NamingIt() throws Exception {
        start(4);
        assertLimit(get(q("x".repeat(201))), "search.maxQueryLength");
        assertLimit(get(q("a b c d e f g h i j k")), "search.maxTerms");
        assertLimit(get(q("wa* ri* se*")), "search.maxWildcardTerms");
        assertLimit(get(q("((((((((((a))))))))))")), "search.maxQueryDepth");
        assertThat(get(q("a b c d e f g h i j")).statusCode()).isEqualTo(200);
    }

    @Test
    void aSyntaxErrorIsA400NamingItsPositionNeverAnEmptyResult() throws Exception {
        start(4);
        HttpResponse<String> response = get(q("flood AND (storm"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"position\":10", "\"status\":400", "never closed");
        assertThat(get(q("title:")).body()).contains("\"position\":6");
    }

    @Test
    void servesTheOpenApiDocumentListingEverySearchParameter() throws Exception {
        start(4);
        HttpResponse<String> response = get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        com.fasterxml.jackson.databind.JsonNode doc = newsflow.common.json.Json.read(response.body(), com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        java.util.Set<String> documented = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode p : doc.at("/paths/~1api~1search/get/parameters")) {
            documented.add(p.has("$ref")
                    ? doc.at(p.get("$ref").asText().substring(1)).get("name").asText()
                    : p.get("name").asText());
        }
        assertThat(documented).isEqualTo(newsflow.search.SearchQueryParser.PARAMETERS);
        assertThat(doc.at("/components/schemas/Error/properties")).isNotEmpty();
        assertThat(get("/api/openapi.jsonx").statusCode()).isEqualTo(404);
    }

    @Test
    void withApiKeysTheOpenApiDocumentIsServedWithoutOneLikeThePageThatLinksToIt() throws Exception {
        api.start(new SearchConfig(200, 10, 2, Duration.ofSeconds(7), 4), List.of("k-one"));
        HttpResponse<String> doc = get("/api/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"openapi\"");
        // the data it describes still needs the key
        assertThat(get(q("water")).statusCode()).isEqualTo(401);
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri(q("water"))).header("X-Api-Key", "k-one")).statusCode())
                .isEqualTo(200);
        // and the description is still only read
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/openapi.json"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
    }

    private static void assertLimit(HttpResponse<String> response, String key) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"limit\":\"" + key + "\"", "\"status\":400");
    }

    @Test
    void beyondMaxConcurrentIs429WithRetryAfter() throws Exception {
        start(1);
        es.holdRequests();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(
                HttpRequest.newBuilder(uri(q("water"))).build(), HttpResponse.BodyHandlers.ofString());
        es.awaitRequest();

        HttpResponse<String> refused = get(q("water"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.body()).contains("search.maxConcurrent", "\"status\":429");
        es.release();
        assertThat(first.get().statusCode()).isEqualTo(200);
    }

    @Test
    void writesAndUnknownThingsGetJsonErrors() throws Exception {
        start(4);
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri(q("water"))).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(post.body()).contains("\"status\":405");
        HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/api/articles/a1")).DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = get("/api/searchable");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"status\":404");
        HttpResponse<String> badParam = get("/api/search?nope=1");
        assertThat(badParam.statusCode()).isEqualTo(400);
        assertThat(badParam.body()).contains("unknown parameter 'nope'");
    }

    @Test
    void servesThePageAssetsWithTheSecurityHeaders() throws Exception {
        start(4);
        HttpResponse<String> js = get("/assets/search.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(js.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("script-src 'self'"));
        for (String asset : List.of("/assets/newsflow.js", "/assets/dashboard.js", "/assets/newsflow.css")) {
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(get("/assets/newsflow.css").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(get("/assets/other.js").statusCode()).isEqualTo(404);
        assertThat(get("/assets/../web/search.html").statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheDashboardPageAtItsPathOnly() throws Exception {
        start(4);
        HttpResponse<String> page = get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("/assets/dashboard.js");
        assertThat(get("/dashboardx").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/other").statusCode()).isEqualTo(404);
    }

    @Test
    void dashboardRefusesBadParametersWithA400NamingThem() throws Exception {
        start(4);
        HttpResponse<String> interval = get("/api/dashboard?interval=hour");
        assertThat(interval.statusCode()).isEqualTo(400);
        assertThat(interval.body()).contains("'interval' must be day, week or month");
        HttpResponse<String> unknown = get("/api/dashboard?nope=1");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown parameter 'nope'");
        assertLimit(get("/api/dashboard?q=" + "x".repeat(201)), "search.maxQueryLength");
        assertThat(get("/api/dashboard/more").statusCode()).isEqualTo(404);
    }
}
