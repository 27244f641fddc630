package newsflow.enrich.extract;

import newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pages built to make extraction deep or long: it finishes, or stops when its budget is spent. */
class ExtractionBoundsTest {

    private static final String TEXT = "Council members argued about the bridge budget until late at night. ";

    @Test
    void hundredThousandLevelsOfUnclosedNestingExtractWithoutOverflowingTheStack() {
        String html = "<html><body>" + "<div><span>".repeat(100_000) + TEXT.repeat(20);

        ExtractedPage page = ArticleExtractor.extract(html, "https://news.example/deep");

        assertThat(page.body()).startsWith("Council members argued").contains("until late at night.");
        assertThat(WordCounter.count(page.body())).isEqualTo(20 * 11);
    }

    @Test
    void deepNestingOfEveryKindThePassesLookAtExtracts() {
        // link rails, lists, tables, articles and named wrappers nested deep: each pass walks them
        String html = "<html><body>"
                + "<div class=\"sidebar-content\"><ul><li><a href=\"/x\">more</a>".repeat(5_000)
                + "<article><blockquote><table><tr><td><p>".repeat(5_000) + TEXT.repeat(10);

        ExtractedPage page = ArticleExtractor.extract(html, "https://news.example/deep");

        assertThat(page.body()).contains("Council members argued");
    }

    @Test
    void aSpentBudgetStopsTheRunningPassAndSaysWhich() {
        // the clock jumps an hour on its fourth reading: after parsing and metadata, as cleaning starts
        AtomicLong readings = new AtomicLong();
        ExtractionBudget budget = ExtractionBudget.of(Duration.ofSeconds(5),
                () -> readings.incrementAndGet() >= 4 ? Duration.ofHours(1).toNanos() : 0);

        assertThatThrownBy(() -> ArticleExtractor.extract(Fixtures.html("wordpress-politics.html"),
                "https://millbrook-courier.example/story", budget))
                .isInstanceOfSatisfying(ExtractionBudgetExceeded.class, e -> {
                    assertThat(e.pass()).isEqualTo("boilerplate cleaning");
                    assertThat(e.getMessage()).isEqualTo(
                            "page extraction stopped: over its 5000 ms budget in boilerplate cleaning");
                });
        assertThat(readings.get()).isEqualTo(4);
    }

    @Test
    void aZeroBudgetStopsBeforeAnyPassAndAnUnspentOneChangesNothing() {
        String html = Fixtures.html("wordpress-politics.html");
        String url = "https://millbrook-courier.example/story";

        assertThatThrownBy(() -> ArticleExtractor.extract(html, url, ExtractionBudget.of(Duration.ZERO)))
                .isInstanceOf(ExtractionBudgetExceeded.class).hasMessageContaining("in parsing");
        assertThat(ArticleExtractor.extract(html, url, ExtractionBudget.of(Duration.ofHours(1))))
                .isEqualTo(ArticleExtractor.extract(html, url));
    }
}
