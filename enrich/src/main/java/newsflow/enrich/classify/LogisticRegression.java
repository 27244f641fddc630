package newsflow.enrich.classify;

import java.util.List;
import java.util.Random;

/**
 * One-vs-rest L2-regularised logistic regression by stochastic gradient descent with the learning rate
 * {@code 1 / (lambda · (t0 + t))} (Bottou's schedule, as scikit-learn's "optimal"). The weight vector is kept as
 * {@code scale · v} so the regularisation shrink costs O(1) per step instead of O(dimension).
 */
final class LogisticRegression {

    private LogisticRegression() {
    }

    static LinearWeights fit(List<SparseVector> xs, boolean[][] y, int labels, int dim, double lambda, int epochs,
                             long seed) {
        float[][] w = new float[labels][];
        float[] b = new float[labels];
        // t0 makes the first step size about 1, the usual choice for unit-length inputs
        double t0 = 1 / lambda;
        for (int l = 0; l < labels; l++) {
            float[] v = new float[dim];
            double scale = 1;
            double bias = 0;
            long t = 0;
            int[] order = LinearSvm.order(xs.size());
            Random random = new Random(seed + l);
            for (int epoch = 0; epoch < epochs; epoch++) {
                LinearSvm.shuffle(order, random);
                for (int i : order) {
                    SparseVector x = xs.get(i);
                    double eta = 1 / (lambda * (t0 + t++));
                    double margin = scale * x.dot(v) + bias;
                    double target = y[i][l] ? 1 : 0;
                    double gradient = sigmoid(margin) - target;
                    scale *= 1 - eta * lambda;
                    if (scale < 1e-9) {
                        // fold the scale back in before it underflows
                        for (int f = 0; f < dim; f++) {
                            v[f] *= (float) scale;
                        }
                        scale = 1;
                    }
                    x.addTo(v, -eta * gradient / scale);
                    bias -= eta * gradient * 0.1; // a damped, unregularised bias step keeps early updates stable
                }
            }
            for (int f = 0; f < dim; f++) {
                v[f] *= (float) scale;
            }
            w[l] = v;
            b[l] = (float) bias;
        }
        return new LinearWeights(w, b);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
