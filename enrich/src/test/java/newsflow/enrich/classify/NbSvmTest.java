package newsflow.enrich.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NbSvmTest {

    // features 0..2 are words, 3 an embedding dimension
    private static final List<SparseVector> XS = List.of(
            new SparseVector(new int[]{0, 3}, new float[]{1, 0.5f}),
            new SparseVector(new int[]{0, 1, 3}, new float[]{1, 1, 0.5f}),
            new SparseVector(new int[]{1, 2, 3}, new float[]{1, 1, -0.5f}),
            new SparseVector(new int[]{2, 3}, new float[]{1, -0.5f}));
    private static final boolean[] POSITIVE = {true, true, false, false};

    @Test
    void ratiosFavourWordsOfTheLabelAndLeaveTheEmbeddingAlone() {
        float[] r = NbSvm.ratios(XS, POSITIVE, 4, 3);

        // smoothed presence: label (2+1, 1+1, 0+1) of 6, others (0+1, 1+1, 2+1) of 6
        assertThat((double) r[0]).isCloseTo(Math.log(3.0 / 1.0), within(1e-6));
        assertThat((double) r[1]).isCloseTo(0.0, within(1e-6));
        assertThat((double) r[2]).isCloseTo(Math.log(1.0 / 3.0), within(1e-6));
        assertThat(r[3]).isEqualTo(1f);
    }

    @Test
    void theFoldedModelSeparatesTheItemsItWasTrainedOn() {
        boolean[][] y = new boolean[XS.size()][2];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = POSITIVE[i];
            y[i][1] = !POSITIVE[i];
        }
        LinearWeights w = NbSvm.fit(XS, y, 2, 4, 3, 1.0, 50, 42);

        for (int i = 0; i < XS.size(); i++) {
            double first = XS.get(i).dot(w.weights()[0]) + w.bias()[0];
            double second = XS.get(i).dot(w.weights()[1]) + w.bias()[1];
            assertThat(first > second).as("item %d", i).isEqualTo(POSITIVE[i]);
        }
        // the word only the first label's items hold weighs for it, and against the other label
        assertThat(w.weights()[0][0]).isPositive();
        assertThat(w.weights()[1][0]).isNegative();
    }
}
