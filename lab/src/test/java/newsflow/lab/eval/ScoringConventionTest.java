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

    @Test
    void modernwebLeavesLineOpeningListNumbersOutOfBothSides() {
        ScoringConvention modernweb = ScoringConvention.forSet("modernweb-dev");
        assertThat(modernweb.scoredTruth("Three ways:\n1. Blended courses\n2) Online only\nIn 2024. it grew."))
                .isEqualTo("Three ways:\nBlended courses\nOnline only\nIn 2024. it grew.");
        assertThat(modernweb.scoredBody("Title", "Three ways:\nBlended courses\n3. Evening classes"))
                .isEqualTo("Three ways:\nBlended courses\nEvening classes");
        assertThat(ScoringConvention.forSet("scrapinghub-dev").scoredTruth("1. Blended courses"))
                .isEqualTo("1. Blended courses");
    }
}
