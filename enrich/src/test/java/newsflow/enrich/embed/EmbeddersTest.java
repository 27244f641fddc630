package newsflow.enrich.embed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the real quantized MiniLM (bundled in its jar; a second or two to load). */
class EmbeddersTest {

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void theSharedModelGivesUnitVectorsWhereSimilarTextsAreCloser() {
        TextEmbedder e = Embedders.named(Embedders.MINILM_Q);
        assertThat(Embedders.named(Embedders.MINILM_Q)).isSameAs(e);

        float[] match = e.embed("Cup final", "The striker scored twice and the club won the cup.");
        float[] goal = e.embed("", "A late goal won the football match for the home team.");
        float[] rates = e.embed("", "The central bank raised interest rates to slow inflation.");

        assertThat(match).hasSize(e.dimension());
        assertThat(dot(match, match)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(dot(match, goal)).isGreaterThan(dot(match, rates));
    }

    @Test
    void batchesGiveWhatSingleCallsGiveAndBlankTextIsTheZeroVector() {
        TextEmbedder e = Embedders.named(Embedders.MINILM_Q);
        List<float[]> batch = e.embedAll(List.of(new String[]{"Ferry", "The ferry sails at noon."},
                new String[]{"", "  "}));

        assertThat(batch.get(0)).containsExactly(Embedders.named(Embedders.MINILM_Q).embed("Ferry", "The ferry sails at noon."),
                org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(batch.get(1)).containsOnly(0f);
    }

    @Test
    void theCallerThreadSessionGivesWhatLangChain4jsOwnSessionGives() {
        String input = EmbeddingInput.of("Cup final", "The striker scored twice and the club won the cup.");
        float[] ours = Embedders.named(Embedders.MINILM_Q).embed("Cup final", "The striker scored twice and the club won the cup.");
        float[] theirs = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel()
                .embed(input).content().vector();

        assertThat(ours).containsExactly(theirs, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void anUnknownNameSaysWhichNamesExist() {
        assertThatThrownBy(() -> Embedders.named("bert-huge"))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("bert-huge").hasMessageContaining(Embedders.MINILM_Q);
    }
}
