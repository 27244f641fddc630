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
}
