package newsflow.index.bulk;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import newsflow.index.document.ArticleDocuments;
import newsflow.index.testing.TestArticles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BulkClassificationTest {

    private static final Instant T = Instant.parse("2026-11-03T08:00:00Z");

    @Test
    void itemOutcomesByStatusAndErrorType() {
        assertThat(ItemOutcome.of(201, null)).isEqualTo(ItemOutcome.INDEXED);
        assertThat(ItemOutcome.of(200, null)).isEqualTo(ItemOutcome.INDEXED);
        assertThat(ItemOutcome.of(429, "es_rejected_execution_exception")).isEqualTo(ItemOutcome.RETRY);
        assertThat(ItemOutcome.of(503, "unavailable_shards_exception")).isEqualTo(ItemOutcome.RETRY);
        assertThat(ItemOutcome.of(404, "index_not_found_exception")).isEqualTo(ItemOutcome.RETRY);
        assertThat(ItemOutcome.of(400, "document_parsing_exception")).isEqualTo(ItemOutcome.REJECT);
        assertThat(ItemOutcome.of(400, "strict_dynamic_mapping_exception")).isEqualTo(ItemOutcome.REJECT);
        assertThat(ItemOutcome.of(409, "version_conflict_engine_exception")).isEqualTo(ItemOutcome.REJECT);
    }

    @Test
    void sortsABulkResponseIntoIndexedRejectedAndRetry() {
        List<IndexItem<String>> sent = List.of(item("a", "rec-a"), item("b", "rec-b"), item("c", "rec-c"), item("d", "rec-d"));
        BulkResponse response = BulkResponse.of(r -> r.errors(true).took(7).items(List.of(
                ok("a"),
                failed("b", 400, "document_parsing_exception", "failed to parse field [published] of type [date]"),
                failed("c", 429, "es_rejected_execution_exception", "rejected execution of coordinating operation"),
                ok("d"))));

        BulkIndexer.Classified<String> c = BulkIndexer.classify(sent, response);

        assertThat(c.indexed()).isEqualTo(2);
        assertThat(c.rejected()).singleElement().satisfies(r -> {
            assertThat(r.item().origin()).isEqualTo("rec-b");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorType()).isEqualTo("document_parsing_exception");
            assertThat(r.error()).contains("failed to parse field [published]");
        });
        assertThat(c.retry()).extracting(IndexItem::origin).containsExactly("rec-c");
        assertThat(c.retryCause()).contains("429").contains("es_rejected_execution_exception");
    }

    @Test
    void aResponseThatDoesNotMatchTheRequestIsRetriedWhole() {
        List<IndexItem<String>> sent = List.of(item("a", "rec-a"), item("b", "rec-b"));
        BulkResponse response = BulkResponse.of(r -> r.errors(false).took(1).items(List.of(ok("a"))));

        BulkIndexer.Classified<String> c = BulkIndexer.classify(sent, response);

        assertThat(c.retry()).hasSize(2);
        assertThat(c.indexed()).isZero();
    }

    @Test
    void requestLevelFailures() {
        assertThat(RequestFailures.retryable(new ConnectException("Connection refused"))).isTrue();
        assertThat(RequestFailures.retryable(new IOException("Read timed out"))).isTrue();
        assertThat(RequestFailures.retryable(esException(503, "master_not_discovered_exception"))).isTrue();
        assertThat(RequestFailures.retryable(esException(429, "circuit_breaking_exception"))).isTrue();
        assertThat(RequestFailures.retryable(esException(401, "security_exception"))).isTrue();
        assertThat(RequestFailures.retryable(esException(400, "illegal_argument_exception"))).isFalse();
        assertThat(RequestFailures.retryable(esException(413, "content_too_long"))).isFalse();
        assertThat(RequestFailures.retryable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void bulkRequestTargetsTheChosenIndexWithTheArticleId() {
        BulkRequest request = BulkIndexer.request(List.of(item("a", "rec-a")));

        assertThat(request.operations()).singleElement().satisfies(op -> {
            assertThat(op.isIndex()).isTrue();
            assertThat(op.index().index()).isEqualTo("newsflow-articles-v2-2026.11");
            assertThat(op.index().id()).isEqualTo("a");
        });
    }

    private static IndexItem<String> item(String id, String origin) {
        var article = TestArticles.article(T, T, T);
        var doc = ArticleDocuments.from(new newsflow.common.model.Article(article.schemaVersion(), id, article.url(),
                article.canonicalUrl(), article.entry(), article.title(), article.body(), article.authors(),
                article.published(), article.modified(), article.leadImage(), article.siteName(), article.description(),
                article.language(), article.topics(), article.wordCount(), article.extraction(), article.processedAt()), T);
        return new IndexItem<>("newsflow-articles-v2-2026.11", doc, origin);
    }

    private static BulkResponseItem ok(String id) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("newsflow-articles-v2-2026.11")
                .id(id).status(201).result("created"));
    }

    private static BulkResponseItem failed(String id, int status, String type, String reason) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("newsflow-articles-v2-2026.11")
                .id(id).status(status).error(e -> e.type(type).reason(reason)));
    }

    private static ElasticsearchException esException(int status, String type) {
        return new ElasticsearchException("bulk", ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason("test"))));
    }
}
