package newsflow.enrich.classify;

import java.util.List;

/**
 * Multinomial naive Bayes as a linear model over counts: {@code weights[l][f] = ln P(f | l)} with additive
 * smoothing {@code alpha}, {@code bias[l] = ln P(l)}. An item with several labels counts for each.
 */
final class NaiveBayes {

    private NaiveBayes() {
    }

    static LinearWeights fit(List<SparseVector> xs, boolean[][] y, int labels, int dim, double alpha) {
        double[][] counts = new double[labels][dim];
        double[] totals = new double[labels];
        int[] docs = new int[labels];
        for (int i = 0; i < xs.size(); i++) {
            SparseVector x = xs.get(i);
            for (int l = 0; l < labels; l++) {
                if (!y[i][l]) {
                    continue;
                }
                docs[l]++;
                for (int k = 0; k < x.index().length; k++) {
                    counts[l][x.index()[k]] += x.value()[k];
                    totals[l] += x.value()[k];
                }
            }
        }
        float[][] w = new float[labels][dim];
        float[] b = new float[labels];
        for (int l = 0; l < labels; l++) {
            double denominator = Math.log(totals[l] + alpha * dim);
            for (int f = 0; f < dim; f++) {
                w[l][f] = (float) (Math.log(counts[l][f] + alpha) - denominator);
            }
            b[l] = (float) Math.log((docs[l] + 1.0) / (xs.size() + labels));
        }
        return new LinearWeights(w, b);
    }
}
