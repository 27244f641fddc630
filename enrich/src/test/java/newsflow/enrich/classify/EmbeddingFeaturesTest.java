package newsflow.enrich.classify;

import newsflow.enrich.embed.Embedders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Models over sentence embeddings, with the real quantized MiniLM. */
class EmbeddingFeaturesTest {

    private static FeatureOptions features(Representation r) {
        return new FeatureOptions(true, 2, 1, r, Embedders.MINILM_Q, 1.0);
    }

    @Test
    void embeddingModelsClassifySentencesWhoseWordsTheyNeverSaw() {
        TopicModel model = Trainer.train(TinyCorpus.items(), TrainOptions.DEFAULT
                .withMethod(Method.LOGISTIC_REGRESSION).withFeatures(features(Representation.EMBEDDING)), "tiny");

        assertThat(model.representation()).isEqualTo(Representation.EMBEDDING);
        // none of these content words occurs in the tiny corpus: only the embedding can place them
        assertThat(model.best("", "A hat-trick from the winger clinched the derby.")).isEqualTo("sport");
        assertThat(model.best("", "Astronomers spotted an exoplanet with the observatory.")).isEqualTo("science");
        assertThat(model.best("", "Quarterly earnings beat analysts' expectations on Wall Street."))
                .isEqualTo("business");
    }

    @ParameterizedTest
    @EnumSource(value = Representation.class, names = {"BOTH", "AVERAGED"})
    void theModelFileRecordsTheEmbedderSoALoadedModelScoresAlike(Representation representation, @TempDir Path dir) {
        TopicModel model = Trainer.train(TinyCorpus.items(), TrainOptions.DEFAULT
                .withFeatures(features(representation)), "tiny");
        Path file = dir.resolve("m.gz");
        model.save(file);

        TopicModel loaded = TopicModel.load(file);

        assertThat(loaded.representation()).isEqualTo(representation);
        String text = "The team won the match with a late goal.";
        assertThat(loaded.scores("Cup", text)).containsExactly(model.scores("Cup", text),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(loaded.best("Cup", text)).isEqualTo("sport");
        assertThat(loaded.best("", "The bank said profits and shares fell.")).isEqualTo("business");
        assertThat(java.util.Arrays.stream(loaded.scores("", "Scientists observed a comet.")).boxed().toList())
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    @Test
    void aFormatOneModelWithoutRepresentationLoadsAsWordsOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.gz");
        String json = """
                {"format":1,"method":"LINEAR_SVM","features":{"bigrams":false,"titleWeight":1,"minDf":1},
                 "labels":["a","b"],"vocabulary":["ferry","tram"],"idf":[1.0,1.0],
                 "weights":[[1.0,-1.0],[-1.0,1.0]],"bias":[0.0,0.0],"threshold":0.5,"trainedOn":"by hand"}""";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        TopicModel old = TopicModel.load(file);

        assertThat(old.representation()).isEqualTo(Representation.WORDS);
        assertThat(old.best("", "the ferry")).isEqualTo("a");
        assertThat(old.best("", "the tram")).isEqualTo("b");
    }

    @Test
    void naiveBayesRefusesEmbeddingsAndAnEmbeddingRepresentationNeedsAModel() {
        assertThatThrownBy(() -> Trainer.train(TinyCorpus.items(), TrainOptions.DEFAULT
                .withMethod(Method.NAIVE_BAYES).withFeatures(features(Representation.BOTH)), "tiny"))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("naive Bayes");
        assertThatThrownBy(() -> new FeatureOptions(true, 2, 1, Representation.EMBEDDING, "", 1.0))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("embedding model");
        assertThatThrownBy(() -> Trainer.train(TinyCorpus.items(), TrainOptions.DEFAULT
                .withFeatures(new FeatureOptions(true, 2, 1, Representation.BOTH, "no-such-model", 1.0)), "tiny"))
                .isInstanceOf(ClassifierException.class).hasMessageContaining("no-such-model");
    }
}
