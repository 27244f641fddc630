package newsflow.lab.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockModelTrainerTest {

    @Test
    void logisticRegressionSeparatesASeparableSet() {
        List<double[]> x = new ArrayList<>();
        boolean[] y = new boolean[40];
        for (int i = 0; i < 40; i++) {
            x.add(new double[] {i, 7});
            y[i] = i >= 20;
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(x, y, 0.01, 500);
        assertThat(fit.probability(new double[] {2, 7})).isLessThan(0.1);
        assertThat(fit.probability(new double[] {37, 7})).isGreaterThan(0.9);
        assertThat(fit.scale()[1]).as("a constant feature is left unscaled").isEqualTo(1);
        assertThat(fit.weights()[1]).isZero();
    }

    @Test
    void aBlockIsLabelledByTheShareOfItsShinglesInTheGroundTruth() {
        String truth = "the river bridge was closed on sunday after a storm brought down two lamp posts";
        assertThat(BlockModelTrainer.matchedShare(truth, "the river bridge was closed on sunday")).isEqualTo(1);
        assertThat(BlockModelTrainer.matchedShare(truth, "read more stories about bridges and storms here")).isZero();
        assertThat(BlockModelTrainer.matchedShare(truth, "the river bridge was closed on sunday. subscribe to our "
                + "newsletter for more news every day"))
                .isGreaterThan(0.2).isLessThan(0.5);
        assertThat(BlockModelTrainer.f1(truth, truth)).isEqualTo(1);
    }

    @Test
    void agplSetsAreRefused(@TempDir Path dir) throws IOException {
        Path agpl = Files.createDirectories(dir.resolve("agpl-set"));
        Files.writeString(agpl.resolve("LICENSE"), "GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3");
        Files.writeString(agpl.resolve("ground-truth.json"), "{}");
        Path mit = Files.createDirectories(dir.resolve("mit-set"));
        Files.writeString(mit.resolve("LICENSE"), "MIT License");
        assertThat(BlockModelTrainer.agplLicensed(agpl)).isTrue();
        assertThat(BlockModelTrainer.agplLicensed(mit)).isFalse();
        assertThatThrownBy(() -> BlockModelTrainer.collect(agpl, 20, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AGPL");
    }
}
