package newsflow.lab.learn;

import java.util.List;

/**
 * L2-regularised logistic regression fitted by full-batch gradient descent with Adam steps, on features
 * standardised by the training set's mean and standard deviation. Small data (a few thousand blocks, a few dozen
 * features): a few thousand passes take well under a second, and the fit is deterministic (zero start, no sampling).
 */
public final class LogisticRegression {

    /** The fitted standardisation and weights. */
    public record Fit(double[] mean, double[] scale, double[] weights, double bias) {

        public double probability(double[] raw) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * (raw[i] - mean[i]) / scale[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    private LogisticRegression() {
    }

    /**
     * @param x      rows of raw features, all the same length
     * @param y      labels (true = positive), one per row
     * @param lambda L2 penalty on the weights (not the bias), per example
     * @param passes gradient steps over the whole set
     */
    public static Fit fit(List<double[]> x, boolean[] y, double lambda, int passes) {
        if (x.isEmpty() || x.size() != y.length) {
            throw new IllegalArgumentException("need one label per row and at least one row, got " + x.size()
                    + " rows and " + y.length + " labels");
        }
        int n = x.size();
        int d = x.getFirst().length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        boolean[] constant = new boolean[d];
        for (int j = 0; j < d; j++) {
            constant[j] = scale[j] <= 1e-12;
            scale[j] = constant[j] ? 1 : Math.sqrt(scale[j]);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                // exactly 0 for a constant feature: rounding in its mean would otherwise leave a tiny gradient
                // that Adam's normalised steps blow up into a weight
                z[i][j] = constant[j] ? 0 : (x.get(i)[j] - mean[j]) / scale[j];
            }
        }
        double[] w = new double[d + 1];
        double[] m1 = new double[d + 1];
        double[] m2 = new double[d + 1];
        double rate = 0.05;
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int t = 1; t <= passes; t++) {
            double[] grad = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double s = w[d];
                for (int j = 0; j < d; j++) {
                    s += w[j] * z[i][j];
                }
                double err = 1 / (1 + Math.exp(-s)) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    grad[j] += err * z[i][j] / n;
                }
                grad[d] += err / n;
            }
            for (int j = 0; j < d; j++) {
                grad[j] += lambda * w[j];
            }
            for (int j = 0; j <= d; j++) {
                m1[j] = beta1 * m1[j] + (1 - beta1) * grad[j];
                m2[j] = beta2 * m2[j] + (1 - beta2) * grad[j] * grad[j];
                double h1 = m1[j] / (1 - Math.pow(beta1, t));
                double h2 = m2[j] / (1 - Math.pow(beta2, t));
                w[j] -= rate * h1 / (Math.sqrt(h2) + 1e-8);
            }
        }
        double[] weights = new double[d];
        System.arraycopy(w, 0, weights, 0, d);
        return new Fit(mean, scale, weights, w[d]);
    }
}
