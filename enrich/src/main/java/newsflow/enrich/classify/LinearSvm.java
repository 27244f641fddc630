package newsflow.enrich.classify;

import java.util.List;
import java.util.Random;

/**
 * One-vs-rest linear SVM with squared hinge loss and L2 regularisation, trained by dual coordinate descent
 * (Hsieh et al., ICML 2008, the method behind LIBLINEAR's default). The bias is an extra feature of value 1,
 * regularised like the rest.
 */
final class LinearSvm {

    private static final double TOLERANCE = 1e-3;

    private LinearSvm() {
    }

    static LinearWeights fit(List<SparseVector> xs, boolean[][] y, int labels, int dim, double c, int maxEpochs,
                             long seed) {
        float[][] w = new float[labels][];
        float[] b = new float[labels];
        for (int l = 0; l < labels; l++) {
            Fitted f = fitLabel(xs, column(y, l), dim, c, maxEpochs, seed + l);
            w[l] = f.weights();
            b[l] = f.bias();
        }
        return new LinearWeights(w, b);
    }

    /** Whether each item carries label {@code l}. */
    static boolean[] column(boolean[][] y, int l) {
        boolean[] positive = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            positive[i] = y[i][l];
        }
        return positive;
    }

    /** One label's weights and bias. */
    record Fitted(float[] weights, float bias) {
    }

    /** The binary SVM of one label: {@code positive[i]} says whether item i carries it. */
    static Fitted fitLabel(List<SparseVector> xs, boolean[] positive, int dim, double c, int maxEpochs, long seed) {
        double diag = 1 / (2 * c);
        double[] q = new double[xs.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = xs.get(i).squaredNorm() + 1 + diag;
        }
        float[] wl = new float[dim];
        double bias = 0;
        double[] alpha = new double[xs.size()];
        int[] order = order(xs.size());
        Random random = new Random(seed);
        for (int epoch = 0; epoch < maxEpochs; epoch++) {
            shuffle(order, random);
            double maxChange = 0;
            for (int i : order) {
                SparseVector x = xs.get(i);
                double yi = positive[i] ? 1 : -1;
                double g = yi * (x.dot(wl) + bias) - 1 + diag * alpha[i];
                double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
                if (pg != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / q[i], 0);
                    double step = (alpha[i] - old) * yi;
                    x.addTo(wl, step);
                    bias += step;
                    maxChange = Math.max(maxChange, Math.abs(pg));
                }
            }
            if (maxChange < TOLERANCE) {
                break;
            }
        }
        return new Fitted(wl, (float) bias);
    }

    static int[] order(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
