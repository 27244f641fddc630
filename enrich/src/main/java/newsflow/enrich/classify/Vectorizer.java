package newsflow.enrich.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into {@link SparseVector}s over a fixed vocabulary. {@code idf == null} gives raw counts (naive
 * Bayes); otherwise TF-IDF with sublinear term frequency, {@code (1 + ln tf) · idf}, scaled to unit length so long
 * and short articles weigh alike (logistic regression, SVM).
 */
final class Vectorizer {

    private final FeatureOptions options;
    private final Map<String, Integer> index;
    private final float[] idf;

    Vectorizer(FeatureOptions options, List<String> features, float[] idf) {
        this.options = options;
        this.index = new HashMap<>(features.size() * 2);
        for (int i = 0; i < features.size(); i++) {
            index.put(features.get(i), i);
        }
        this.idf = idf;
    }

    int dimension() {
        return index.size();
    }

    SparseVector vector(String title, String text) {
        return vector(Features.counts(title, text, options));
    }

    SparseVector vector(Map<String, Integer> counts) {
        List<int[]> kept = new ArrayList<>(counts.size());
        for (var e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                kept.add(new int[]{i, e.getValue()});
            }
        }
        kept.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] idx = new int[kept.size()];
        float[] val = new float[kept.size()];
        double norm = 0;
        for (int k = 0; k < idx.length; k++) {
            idx[k] = kept.get(k)[0];
            int tf = kept.get(k)[1];
            val[k] = idf == null ? tf : (float) ((1 + Math.log(tf)) * idf[idx[k]]);
            norm += (double) val[k] * val[k];
        }
        if (idf != null && norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < val.length; k++) {
                val[k] *= inv;
            }
        }
        return new SparseVector(idx, val);
    }

    /** The vocabulary of a training set: features in at least {@code minDf} items, in a stable (sorted) order. */
    record Vocabulary(List<String> features, float[] idf) {
    }

    static Vocabulary vocabulary(List<Map<String, Integer>> docs, int minDf) {
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> d : docs) {
            for (String f : d.keySet()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        List<String> features = new ArrayList<>();
        df.forEach((f, n) -> {
            if (n >= minDf) {
                features.add(f);
            }
        });
        features.sort(null);
        float[] idf = new float[features.size()];
        for (int i = 0; i < idf.length; i++) {
            // smoothed, as if one extra item held every feature: never zero, never infinite
            idf[i] = (float) (Math.log((1.0 + docs.size()) / (1.0 + df.get(features.get(i)))) + 1);
        }
        return new Vocabulary(List.copyOf(features), idf);
    }

    static float[] copy(float[] a) {
        return a == null ? null : Arrays.copyOf(a, a.length);
    }
}
