package newsflow.enrich.embed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingInputTest {

    @Test
    void titleThenTextJoinedAsASentence() {
        assertThat(EmbeddingInput.of("Tram depot approved", "The board voted on Tuesday."))
                .isEqualTo("Tram depot approved. The board voted on Tuesday.");
        assertThat(EmbeddingInput.of("", " Only a body. ")).isEqualTo("Only a body.");
        assertThat(EmbeddingInput.of("Only a title", null)).isEqualTo("Only a title");
    }

    @Test
    void longTextIsCutAtAWordBoundaryWithinTheWindow() {
        String body = "harbour ".repeat(400);
        String input = EmbeddingInput.of("Ferry", body);

        assertThat(input.length()).isLessThanOrEqualTo(EmbeddingInput.MAX_CHARS);
        assertThat(input).startsWith("Ferry. harbour").endsWith("harbour");
    }
}
