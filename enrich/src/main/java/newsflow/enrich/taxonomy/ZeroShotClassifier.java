package newsflow.enrich.taxonomy;

import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.TopicClassifier;
import newsflow.enrich.embed.TextEmbedder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tags articles with a taxonomy's topics without labelled data: the cosine similarity between the article's
 * embedding and each topic's (its name and definition, {@link Prototype}). Multi-label: every top-level topic
 * scoring at least the threshold, best first, then each such topic's second-level topics that reach the threshold
 * too. Scores are cosines (in practice 0.1–0.6) or, calibrated ({@link ZeroShotOptions#calibrate()}), standard
 * deviations above the topic's usual similarity; a ranking rather than a probability. Immutable and thread-safe.
 */
public final class ZeroShotClassifier implements TopicClassifier {

    public static final String SOURCE = TopicScore.IPTC;

    private final Taxonomy taxonomy;
    private final TextEmbedder embedder;
    private final ZeroShotOptions options;
    private final List<Taxonomy.Topic> top;
    /** Embeddings of the top-level topics, and of each one's children, in {@link #top} order. */
    private final float[][] topVectors;
    private final List<List<Taxonomy.Topic>> children;
    private final List<float[][]> childVectors;
    /** Per topic vector (top-level ones, then each one's children in order): mean and sd for calibration. */
    private final double[] topMean;
    private final double[] topSd;
    private final List<double[][]> childStats;

    public ZeroShotClassifier(Taxonomy taxonomy, TextEmbedder embedder, ZeroShotOptions options) {
        this.taxonomy = taxonomy;
        this.embedder = embedder;
        this.options = options;
        this.top = taxonomy.topLevel();
        this.topVectors = new float[top.size()][];
        this.children = new ArrayList<>();
        this.childVectors = new ArrayList<>();
        for (int t = 0; t < top.size(); t++) {
            List<Taxonomy.Topic> kids = taxonomy.children(top.get(t));
            topVectors[t] = embed(options.prototype().text(top.get(t), kids));
            float[][] kv = new float[kids.size()][];
            for (int k = 0; k < kids.size(); k++) {
                kv[k] = embed(options.prototype().text(kids.get(k), List.of()));
            }
            children.add(kids);
            childVectors.add(kv);
            if (options.prototype() == Prototype.FAMILY) {
                topVectors[t] = mean(topVectors[t], kv);
            }
        }
        // background for calibration: every topic text of the taxonomy but the topic's own family
        this.topMean = new double[top.size()];
        this.topSd = new double[top.size()];
        this.childStats = new ArrayList<>();
        for (int t = 0; t < top.size(); t++) {
            double[] ms = background(topVectors[t], t);
            topMean[t] = ms[0];
            topSd[t] = ms[1];
            float[][] kv = childVectors.get(t);
            double[][] cs = new double[kv.length][];
            for (int k = 0; k < kv.length; k++) {
                cs[k] = background(kv[k], t);
            }
            childStats.add(cs);
        }
    }

    private static float[] mean(float[] first, float[][] rest) {
        float[] m = first.clone();
        for (float[] r : rest) {
            for (int d = 0; d < m.length; d++) {
                m[d] += r[d];
            }
        }
        return m; // cosine ignores the length, so the sum serves as the mean
    }

    /** Mean and standard deviation of {@code v}'s cosine with the topic texts outside family {@code own}. */
    private double[] background(float[] v, int own) {
        List<Double> sims = new ArrayList<>();
        for (int t = 0; t < top.size(); t++) {
            if (t == own) {
                continue;
            }
            sims.add(cosine(v, topVectors[t]));
            for (float[] k : childVectors.get(t)) {
                sims.add(cosine(v, k));
            }
        }
        double mean = sims.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = sims.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0);
        return new double[]{mean, Math.max(Math.sqrt(var), 1e-6)};
    }

    private double calibrated(double cosine, double mean, double sd) {
        return options.calibrate() ? (cosine - mean) / sd : cosine;
    }

    /** The IPTC Media Topics with the shared embedding model: the default when no trained model is configured. */
    public static ZeroShotClassifier iptc(TextEmbedder embedder) {
        return new ZeroShotClassifier(Taxonomy.iptc(), embedder, ZeroShotOptions.DEFAULT);
    }

    public ZeroShotClassifier withThreshold(double threshold) {
        return new ZeroShotClassifier(taxonomy, embedder, options.withThreshold(threshold));
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public ZeroShotOptions options() {
        return options;
    }

    private float[] embed(String text) {
        return embedder.embed("", text);
    }

    /** One article's similarities: top-level topics in {@link Taxonomy#topLevel()} order, and their children. */
    public record Scores(double[] top, List<double[]> children) {

        public int best() {
            int best = 0;
            for (int t = 1; t < top.length; t++) {
                if (top[t] > top[best]) {
                    best = t;
                }
            }
            return best;
        }
    }

    public Scores scores(String title, String text) {
        float[] x = embedder.embed(title, text);
        double[] topScores = new double[top.size()];
        List<double[]> childScores = new ArrayList<>(top.size());
        for (int t = 0; t < top.size(); t++) {
            double own = calibrated(cosine(x, topVectors[t]), topMean[t], topSd[t]);
            float[][] kv = childVectors.get(t);
            double[] ks = new double[kv.length];
            double bestChild = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kv.length; k++) {
                double[] st = childStats.get(t)[k];
                ks[k] = calibrated(cosine(x, kv[k]), st[0], st[1]);
                bestChild = Math.max(bestChild, ks[k]);
            }
            topScores[t] = options.childrenVote() ? Math.max(own, bestChild) : own;
            childScores.add(ks);
        }
        return new Scores(topScores, childScores);
    }

    /** Top-level topics at or above the threshold, best first, each followed by its children at or above it. */
    @Override
    public List<TopicScore> classify(String title, String text) {
        return assigned(scores(title, text), options.threshold());
    }

    /** What {@link #classify} assigns from these scores at this threshold (public for threshold sweeps). */
    public List<TopicScore> assigned(Scores s, double threshold) {
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < top.size(); t++) {
            if (s.top()[t] >= threshold) {
                order.add(t);
            }
        }
        if (options.keepBest() && !order.contains(s.best())) {
            order.add(s.best());
        }
        order.sort(Comparator.comparingDouble((Integer t) -> -s.top()[t]));
        List<TopicScore> out = new ArrayList<>();
        for (int t : order) {
            out.addAll(withChildren(s, t, s.top()[t], threshold));
        }
        return out;
    }

    /** Top-level topic {@code t} scored {@code score}, then its children at or above {@code threshold}, best first. */
    List<TopicScore> withChildren(Scores s, int t, double score, double threshold) {
        List<TopicScore> out = new ArrayList<>();
        out.add(score(top.get(t), score));
        double[] ks = s.children().get(t);
        List<Integer> kids = new ArrayList<>();
        for (int k = 0; k < ks.length; k++) {
            if (ks[k] >= threshold) {
                kids.add(k);
            }
        }
        kids.sort(Comparator.comparingDouble((Integer k) -> -ks[k]));
        for (int k : kids) {
            out.add(score(children.get(t).get(k), ks[k]));
        }
        return out;
    }

    /** The topic under its official label, with its code and its parent's, so the index can keep the hierarchy. */
    private static TopicScore score(Taxonomy.Topic topic, double score) {
        return new TopicScore(topic.name(), Math.round(score * 1000) / 1000.0, SOURCE, topic.qcode(), topic.parent());
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
