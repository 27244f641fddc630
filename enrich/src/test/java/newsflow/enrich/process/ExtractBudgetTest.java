package newsflow.enrich.process;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.EnrichConfig;
import newsflow.common.model.Article;
import newsflow.common.model.Extraction.Method;
import newsflow.enrich.Fixtures;
import newsflow.enrich.topics.TopicMatcher;
import newsflow.enrich.topics.TopicTagger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code enrich.extractBudget} is the budget the page's extraction gets. */
class ExtractBudgetTest {

    static Article build(EnrichConfig config) {
        TopicTagger topics = new TopicTagger(new TopicMatcher(Map.of()), null);
        ArticleBuilder builder = new ArticleBuilder(() -> topics, null, Clock.systemUTC(), config.extractBudget());
        return builder.build(ArticleBuilderTest.entry(ArticleBuilderTest.SUMMARY, ArticleBuilderTest.CONTENT),
                ArticleBuilderTest.page("text/html; charset=UTF-8", Fixtures.bytes("wordpress-politics.html")));
    }

    @Test
    void withTheDefaultBudgetAnOrdinaryPageIsExtracted() {
        Article a = build(ConfigLoader.load(null, Map.of()).enrich());
        assertThat(a.extraction().method()).isEqualTo(Method.PAGE);
        assertThat(a.extraction().fallbackReason()).isNull();
    }

    @Test
    void aConfiguredBudgetTooSmallForAnyPageMakesTheArticleFallBackToTheFeedSayingWhy() {
        // one nanosecond of CPU: spent by parsing before the first check
        EnrichConfig config = ConfigLoader.load(null, Map.of("NEWSFLOW_ENRICH_EXTRACT_BUDGET", "PT0.000000001S")).enrich();

        Article a = build(config);

        assertThat(a.extraction().method()).isIn(List.of(Method.FEED_CONTENT, Method.FEED_SUMMARY));
        assertThat(a.extraction().fallbackReason()).startsWith("page extraction stopped: over its 0 ms budget");
    }
}
