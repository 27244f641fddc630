package newsflow.enrich.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ButtonBoxesTest {

    private static final String STORY = """
            <html><head><title>Print edition launched</title></head><body><article><h1>Print edition launched</h1>
            %s
            <p>The yearly plan costs less than a single issue a month, and shipping is included in every country we post to.</p>
            <p>Readers who already pay for the digital edition get the first printed issue free of charge this winter.</p>
            <p>The first issue goes to the printer next week, with forty pages and a new section of letters from readers.</p>
            </article></body></html>""";

    @Test
    void aPlainSentenceLinkingASubscriptionPageIsKept() {
        String body = ArticleExtractor.extract(STORY.formatted(
                "<p>We have finally rolled out the long awaited "
                        + "<a href=\"https://mag.example/subscribe\">subscription option</a>.</p>"),
                "https://mag.example/print").body();

        assertThat(body).startsWith("We have finally rolled out the long awaited subscription option.");
    }

    @Test
    void aNoteInItalicsLinkingASignUpPageGoes() {
        String body = ArticleExtractor.extract(STORY.formatted(
                "<p><i>Like this? <a href=\"https://mag.example/sign-up\">Sign up</a> for the weekly letter.</i></p>"),
                "https://mag.example/print").body();

        assertThat(body).startsWith("The yearly plan costs less").doesNotContain("Sign up");
    }

    @Test
    void aRunBetweenBreaksLongerThanABoxIsNotTakenWhole() {
        String pictures = "<div><img src=\"https://mag.example/p.jpg\"></div>".repeat(ButtonBoxes.MAX_BOX_BLOCKS);
        String rule = "<div class=\"separator\"><hr></div>";
        String box = rule + "<div><p>Our readers wrote in about the new letters section.</p></div>" + pictures
                + "<div><a class=\"btn\" href=\"https://mag.example/shop\">Buy the issue</a></div>" + rule;

        String body = ArticleExtractor.extract(STORY.formatted(box), "https://mag.example/print").body();

        // the button's own block goes; the run, more blocks than a box has, is not treated as one
        assertThat(body).contains("Our readers wrote in about the new letters section.").doesNotContain("Buy the issue");
    }
}
