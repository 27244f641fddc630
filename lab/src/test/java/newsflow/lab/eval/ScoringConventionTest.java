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
        assertThat(modernweb.compared("Three ways:\n1. Blended courses\n2) Online only\nIn 2024. it grew."))
                .isEqualTo("Three ways:\nBlended courses\nOnline only\nIn 2024. it grew.");
        // the written prediction keeps its text; only the comparison leaves the numbers out
        assertThat(modernweb.scoredBody("Title", "Three ways:\n3. Evening classes"))
                .isEqualTo("Three ways:\n3. Evening classes");
        assertThat(ScoringConvention.forSet("scrapinghub-dev").compared("1. Blended courses"))
                .isEqualTo("1. Blended courses");
    }

    @Test
    void dragnetGoldEndsBeforeItsCommentsLineAsItsReadmeSays() {
        ScoringConvention dragnet = ScoringConvention.forSet("dragnet-dev");
        String gold = "The board voted.\n\n!@#$%^&*()  COMMENTS\n\nAnna, July 18th: Excellent!";

        assertThat(dragnet.compared(gold)).isEqualTo("The board voted.");
        assertThat(dragnet.compared("!@#$%^&*() COMMENTS\n\nAnna: Excellent!")).isEmpty();
        // the words in running text are no marker, and other sets keep the gold as it is
        assertThat(dragnet.compared("The COMMENTS section closed.")).isEqualTo("The COMMENTS section closed.");
        assertThat(ScoringConvention.forSet("scrapinghub-dev").compared(gold)).isEqualTo(gold);
    }
}
