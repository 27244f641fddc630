package newsflow.enrich;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.Article;
import newsflow.common.model.Extraction;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.FieldSources;
import newsflow.common.model.Schema;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleSizeLimitTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static Article article(String body, String feedContent, String title) {
        FeedEntry entry = new FeedEntry(Schema.VERSION, "a1", "https://harbour.example/feed.xml", "Harbour Gazette",
                "https://harbour.example/news/ferry", null, title, "A summary.", feedContent, List.of(), null, null,
                List.of(), List.of(), Instant.parse("2026-03-04T08:00:00Z"));
        return new Article(Schema.VERSION, "a1", entry.link(), entry.link(), entry, title, body, List.of(), null, null,
                null, "Harbour Gazette", null, "en", List.of(), 0,
                new Extraction(Extraction.Method.PAGE, 200, null, FieldSources.NONE, "newsflow-extractor/1"),
                Instant.parse("2026-03-04T08:01:00Z"));
    }

    static String paragraphs(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : "\n\n").append("Paragraph ").append(i).append(": the ferry runs every hour, ")
                    .append("and the harbour authority says so in its notice «ÆØÅ».");
        }
        return b.toString();
    }

    @Test
    void articleUnderTheLimitIsLeftAlone() {
        Article small = article(paragraphs(3), null, "Ferry");
        assertThat(new ArticleSizeLimit(64 * 1024, meters).fit(small, "t-0@0")).isSameAs(small);
        assertThat(meters.find(MeterNames.ARTICLES_TRUNCATED).counter()).isNull();
    }

    @Test
    void bodyIsCutAtAParagraphBoundarySoTheRecordFitsUnderTheLimitWithMargin() {
        String body = paragraphs(500); // ~50 KB
        ArticleSizeLimit limit = new ArticleSizeLimit(8 * 1024, meters);

        Article cut = limit.fit(article(body, null, "Ferry"), "t-0@0");

        assertThat(ArticleSizeLimit.size(cut)).isLessThanOrEqualTo(limit.target()).isLessThan(8 * 1024 - 800);
        assertThat(cut.extraction().truncated()).isTrue();
        assertThat(body).startsWith(cut.body());
        assertThat(body.substring(cut.body().length())).startsWith("\n\n");
        assertThat(cut.body().length()).isGreaterThan(limit.target() / 2); // not cut needlessly short
        assertThat(cut.wordCount()).isPositive().isLessThan(body.split("\\s+").length);
        assertThat(meters.counter(MeterNames.ARTICLES_TRUNCATED).count()).isEqualTo(1);
    }

    @Test
    void feedContentCarriedWithTheArticleIsCutWhenItIsTheLargestText() {
        String content = "<p>" + "word ".repeat(20_000) + "</p>";
        Article cut = new ArticleSizeLimit(16 * 1024, meters).fit(article(paragraphs(5), content, "Ferry"), "t-0@0");

        assertThat(ArticleSizeLimit.size(cut)).isLessThanOrEqualTo(16 * 1024 - 1638);
        assertThat(cut.body()).isEqualTo(paragraphs(5));
        assertThat(content).startsWith(cut.entry().content());
        assertThat(cut.extraction().truncated()).isTrue();
    }

    @Test
    void withoutAWordBoundaryTheCutKeepsSurrogatePairsWhole() {
        String text = "😀".repeat(1000);
        String cut = ArticleSizeLimit.cut(text, 4000, 2001);
        assertThat(cut.length() % 2).isZero();
        assertThat(text).startsWith(cut);
    }

    @Test
    void articleWhoseOtherFieldsAloneAreTooLargeIsReturnedAsItIs() {
        Article huge = article("", null, "T".repeat(20_000));
        assertThat(new ArticleSizeLimit(8 * 1024, meters).fit(huge, "t-0@0")).isSameAs(huge);
        assertThat(meters.find(MeterNames.ARTICLES_TRUNCATED).counter()).isNull();
    }
}
