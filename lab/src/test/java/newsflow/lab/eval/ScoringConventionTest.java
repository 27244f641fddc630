package newsflow.lab.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringConventionTest {

    @Test
    void dragnetScoresTheHeadlineInFrontOfTheBodyOtherSetsTheBodyAlone() {
        assertThat(ScoringConvention.forSet("dragnet-dev").scoredBody("Pier rebuilt", "The board voted."))
                .isEqualTo("Pier rebuilt\n\nThe board voted.");
        assertThat(ScoringConvention.forSet("scrapinghub-dev").scoredBody("Pier rebuilt", "The board voted."))
                .isEqualTo("The board voted.");
    }

    @Test
    void anEmptyBodyStaysAnEmptyPredictionEvenWithATitle() {
        assertThat(ScoringConvention.forSet("dragnet-dev").scoredBody("Pier rebuilt", "")).isEmpty();
        assertThat(ScoringConvention.forSet("dragnet-dev").scoredBody(null, "Text.")).isEqualTo("Text.");
    }
}
