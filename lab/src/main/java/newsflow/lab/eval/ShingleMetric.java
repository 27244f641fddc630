package newsflow.lab.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-body metric of the scrapinghub article-extraction benchmark, as the shared {@code evaluate.py}
 * computes it, so that {@code newsflow eval-extract} prints the same numbers.
 *
 * <p>Per page: tokens are runs of Unicode letters, digits and underscores (Python's {@code \w+}: combining marks
 * are <em>not</em> word characters there, so they are not here either), case kept; the text becomes the multiset
 * of its runs of {@code n} consecutive tokens (a text of 1..n-1 tokens gives one short shingle). Matched,
 * extra and missing shingles are counted and divided by their sum so that each page weighs the same. Over pages:
 * precision is the mean page precision over pages with a non-empty prediction, recall the mean page recall over
 * pages with a non-empty truth, F1 their harmonic mean; accuracy is the share of pages whose token lists are equal.
 */
public final class ShingleMetric {

    /** Python's {@code \w}: str.isalnum() (letters, and numbers of any kind) or the underscore. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final int n;

    /** @param n shingle size: 4 is the benchmark's metric, 1 a bag-of-tokens overlap */
    public ShingleMetric(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1, got " + n);
        }
        this.n = n;
    }

    /** Normalised matched/extra/missing shingle shares of one page; all zero when both texts are empty. */
    public record PageCounts(double tp, double fp, double fn, boolean exact) {

        double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
        }

        double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
        }
    }

    /**
     * Macro scores over pages; the {@code *Std} fields are bootstrap standard deviations (seeded, so they differ
     * from evaluate.py's unseeded ones by resampling noise only).
     */
    public record Scores(double f1, double precision, double recall, double accuracy, int pages, int emptyPredictions,
                         double f1Std, double precisionStd, double recallStd, double accuracyStd) {
    }

    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        int last = Math.max(1, tokens.size() - n + 1);
        for (int i = 0; i < last; i++) {
            out.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + n))), 1, Integer::sum);
        }
        return out;
    }

    public PageCounts page(String truth, String prediction) {
        List<String> trueTokens = tokenize(truth);
        List<String> predTokens = tokenize(prediction);
        Map<List<String>, Integer> t = shingles(trueTokens);
        Map<List<String>, Integer> p = shingles(predTokens);
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> key : keys) {
            int a = t.getOrDefault(key, 0);
            int b = p.getOrDefault(key, 0);
            tp += Math.min(a, b);
            fp += Math.max(0, b - a);
            fn += Math.max(0, a - b);
        }
        double total = tp + fp + fn;
        if (total > 0) {
            tp /= total;
            fp /= total;
            fn /= total;
        }
        return new PageCounts(tp, fp, fn, trueTokens.equals(predTokens));
    }

    /** Scores the pages of {@code truth}; a page missing from {@code predictions} counts as an empty prediction. */
    public Scores score(Map<String, String> truth, Map<String, String> predictions, int bootstrap, long seed) {
        List<PageCounts> counts = new ArrayList<>();
        int empty = 0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            String predicted = predictions.getOrDefault(e.getKey(), "");
            counts.add(page(e.getValue(), predicted));
            if (tokenize(predicted).isEmpty()) {
                empty++;
            }
        }
        double[] point = aggregate(counts);
        double[][] samples = new double[4][bootstrap];
        SplittableRandom random = new SplittableRandom(seed);
        List<PageCounts> resample = new ArrayList<>(counts.size());
        for (int b = 0; b < bootstrap; b++) {
            resample.clear();
            for (int i = 0; i < counts.size(); i++) {
                resample.add(counts.get(random.nextInt(counts.size())));
            }
            double[] m = aggregate(resample);
            for (int k = 0; k < 4; k++) {
                samples[k][b] = m[k];
            }
        }
        return new Scores(point[0], point[1], point[2], point[3], counts.size(), empty,
                stdev(samples[0]), stdev(samples[1]), stdev(samples[2]), stdev(samples[3]));
    }

    /** {f1, precision, recall, accuracy} of a list of pages. */
    private static double[] aggregate(List<PageCounts> counts) {
        double pSum = 0;
        int pN = 0;
        double rSum = 0;
        int rN = 0;
        int exact = 0;
        for (PageCounts c : counts) {
            if (c.tp() + c.fp() > 0) {
                pSum += c.precision();
                pN++;
            }
            if (c.tp() + c.fn() > 0) {
                rSum += c.recall();
                rN++;
            }
            exact += c.exact() ? 1 : 0;
        }
        double precision = pN == 0 ? Double.NaN : pSum / pN;
        double recall = rN == 0 ? Double.NaN : rSum / rN;
        double denominator = precision + recall;
        double f1 = denominator > 0 ? 2 * precision * recall / denominator : 0;
        double accuracy = counts.isEmpty() ? Double.NaN : (double) exact / counts.size();
        return new double[] {f1, precision, recall, accuracy};
    }

    private static double stdev(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return Math.sqrt(sq / (values.length - 1));
    }
}
