package newsflow.index.testing;

import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.Extraction;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.FieldSources;
import newsflow.common.model.Provenance;
import newsflow.common.model.Schema;
import newsflow.common.model.TopicScore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Articles for tests, written here so no test depends on a shared data set. */
public final class TestArticles {

    private TestArticles() {
    }

    public static FeedEntry entry(Instant fetchedAt) {
        return new FeedEntry(Schema.VERSION, "a1", "https://harbour.example/feed.xml", "Harbour Gazette",
                "https://harbour.example/news/ferry", "urn:harbour:4711", "New ferry route opens",
                "<p>A summary</p>", null, List.of("Mara Lind"), null, null,
                List.of("Transport", "Local", "Transport"), List.of(), fetchedAt);
    }

    public static Article article(Instant published, Instant fetchedAt, Instant processedAt) {
        return new Article(Schema.VERSION, "a1", "https://harbour.example/news/ferry?utm_source=x",
                "https://harbour.example/news/ferry", entry(fetchedAt),
                "New ferry route opens", "The harbour authority opened a ferry route.\n\nBoats run hourly.",
                List.of("Mara Lind", " ", "Mara Lind", "Olle Berg"), published, null,
                "https://harbour.example/img/ferry.jpg", "Harbour Gazette", "Ferries every hour from Monday",
                "en", List.of(new TopicScore("transport", 0.92, "rule"), new TopicScore("local", 0.4, "model")),
                12, new Extraction(Extraction.Method.PAGE, 200, null, 
                        new FieldSources(Map.of(ArticleField.TITLE, Provenance.JSON_LD,
                                ArticleField.PUBLISHED, Provenance.META)),
                        "newsflow-extract/0.1"),
                processedAt);
    }
}
