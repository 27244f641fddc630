package newsflow.lab.classify;

import java.util.List;
import java.util.Locale;

/**
 * Single-label scores of a model on labelled items: each item's best-scoring label against its first label.
 *
 * @param labels       row and column order of the confusion matrix
 * @param confusion    {@code confusion[actual][predicted]} counts
 * @param foldAccuracy accuracy of each fold in a cross-validation; empty for a train/test evaluation
 */
public record EvalReport(List<String> labels, int[][] confusion, List<Double> foldAccuracy) {

    public int items() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        int right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return items() == 0 ? 0 : (double) right / items();
    }

    public double precision(int label) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[label];
        }
        return predicted == 0 ? 0 : (double) confusion[label][label] / predicted;
    }

    public double recall(int label) {
        int actual = 0;
        for (int v : confusion[label]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[label][label] / actual;
    }

    public double f1(int label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the labels that occur in the items (labels only the model knows do not dilute it). */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int l = 0; l < labels.size(); l++) {
            int actual = 0;
            for (int v : confusion[l]) {
                actual += v;
            }
            if (actual > 0) {
                sum += f1(l);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Human-readable: the headline numbers, per-label precision/recall/F1, the confusion matrix. */
    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "items %d  accuracy %.4f  macro-F1 %.4f%n", items(), accuracy(), macroF1()));
        if (!foldAccuracy.isEmpty()) {
            double mean = foldAccuracy.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = foldAccuracy.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum()
                    / Math.max(1, foldAccuracy.size() - 1);
            s.append(String.format(Locale.ROOT, "folds %d  accuracy per fold %s  mean %.4f  sd %.4f%n",
                    foldAccuracy.size(), foldAccuracy.stream()
                            .map(a -> String.format(Locale.ROOT, "%.4f", a)).toList(), mean, Math.sqrt(var)));
        }
        // room for the longest "[i] label" row heading
        int width = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(8) + 5) + 1;
        s.append(String.format(Locale.ROOT, "%n%-" + width + "s %9s %9s %9s%n", "label", "precision", "recall", "F1"));
        for (int l = 0; l < labels.size(); l++) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s %9.4f %9.4f %9.4f%n", labels.get(l),
                    precision(l), recall(l), f1(l)));
        }
        s.append(String.format(Locale.ROOT, "%nconfusion (rows actual, columns predicted)%n%-" + width + "s", ""));
        for (int l = 0; l < labels.size(); l++) {
            s.append(String.format(Locale.ROOT, " %6s", "[" + l + "]"));
        }
        s.append('\n');
        for (int a = 0; a < labels.size(); a++) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s", "[" + a + "] " + labels.get(a)));
            for (int p = 0; p < labels.size(); p++) {
                s.append(String.format(Locale.ROOT, " %6d", confusion[a][p]));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
