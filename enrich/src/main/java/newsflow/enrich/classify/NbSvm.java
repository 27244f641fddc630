package newsflow.enrich.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * NB-SVM (Wang and Manning, ACL 2012): per label, each word feature is scaled by its naive-Bayes log-count ratio
 * {@code r = ln((p / |p|₁) / (q / |q|₁))}, p and q the smoothed numbers of the label's and the other items holding
 * the feature; a linear SVM is trained on the scaled features and its word weights are interpolated towards their
 * mean magnitude, {@code w' = (1 − β) · mean|w| + β · w}. Scaling a feature by r and weighting it by w' is the same
 * as weighting the unscaled feature by {@code w' · r}, so the result is an ordinary linear model over the usual
 * features and scores exactly as the SVM's does. Features from {@code words} on (the embedding) are not scaled.
 *
 * <p>Smoothing 1 and β 0.25 are the paper's values; on AG News smoothing 0.1 was worse and β 0.25 a little better
 * than none (README, "Measured").
 */
final class NbSvm {

    static final double SMOOTHING = 1;
    static final double BETA = 0.25;

    private NbSvm() {
    }

    /** @param words the features below this index are words (scaled); the rest are left as they are */
    static LinearWeights fit(List<SparseVector> xs, boolean[][] y, int labels, int dim, int words, double c,
                             int maxEpochs, long seed) {
        float[][] w = new float[labels][];
        float[] b = new float[labels];
        for (int l = 0; l < labels; l++) {
            boolean[] positive = LinearSvm.column(y, l);
            float[] r = ratios(xs, positive, dim, words);
            LinearSvm.Fitted f = LinearSvm.fitLabel(scale(xs, r), positive, dim, c, maxEpochs, seed + l);
            float[] wl = f.weights();
            double mean = 0;
            for (int k = 0; k < words; k++) {
                mean += Math.abs(wl[k]);
            }
            mean /= Math.max(1, words);
            for (int k = 0; k < dim; k++) {
                double interpolated = k < words ? (1 - BETA) * mean + BETA * wl[k] : wl[k];
                wl[k] = (float) (interpolated * r[k]);
            }
            w[l] = wl;
            b[l] = f.bias();
        }
        return new LinearWeights(w, b);
    }

    /** Each feature's log-count ratio for the label (1 for the features from {@code words} on). */
    static float[] ratios(List<SparseVector> xs, boolean[] positive, int dim, int words) {
        double[] p = new double[words];
        double[] q = new double[words];
        for (int i = 0; i < xs.size(); i++) {
            double[] side = positive[i] ? p : q;
            for (int k : xs.get(i).index()) {
                if (k < words) {
                    side[k]++;
                }
            }
        }
        double pTotal = 0;
        double qTotal = 0;
        for (int k = 0; k < words; k++) {
            pTotal += p[k] + SMOOTHING;
            qTotal += q[k] + SMOOTHING;
        }
        float[] r = new float[dim];
        java.util.Arrays.fill(r, words, dim, 1f);
        for (int k = 0; k < words; k++) {
            r[k] = (float) Math.log(((p[k] + SMOOTHING) / pTotal) / ((q[k] + SMOOTHING) / qTotal));
        }
        return r;
    }

    private static List<SparseVector> scale(List<SparseVector> xs, float[] r) {
        List<SparseVector> out = new ArrayList<>(xs.size());
        for (SparseVector x : xs) {
            float[] v = new float[x.value().length];
            for (int k = 0; k < v.length; k++) {
                v[k] = x.value()[k] * r[x.index()[k]];
            }
            out.add(new SparseVector(x.index(), v));
        }
        return out;
    }
}
