package newsflow.enrich.extract;

import newsflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A logistic regression over a candidate block's features ({@link BlockFeatures}): the probability that the block is
 * article text, and the rule that turns those probabilities into a choice ({@link BlockRanker}). Trained by the lab
 * ({@code newsflow train-extract-model}) and shipped as a small JSON resource; inference is a dot product.
 *
 * @param features   the feature names, in weight order; must equal {@link BlockFeatures#NAMES}
 * @param mean       per feature, subtracted before scaling (the training set's mean)
 * @param scale      per feature, divided by (the training set's standard deviation, 1 when constant)
 * @param weights    per feature, on the standardised value
 * @param bias       the intercept
 * @param policy     {@code largest}: the largest candidate with probability at least {@code threshold};
 *                   {@code veto}: the rules' winner unless its probability is under {@code threshold}, then the most
 *                   probable candidate when that one reaches it
 * @param threshold  the probability the policy compares with
 * @param candidates how many of the rules' best-scored blocks are judged (the winner always is)
 * @param trainedOn  what the model was trained on and how blocks were labelled, for people reading the file
 */
public record BlockModel(int version, List<String> features, double[] mean, double[] scale, double[] weights,
                         double bias, String policy, double threshold, int candidates, String trainedOn) {

    public static final int VERSION = 1;
    public static final String LARGEST = "largest";
    public static final String VETO = "veto";
    /** Where the shipped model lives on the class path. */
    static final String RESOURCE = "/newsflow/enrich/extract/block-model.json";
    /**
     * A model file read instead of the shipped resource, for the lab to measure a model before it ships
     * ({@code eval-extract --block-model-file}); not set in the service. Read once per JVM, like the resource.
     */
    static final String FILE_PROPERTY = "newsflow.extract.blockModelFile";

    public BlockModel {
        features = List.copyOf(features);
        int n = features.size();
        if (version != VERSION) {
            throw new IllegalArgumentException("block model version " + version + ", this extractor reads " + VERSION);
        }
        if (mean == null || scale == null || weights == null || mean.length != n || scale.length != n
                || weights.length != n) {
            throw new IllegalArgumentException("block model: mean, scale and weights must each have one value per "
                    + "feature (" + n + ")");
        }
        if (!LARGEST.equals(policy) && !VETO.equals(policy)) {
            throw new IllegalArgumentException("block model: unknown policy " + policy);
        }
        if (candidates < 1 || candidates > 100) {
            throw new IllegalArgumentException("block model: candidates must be 1..100, got " + candidates);
        }
        for (double s : scale) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("block model: every scale must be positive");
            }
        }
    }

    /** The probability that a block with these (raw) features is article text. */
    public double probability(double[] raw) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (raw[i] - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The policy's choice among candidate blocks: the index of the chosen one, {@code winner} (the rules' choice)
     * when no candidate passes the threshold.
     *
     * @param features per candidate, its raw features
     * @param chars    per candidate, its text length
     */
    public int choose(List<double[]> features, int[] chars, int winner) {
        double winnerP = 0;
        int best = -1;
        double bestP = -1;
        for (int i = 0; i < features.size(); i++) {
            double p = probability(features.get(i));
            if (i == winner) {
                winnerP = p;
            }
            if (p < threshold) {
                continue;
            }
            boolean better = best < 0 || (LARGEST.equals(policy)
                    ? chars[i] > chars[best] || chars[i] == chars[best] && p > bestP
                    : p > bestP);
            if (better) {
                best = i;
                bestP = p;
            }
        }
        if (best < 0 || VETO.equals(policy) && winnerP >= threshold) {
            return winner;
        }
        return best;
    }

    /** The names this extractor computes, in order: what a model must be trained on. */
    public static List<String> featureNames() {
        return BlockFeatures.NAMES;
    }

    /**
     * Reads a model file.
     *
     * @throws IllegalArgumentException when it is not a model this extractor can use (wrong version, shape, or
     *                                  features other than {@link BlockFeatures#NAMES})
     */
    public static BlockModel read(InputStream in) {
        BlockModel model;
        try {
            model = Json.mapper().readValue(in, BlockModel.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("block model: cannot read: " + e.getMessage(), e);
        }
        if (!model.features().equals(BlockFeatures.NAMES)) {
            throw new IllegalArgumentException("block model: trained on features " + model.features()
                    + ", this extractor computes " + BlockFeatures.NAMES);
        }
        return model;
    }

    public String toJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model shipped in the jar, loaded once. */
    static BlockModel shipped() {
        return Shipped.MODEL;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BlockModel[%d features, policy %s, threshold %.2f, %d candidates]",
                features.size(), policy, threshold, candidates);
    }

    /** The model file {@code file} names, or the shipped resource when {@code file} is null. */
    static BlockModel load(String file) {
        if (file != null) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("block model file " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = BlockModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("block model resource " + RESOURCE + " is missing from the jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("block model resource " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static final class Shipped {
        static final BlockModel MODEL = load(System.getProperty(FILE_PROPERTY));
    }
}
