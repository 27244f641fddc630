package newsflow.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.config.SearchConfig;
import newsflow.index.es.ElasticsearchClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SearchService against a controllable Elasticsearch: concurrency bound, timeouts, and what counts as down. */
class SearchGuardTest {

    private final FakeElasticsearch es = new FakeElasticsearch();
    private ElasticsearchClient client;

    @AfterEach
    void close() throws IOException {
        es.close();
        if (client != null) {
            client.close();
        }
    }

    private SearchService service(Duration timeout, int maxConcurrent) {
        SearchConfig limits = new SearchConfig(1000, 64, 4, timeout, maxConcurrent);
        client = es.client(limits.clientDeadline());
        return new SearchService(client, "articles", limits);
    }

    @Test
    void sendsTheTimeoutToElasticsearchAndFlagsATimedOutAnswerPartial() {
        SearchService search = service(Duration.ofSeconds(5), 2);
        assertThat(search.search(SearchQuery.text("water")).partial()).isFalse();

        es.answerTimedOut();
        SearchResult result = search.search(SearchQuery.text("water"));

        assertThat(result.partial()).isTrue();
        assertThat(result.hits()).extracting(SearchHit::id).containsExactly("a1");
    }

    @Test
    void refusesASearchBeyondMaxConcurrentAndTakesOneAgainWhenASlotFrees() throws Exception {
        SearchService search = service(Duration.ofSeconds(30), 1);
        es.holdRequests();
        CompletableFuture<SearchResult> first = CompletableFuture.supplyAsync(() -> search.search(SearchQuery.text("water")));
        es.awaitRequest();

        assertThatThrownBy(() -> search.search(SearchQuery.text("water")))
                .isInstanceOfSatisfying(SearchBusyException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(30))
                .hasMessageContaining("search.maxConcurrent");

        es.release();
        assertThat(first.get().total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.text("water")).total()).isEqualTo(1);
    }

    @Test
    void aSearchPastTheClientDeadlineIsATimeoutNotAnUnreachableNodeAndFreesItsSlot() {
        SearchService search = service(Duration.ofMillis(50), 1);
        es.holdRequests();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> search.search(SearchQuery.text("a b c d e f g")))
                    .isInstanceOf(SearchTimeoutException.class)
                    .hasMessageContaining("search.timeout");
        }

        es.release();
        assertThat(search.search(SearchQuery.text("water")).total()).isEqualTo(1);
    }

    @Test
    void onlyAFailedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ElasticsearchClient down = ElasticsearchClients.create(new ElasticsearchConfig(
                "http://127.0.0.1:" + closedPort, null, null, null, "articles", 1, 0, 100))) {
            SearchService search = new SearchService(down, "articles", SearchConfig.DEFAULTS);
            assertThatThrownBy(() -> search.search(SearchQuery.text("water")))
                    .isInstanceOf(SearchUnavailableException.class)
                    .hasMessageContaining("unreachable");
        }
    }
}
