package newsflow.enrich.classify;

import newsflow.enrich.embed.LastEmbedding;
import newsflow.enrich.embed.TextEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a model from a stream (how the shipped default model is read from the classpath). */
class TopicModelStreamTest {

    private static TopicModel wordsModel() {
        return Trainer.train(TinyCorpus.items(), TrainOptions.DEFAULT.withFeatures(
                new FeatureOptions(true, 2, 1, Representation.WORDS, null, 1)), "tiny");
    }

    @Test
    void aStreamOfASavedModelScoresAsTheModelDoes(@TempDir Path dir) throws Exception {
        TopicModel model = wordsModel();
        Path file = dir.resolve("m.json.gz");
        model.save(file);

        try (InputStream in = Files.newInputStream(file)) {
            TopicModel read = TopicModel.read(in, "test resource");
            String text = "The striker scored and shares rose";
            assertThat(read.scores("", text)).containsExactly(model.scores("", text));
            assertThat(read.trainedOn()).isEqualTo("tiny");
        }
    }

    @Test
    void aStreamThatIsNoModelIsNamedInTheError() {
        InputStream plain = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TopicModel.read(plain, "resource /x.gz"))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("cannot read resource /x.gz");
    }

    @Test
    void onlyAModelOverEmbeddingsTakesAnEmbedderAndOnlyTheOneItNames() {
        TextEmbedder other = new LastEmbedding(new TextEmbedder() {
            @Override
            public String name() {
                return "some-other-model";
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public float[] embed(String title, String text) {
                return new float[2];
            }
        });
        assertThatThrownBy(() -> wordsModel().withEmbedder(other))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("some-other-model");
    }
}
