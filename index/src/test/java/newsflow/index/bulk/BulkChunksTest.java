package newsflow.index.bulk;

import newsflow.index.testing.TestArticles;
import newsflow.index.document.ArticleDocuments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkChunksTest {

    /** Items whose origin is their size in bytes. */
    private static List<IndexItem<Long>> items(long... sizes) {
        var doc = ArticleDocuments.from(TestArticles.article(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:01Z")), Instant.EPOCH);
        return java.util.Arrays.stream(sizes).mapToObj(s -> new IndexItem<>("i", doc, s)).toList();
    }

    private static List<List<Long>> sizes(List<List<IndexItem<Long>>> chunks) {
        return chunks.stream().map(c -> c.stream().map(IndexItem::origin).toList()).toList();
    }

    @Test
    void cutsByDocumentCount() {
        var items = items(IntStream.range(0, 7).mapToLong(i -> 1).toArray());

        assertThat(sizes(BulkChunks.split(items, 3, 1_000, IndexItem::origin)))
                .containsExactly(List.of(1L, 1L, 1L), List.of(1L, 1L, 1L), List.of(1L));
    }

    @Test
    void cutsBeforeTheDocumentThatWouldPassTheByteBound() {
        assertThat(sizes(BulkChunks.split(items(40, 50, 20, 30), 100, 100, IndexItem::origin)))
                .containsExactly(List.of(40L, 50L), List.of(20L, 30L));
    }

    @Test
    void aDocumentLargerThanTheBoundGoesAlone() {
        assertThat(sizes(BulkChunks.split(items(10, 500, 10), 100, 100, IndexItem::origin)))
                .containsExactly(List.of(10L), List.of(500L), List.of(10L));
    }

    @Test
    void nothingToWriteMakesNoRequest() {
        assertThat(BulkChunks.split(items(), 10, 10, IndexItem::origin)).isEmpty();
    }

    @Test
    void refusesEmptyBounds() {
        assertThatThrownBy(() -> BulkChunks.split(items(1), 0, 10, IndexItem::origin)).hasMessageContaining("positive");
    }
}
