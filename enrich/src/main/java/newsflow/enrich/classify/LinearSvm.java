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
        double diag = 1 / (2 * c);
        double[] q = new double[xs.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = xs.get(i).squaredNorm() + 1 + diag;
        }
        for (int l = 0; l < labels; l++) {
            float[] wl = new float[dim];
            double bias = 0;
            double[] alpha = new double[xs.size()];
            int[] order = order(xs.size());
            Random random = new Random(seed + l);
            for (int epoch = 0; epoch < maxEpochs; epoch++) {
                shuffle(order, random);
                double maxChange = 0;
                for (int i : order) {
                    SparseVector x = xs.get(i);
                    double yi = y[i][l] ? 1 : -1;
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
            w[l] = wl;
            b[l] = (float) bias;
        }
        return new LinearWeights(w, b);
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
