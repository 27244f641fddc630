package newsflow.enrich.extract;

import newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void trailingTrimmingRunsABoundedNumberOfRoundsOnABodyBuiltToNeedOneRoundPerLine() {
        // each round removes one tag line and one rail label: without a cap, a round per pair, each walking the body
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(TEXT.repeat(40));
        for (int i = 0; i < 1_000; i++) {
            paragraphs.add("More from the Gazette:");
            paragraphs.add("Tags: bridge, budget " + i);
        }

        TrailingNoise.trim(paragraphs);

        // the first round drops the last tag line, each later one a label and a tag line; then the cap stops it
        assertThat(paragraphs).hasSize(1 + 2 * 1_000 - (2 * TrailingNoise.MAX_ROUNDS - 1));
        assertThat(paragraphs.getFirst()).startsWith("Council members argued");
    }

    @Test
    void manyHeadingsThatRepeatTheTitleInDeepNestingAreMatchedInOneWalk() {
        String html = "<html><head><title>The bridge budget vote goes late</title></head><body>"
                + "<div class=\"entry-author-x\"><h3>The bridge budget vote goes late</h3>".repeat(5_000)
                + TEXT.repeat(10);

        ExtractedPage page = ArticleExtractor.extract(html, "https://news.example/deep");

        assertThat(page.body()).contains("Council members argued");
    }

    @Test
    void thousandsOfSiblingCopiesOfAStoryCollapseToOneAndASpentBudgetStopsTheCollapse() {
        String copy = "<div class=\"variant\"><div><p>" + TEXT.repeat(4) + "</p></div></div>";
        String html = "<html><body><div class=\"story\">" + copy.repeat(5_000) + "</div></body></html>";

        ExtractedPage page = ArticleExtractor.extract(html, "https://news.example/copies");

        assertThat(WordCounter.count(page.body())).isEqualTo(4 * 11);

        org.jsoup.nodes.Element story = org.jsoup.Jsoup.parse(html).selectFirst("div.story");
        AtomicLong readings = new AtomicLong();
        ExtractionBudget budget = ExtractionBudget.of(Duration.ofSeconds(5),
                () -> readings.incrementAndGet() >= 3 ? Duration.ofHours(1).toNanos() : 0);
        assertThatThrownBy(() -> RepeatedVariants.collapse(List.of(story), budget))
                .isInstanceOfSatisfying(ExtractionBudgetExceeded.class, e -> assertThat(e.pass()).isEqualTo("content pruning"));
    }
}
