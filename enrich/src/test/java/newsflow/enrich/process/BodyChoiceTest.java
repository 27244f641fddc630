package newsflow.enrich.process;

import newsflow.common.model.Extraction.Method;
import newsflow.common.model.Extraction.PageFlag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyChoiceTest {

    static final String PAGE = "The water board will replace four kilometres of mains under the old town this summer. ".repeat(6).strip();
    static final String FULL_FEED = "The water board will replace mains under the old town, it said on Monday. ".repeat(20).strip();
    static final String TEASER = "The water board will replace mains under the old town, it said on Monday, and residents "
            .repeat(14) + "[…]";
    static final String SUMMARY = "Mains under the old town will be replaced.";

    @Test
    void goodPageBeatsAFeedContentOfSimilarLength() {
        BodyChoice c = BodyChoice.choose(null, PAGE, null, PAGE + " One more line from the feed.", SUMMARY);
        assertThat(c.method()).isEqualTo(Method.PAGE);
        assertThat(c.body()).isEqualTo(PAGE);
        assertThat(c.reason()).isNull();
    }

    @Test
    void feedContentMuchLongerThanThePageWins() {
        BodyChoice c = BodyChoice.choose(null, PAGE, null, FULL_FEED, SUMMARY);
        assertThat(c.method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(c.reason()).contains("much shorter than the feed's content");
    }

    @Test
    void truncatedFeedContentIsATeaserAndDoesNotBeatThePage() {
        assertThat(BodyChoice.truncated(TEASER)).isTrue();
        BodyChoice c = BodyChoice.choose(null, PAGE, null, TEASER, SUMMARY);
        assertThat(c.method()).isEqualTo(Method.PAGE);
    }

    @Test
    void teaserEndingsAreRecognisedAndFullTextIsNot() {
        assertThat(BodyChoice.truncated("The board met on Monday … Read more »")).isTrue();
        assertThat(BodyChoice.truncated("The board met on Monday and decided [...]")).isTrue();
        assertThat(BodyChoice.truncated("The board met on Monday. Continue reading →")).isTrue();
        assertThat(BodyChoice.truncated("The board met on Monday and approved the plan.")).isFalse();
        assertThat(BodyChoice.truncated("Readers asked us to read more of the minutes aloud.")).isFalse();
    }

    @Test
    void stubPagePrefersTheFeedEvenWhenTheFeedIsShorter() {
        BodyChoice content = BodyChoice.choose(null, PAGE, PageFlag.PAYWALL, "Mains will be replaced this summer.", SUMMARY);
        assertThat(content.method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(content.reason()).startsWith("page is a paywall stub");

        BodyChoice summary = BodyChoice.choose(null, PAGE, PageFlag.CONSENT, "", SUMMARY);
        assertThat(summary.method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(summary.reason()).startsWith("page is a consent stub");
    }

    @Test
    void stubPageIsKeptWhenTheFeedHasNothingWithTheReasonRecorded() {
        BodyChoice c = BodyChoice.choose(null, PAGE, PageFlag.PAYWALL, "", "");
        assertThat(c.method()).isEqualTo(Method.PAGE);
        assertThat(c.body()).isEqualTo(PAGE);
        assertThat(c.reason()).startsWith("page is a paywall stub");
    }

    @Test
    void thinPageLosesToTheLongerFeedTextAndWinsOverAShorterOne() {
        String thin = "Mains under the old town will be replaced from July to September.";
        assertThat(BodyChoice.choose(null, thin, null, FULL_FEED, SUMMARY).method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(BodyChoice.choose(null, thin, null, "", PAGE).method()).isEqualTo(Method.FEED_SUMMARY);
        BodyChoice kept = BodyChoice.choose(null, thin, null, "Mains replaced.", SUMMARY);
        assertThat(kept.method()).as("the feed has fewer words than the thin page").isEqualTo(Method.PAGE);
        assertThat(kept.reason()).isNull();
    }

    @Test
    void noPageUsesTheFeedContentThenTheSummary() {
        assertThat(BodyChoice.choose("page fetch failed: HTTP 503", "", null, FULL_FEED, SUMMARY).method()).isEqualTo(Method.FEED_CONTENT);
        BodyChoice summary = BodyChoice.choose("page is not HTML: application/pdf", "", null, "", SUMMARY);
        assertThat(summary.method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(summary.body()).isEqualTo(SUMMARY);
        assertThat(summary.reason()).isEqualTo("page is not HTML: application/pdf");
    }
}
