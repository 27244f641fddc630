package newsflow.lab.analyst;

import newsflow.index.document.ArticleDocument;
import newsflow.lab.analyst.SourceTexts.Text;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticArticlesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final SourceTexts TEXTS = new SourceTexts(List.of(
            new Text("Oil prices rise", "Oil prices rose on Monday. Traders cited supply worries. Analysts expect more. OPEC meets in June. "
                    + "Refiners are cautious. Shares of producers gained. Airlines fell.", "business"),
            new Text("Cup final tonight", "The cup final is tonight. Both teams are ready. Tickets sold out.", "sport")));

    @Test
    void theSameSeedGivesTheSameArticlesAndReportsOfATextVary() {
        SyntheticArticles a = new SyntheticArticles(TEXTS, NOW, 1);
        SyntheticArticles b = new SyntheticArticles(TEXTS, NOW, 1);

        assertThat(a.article(5)).isEqualTo(b.article(5));
        // articles 0, 2, 4 are reports of the first text: the first three are one story, the next one another
        assertThat(a.article(0).storyId()).isEqualTo(a.article(2).storyId()).isEqualTo(a.article(4).storyId());
        assertThat(a.article(6).storyId()).isNotEqualTo(a.article(0).storyId());
        assertThat(a.article(0).body()).isNotEqualTo(a.article(2).body());
        assertThat(a.article(1).topics()).containsExactly("sport");
    }

    @Test
    void datesFallInTheYearBeforeNowAndEveryFieldTheIndexNeedsIsSet() {
        SyntheticArticles articles = new SyntheticArticles(TEXTS, NOW, 3);
        for (int i = 0; i < 2000; i++) {
            ArticleDocument d = articles.article(i);
            assertThat(d.published()).isBetween(NOW.minus(Duration.ofDays(366)), NOW);
            assertThat(d.id()).isEqualTo(SyntheticArticles.id(i));
            assertThat(d.source()).isNotBlank();
            assertThat(d.language()).isIn("en", "de", "fr", "es");
            assertThat(d.title()).isNotBlank();
            assertThat(d.wordCount()).isPositive();
        }
    }
}
