package newsflow.index.document;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.common.model.Article;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the Elasticsearch document written for articles as enrich publishes them (the records under
 * {@code src/test/resources/wire/}: a page read in full, one with JSON-LD metadata, a feed fallback, a shell built from its AMP version),
 * field for field: documents already in an index and the ones written from now on must match. Compared as JSON
 * trees: the order of the {@code field_sources} keys was never fixed (the document copies the map with
 * {@code Map.copyOf}).
 */
class ArticleDocumentWireFormatTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:07Z");

    @Test
    void documentsAreWrittenAsBefore() {
        for (String name : List.of("page", "jsonld", "feed", "amp")) {
            Article article = Json.read(resource("article-" + name + ".json"), Article.class);

            String document = Json.write(ArticleDocuments.from(article, NOW));

            assertThat(tree(document)).as(name).isEqualTo(tree(resource("document-" + name + ".json")));
        }
    }

    @Test
    void documentsAlreadyInAnIndexReadAndWriteUnchanged() {
        for (String name : List.of("page", "jsonld", "feed", "amp")) {
            String stored = resource("document-" + name + ".json").strip();

            assertThat(tree(Json.write(Json.read(stored, ArticleDocument.class)))).as(name).isEqualTo(tree(stored));
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ArticleDocumentWireFormatTest.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no wire record " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
