package newsflow.search.api;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.SearchConfig;
import newsflow.common.json.Json;
import newsflow.search.FakeElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code format=csv|ndjson} on /api/search: streamed page by page, bounded by limit, failures visible. */
class SearchExportApiTest {

    /** search.exportMaxRows in these tests. */
    private static final int MAX_ROWS = 1200;

    private final ApiServer api = new ApiServer();
    private final FakeElasticsearch es = api.es;

    private void start() throws IOException {
        api.start(new SearchConfig(200, 10, 2, Duration.ofSeconds(7), 4, 8, MAX_ROWS, 5));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return api.get(pathAndQuery);
    }

    @Test
    void csvIsStreamedInPagesOfSearchAfterUpToTheLimit() throws Exception {
        es.serveArticles(5000);
        start();

        HttpResponse<String> response = get("/api/search?format=csv&limit=1100");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        assertThat(response.headers().firstValue("Transfer-Encoding")).as("streamed, not buffered").hasValue("chunked");
        String[] lines = response.body().split("\r\n");
        assertThat(lines).hasSize(1 + 1100);
        assertThat(lines[0]).isEqualTo("id,published,source,site_name,language,title,url,authors,topics,story_id");
        assertThat(lines[1]).startsWith("a00000,2026-").contains(",\"'=SUM(A1) \"\"quoted\"\", article 0\",", ",Ruth Kaminski; -Sam,");
        assertThat(lines[1100]).startsWith("a01099,");

        List<JsonNode> requests = es.requests().stream().map(r -> Json.read(r, JsonNode.class)).toList();
        assertThat(requests).extracting(r -> r.get("size").asInt()).containsExactly(500, 500, 100);
        assertThat(requests.get(0).has("search_after")).isFalse();
        assertThat(requests.get(1).at("/search_after/1").asText()).isEqualTo("a00499");
        assertThat(requests.get(2).at("/search_after/1").asText()).isEqualTo("a00999");
        assertThat(requests.get(0).has("aggregations")).as("no facets in an export").isFalse();
    }

    @Test
    void theLimitDefaultsToAndStopsAtSearchExportMaxRows() throws Exception {
        es.serveArticles(5000);
        start();

        assertThat(get("/api/search?format=csv").body().split("\r\n")).hasSize(1 + MAX_ROWS);

        HttpResponse<String> tooMany = get("/api/search?format=csv&limit=" + (MAX_ROWS + 1));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"limit\":\"search.exportMaxRows\"", "1200");
        assertThat(get("/api/search?format=csv&limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?format=csv&limit=many").body()).contains("'limit'");
    }

    @Test
    void fewerMatchesThanTheLimitEndTheExport() throws Exception {
        es.serveArticles(501);
        start();

        String[] lines = get("/api/search?format=csv&q=flood&sort=relevance").body().split("\r\n");

        assertThat(lines).hasSize(1 + 501);
        // the third was sent before the second page was read, and found nothing (it may arrive after the CSV's end)
        es.awaitRequests(3);
        assertThat(es.requests()).hasSize(3);
        assertThat(Json.read(es.requests().get(1), JsonNode.class).at("/search_after").size()).as("score, date, id").isEqualTo(3);
        assertThat(Json.read(es.requests().get(2), JsonNode.class).at("/search_after/2").asText()).isEqualTo("a00500");
    }

    @Test
    void fromTheSecondPageOnTheNextIsAskedForBeforeThePageIsReadAndOneRequestFindsTheEnd() throws Exception {
        es.serveArticles(1700);
        start();

        String[] lines = get("/api/search?format=csv&limit=1200").body().split("\r\n");
        List<String> limited = es.requests();
        String[] all = get("/api/search?format=ndjson&limit=1200&q=flood").body().split("\n");

        assertThat(lines).hasSize(1 + 1200);
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).as("in order, none twice").startsWith(String.format("a%05d,", i - 1));
        }
        // the limit ends it: no request past the last page
        assertThat(limited).extracting(r -> Json.read(r, JsonNode.class).get("size").asInt()).containsExactly(500, 500, 200);
        assertThat(all).hasSize(1200);
        assertThat(Json.read(all[1199], JsonNode.class).get("id").asText()).isEqualTo("a01199");
    }

    @Test
    void resultsThatEndBeforeTheLimitPastTheFirstPageCostOneRequestThatFindsNothing() throws Exception {
        es.serveArticles(700);
        start();

        String[] lines = get("/api/search?format=csv&limit=1200").body().split("\r\n");

        assertThat(lines).hasSize(1 + 700);
        assertThat(lines[700]).startsWith("a00699,");
        // the third was sent ahead while the second page was read: it may reach the fake after the CSV's end
        es.awaitRequests(3);
        List<JsonNode> requests = es.requests().stream().map(r -> Json.read(r, JsonNode.class)).toList();
        assertThat(requests).extracting(r -> r.at("/search_after/1").asText()).containsExactly("", "a00499", "a00699");
        assertThat(requests).extracting(r -> r.get("size").asInt()).containsExactly(500, 500, 200);
    }

    @Test
    void ndjsonIsOneArticlePerLine() throws Exception {
        es.serveArticles(3);
        start();

        HttpResponse<String> response = get("/api/search?format=ndjson");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode first = Json.read(lines[0], JsonNode.class);
        assertThat(first.get("id").asText()).isEqualTo("a00000");
        assertThat(first.get("title").asText()).isEqualTo("=SUM(A1) \"quoted\", article 0");
        assertThat(first.get("topics")).extracting(JsonNode::asText).containsExactly("transport", "local");
    }

    @Test
    void badExportParametersAreJsonErrorsBeforeAnythingIsStreamed() throws Exception {
        es.serveArticles(3);
        start();

        assertThat(get("/api/search?format=xlsx").body()).contains("'format'", "\"status\":400");
        assertThat(get("/api/search?format=csv&collapse=story").body()).contains("'collapse'", "\"status\":400");
        assertThat(get("/api/search?limit=5").body()).contains("'limit'", "\"status\":400");
        HttpResponse<String> syntax = get("/api/search?format=csv&q=%28flood");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.body()).contains("\"position\":0");
        assertThat(es.requests()).isEmpty();
    }

    @Test
    void aFailureBeforeTheFirstRowIsAJsonError() throws Exception {
        es.serveArticles(3);
        es.failAfter(0);
        start();

        HttpResponse<String> response = get("/api/search?format=csv");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":503");
    }

    @Test
    void aFailureAfterRowsWentOutBreaksTheDownloadInsteadOfEndingItShort() throws Exception {
        es.serveArticles(5000);
        es.failAfter(1);
        start();

        assertThatThrownBy(() -> get("/api/search?format=csv&limit=1000"))
                .as("the client must not receive a complete-looking file of 500 rows")
                .isInstanceOf(IOException.class);
        assertThat(es.requests()).hasSize(2);
    }
}
