package newsflow.enrich.process;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;
import newsflow.common.json.Json;
import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import newsflow.common.model.Schema;
import newsflow.enrich.Fixtures;
import newsflow.enrich.topics.TopicMatcher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON enrich publishes for fixed inputs: a page read in full (one with JSON-LD metadata), a failed fetch that falls back to the feed,
 * and a shell page built from its AMP version. The expected records under {@code src/test/resources/wire/} were
 * written by the code before the extraction records were reshaped; records already in Kafka look like them.
 * Compared as JSON trees: the order of {@code fieldSources} keys was never fixed.
 */
class ArticleWireFormatTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String LINK = "https://millbrook-courier.example/2025/02/18/senate-committee-advances-rural-broadband-bill/";
    static final String SHELL = "https://www.kestrel-bay.example/news/harbour-ferry-returns";

    final ArticleBuilder builder = new ArticleBuilder(
            new TopicMatcher(Map.of("politics", List.of("senate", "senators"))), Clock.fixed(NOW, ZoneOffset.UTC));

    static FeedEntry entry(String link) {
        return new FeedEntry(Schema.VERSION, "entry-id-1", "https://millbrook-courier.example/feed/", "Millbrook Courier",
                link, "https://millbrook-courier.example/?p=2417", "Senate committee advances broadband bill",
                "A senate committee sent the broadband bill to the full chamber […]",
                "<p>The state senate committee voted six to three to send the rural broadband bill to the full chamber.</p>",
                List.of("E. Whitfield"), Instant.parse("2025-02-18T16:06:00Z"), Instant.parse("2025-02-18T17:00:00Z"),
                List.of("Uncategorized"), List.of(new Media("https://millbrook-courier.example/img.jpg", "image/jpeg", null, null)),
                Instant.parse("2025-02-18T16:10:00Z"));
    }

    static PageOutcome.Fetched page(String url, String fixture) {
        return new PageOutcome.Fetched(new FetchResponse(200, URI.create(url), "text/html; charset=utf-8",
                Fixtures.bytes(fixture), null, null));
    }

    @Test
    void anArticleReadFromItsPageIsWrittenAsBefore() {
        Article a = builder.build(entry(LINK), page(LINK, "wordpress-politics.html"));

        assertThat(tree(a)).isEqualTo(expected("article-page.json"));
    }

    @Test
    void anArticleWithJsonLdMetadataIsWrittenAsBefore() {
        Article a = builder.build(entry(LINK), page(LINK, "jsonld-graph-news.html"));

        assertThat(tree(a)).isEqualTo(expected("article-jsonld.json"));
    }

    @Test
    void anArticleFromTheFeedAfterAFailedFetchIsWrittenAsBefore() {
        Article a = builder.build(entry(LINK), new PageOutcome.Failed(new FetchException(FetchException.Kind.HTTP_STATUS,
                URI.create(LINK), 503, "HTTP 503", null)));

        assertThat(tree(a)).isEqualTo(expected("article-feed.json"));
    }

    @Test
    void anArticleFromTheAmpVersionOfAShellIsWrittenAsBefore() {
        Article a = builder.build(entry(SHELL), page(SHELL, "shell-with-amp.html"),
                url -> url.equals(SHELL + "/amp") ? page(url, "shell-amp-version.html") : new PageOutcome.NotFetched("none"));

        assertThat(tree(a)).isEqualTo(expected("article-amp.json"));
    }

    @Test
    void recordsAlreadyOnTheWireReadAndWriteUnchanged() {
        for (String name : List.of("article-page.json", "article-jsonld.json", "article-feed.json", "article-amp.json")) {
            JsonNode old = expected(name);
            Article read = Json.read(old.toString(), Article.class);
            assertThat(tree(read)).as(name).isEqualTo(old);
        }
    }

    private static JsonNode tree(Article a) {
        try {
            return Json.mapper().readTree(Json.write(a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode expected(String name) {
        try (InputStream in = ArticleWireFormatTest.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no expected record " + name);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
