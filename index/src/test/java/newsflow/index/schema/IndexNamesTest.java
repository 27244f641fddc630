package newsflow.index.schema;

import newsflow.index.testing.TestArticles;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexNamesTest {

    private final IndexNames names = IndexNames.current("newsflow-articles");

    @Test
    void namesTemplatePatternAndMonthlyIndices() {
        assertThat(names.template()).isEqualTo("newsflow-articles-v2");
        assertThat(names.pattern()).isEqualTo("newsflow-articles-v2-*");
        assertThat(names.forMonth(Instant.parse("2026-11-30T23:59:59Z"))).isEqualTo("newsflow-articles-v2-2026.11");
        assertThat(names.forMonth(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("newsflow-articles-v2-2027.01");
    }

    @Test
    void choosesTheMonthOfPublication() {
        var article = TestArticles.article(Instant.parse("2026-10-31T22:00:00Z"),
                Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-11-01T06:00:01Z"));

        assertThat(names.forArticle(article)).contains("newsflow-articles-v2-2026.10");
    }

    @Test
    void fallsBackToTheFetchTimeNotTheProcessingTime() {
        var article = TestArticles.article(null, Instant.parse("2026-10-31T23:59:00Z"), Instant.parse("2026-11-02T10:00:00Z"));

        assertThat(names.forArticle(article)).contains("newsflow-articles-v2-2026.10");
    }

    @Test
    void ignoresImplausiblePublishedDates() {
        Instant fetched = Instant.parse("2026-11-05T10:00:00Z");
        var future = TestArticles.article(Instant.parse("2031-01-01T00:00:00Z"), fetched, fetched);
        var epoch = TestArticles.article(Instant.EPOCH, fetched, fetched);

        assertThat(names.forArticle(future)).contains("newsflow-articles-v2-2026.11");
        assertThat(names.forArticle(epoch)).contains("newsflow-articles-v2-2026.11");
    }

    @Test
    void usesProcessingTimeOnlyWithoutAFeedEntry() {
        var noEntry = new newsflow.common.model.Article(1, "x", "u", null, null, "t", "b", null, null, null, null,
                null, null, "en", null, 1, null, Instant.parse("2026-09-09T09:00:00Z"));
        var noTimes = new newsflow.common.model.Article(1, "x", "u", null, null, "t", "b", null, null, null, null,
                null, null, "en", null, 1, null, null);

        assertThat(names.forArticle(noEntry)).contains("newsflow-articles-v2-2026.09");
        assertThat(names.forArticle(noTimes)).isEmpty();
    }

    @Test
    void rejectsAliasesElasticsearchWouldRefuse() {
        assertThatThrownBy(() -> IndexNames.current("News Articles")).hasMessageContaining("not a valid index name");
        assertThatThrownBy(() -> IndexNames.current("")).hasMessageContaining("empty");
    }
}
