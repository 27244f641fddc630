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
    void readsTheSchemaVersionBackFromAnIndexName() {
        assertThat(IndexNames.versionOf("newsflow-articles", new IndexNames("newsflow-articles", 12)
                .forMonth(Instant.parse("2026-11-30T23:59:59Z")))).hasValue(12);
        assertThat(IndexNames.versionOf("newsflow-articles", "newsflow-articles-v3-2026.01")).hasValue(3);
        // another alias that merely starts the same, hand-made indices, and the template name itself
        assertThat(IndexNames.versionOf("newsflow-articles", "newsflow-articles-vx-2026.01")).isEmpty();
        assertThat(IndexNames.versionOf("newsflow-articles", "newsflow-articles-v-2026.01")).isEmpty();
        assertThat(IndexNames.versionOf("newsflow-articles", "newsflow-articles-v2")).isEmpty();
        assertThat(IndexNames.versionOf("newsflow-articles", "newsflow-articles-old")).isEmpty();
        assertThat(IndexNames.versionOf("newsflow", "newsflow-articles-v1-2026.01")).isEmpty();
    }

    @Test
    void refusesAVersionBelowOne() {
        assertThatThrownBy(() -> new IndexNames("newsflow-articles", 0)).hasMessageContaining("at least 1");
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

    @Test
    void anArticlePublishedLongBeforeItWasReadGoesToTheOneArchiveIndex() {
        Instant fetched = Instant.parse("2026-11-05T10:00:00Z");
        var old = TestArticles.article(Instant.parse("2019-03-02T00:00:00Z"), fetched, fetched);
        var older = TestArticles.article(Instant.parse("2011-07-30T00:00:00Z"), fetched, fetched);
        var lastMonth = TestArticles.article(Instant.parse("2026-10-10T00:00:00Z"), fetched, fetched);

        String v = "newsflow-articles-v" + IndexNames.CURRENT_VERSION + "-";
        assertThat(names.archive()).isEqualTo(v + "archive");
        assertThat(names.forArticle(old)).contains(names.archive());
        assertThat(names.forArticle(older)).contains(names.archive());
        assertThat(names.forArticle(lastMonth)).contains(v + "2026.10");
        assertThat(IndexNames.versionOf("newsflow-articles", names.archive())).hasValue(IndexNames.CURRENT_VERSION);
    }

    @Test
    void theArchiveChoiceDependsOnTheArticleNotOnWhenItIsIndexed() {
        // no feed entry: the time enrich built it is the reference, carried in the article like the feed time
        var built = new newsflow.common.model.Article(1, "x", "u", null, null, "t", "b", null,
                Instant.parse("2020-01-01T00:00:00Z"), null, null, null, null, "en", null, 1, null,
                Instant.parse("2026-09-09T09:00:00Z"));

        assertThat(names.forArticle(built)).contains(names.archive());
        assertThat(names.forArticle(built)).isEqualTo(names.forArticle(built));
    }
}
