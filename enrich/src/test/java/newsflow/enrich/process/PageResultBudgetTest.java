package newsflow.enrich.process;

import newsflow.common.model.Extraction.Method;
import newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A page whose extraction runs past its budget is not used; the feed's content is, and the reason says why. */
class PageResultBudgetTest {

    @Test
    void aPageOverItsExtractionBudgetFallsBackToTheFeedWithTheReason() {
        PageOutcome outcome = ArticleBuilderTest.page("text/html; charset=utf-8", Fixtures.bytes("wordpress-politics.html"));

        PageResult read = PageResult.read(outcome, Duration.ZERO);

        assertThat(read.extracted()).isNull();
        assertThat(read.httpStatus()).isEqualTo(200);
        assertThat(read.problem()).isEqualTo("page extraction stopped: over its 0 ms budget in parsing");
        BodyChoice choice = BodyChoice.choose(read.problem(), "", null, "The feed's own full text of the story.", "");
        assertThat(choice.method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(choice.reason()).isEqualTo(read.problem());
    }

    @Test
    void withinTheDefaultBudgetThePageIsExtracted() {
        PageOutcome outcome = ArticleBuilderTest.page("text/html; charset=utf-8", Fixtures.bytes("wordpress-politics.html"));

        PageResult read = PageResult.read(outcome);

        assertThat(read.problem()).isNull();
        assertThat(read.extracted().body()).isNotEmpty();
    }
}
