package newsflow.enrich.classify;

import newsflow.common.json.Json;
import newsflow.common.model.TopicScore;
import newsflow.enrich.embed.EmbeddingException;
import newsflow.enrich.embed.Embedders;
import newsflow.enrich.embed.TextEmbedder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained topic classifier: a linear model per label over the features of title and text. Scores are in
 * [0, 1]: for naive Bayes the posterior over the labels (they sum to 1), for logistic regression each label's
 * probability, for the SVM and NB-SVM the margin through the logistic function (0.5 is the SVM's decision boundary; a
 * ranking, not a calibrated probability). {@link #classify} returns every label scoring at least the threshold,
 * so an article can carry several. Immutable and thread-safe.
 *
 * <p>A model over embeddings ({@link Representation}) names its embedding model in its features; loading the model
 * loads that one too (once per process), so training, evaluation, enrich and retag all compute the same features.
 *
 * <p>Stored as gzip-compressed JSON through the common mapper ({@link #save}, {@link #load}).
 */
public final class TopicModel implements TopicClassifier {

    /** 2 added the representation (words, embedding, both); format 1 models are words only and still load. */
    static final int FORMAT = 2;
    public static final String SOURCE = TopicScore.MODEL;

    /**
     * The stored form. {@code idf} is null for naive Bayes (raw counts). {@code embeddingBias} only for
     * {@link Representation#AVERAGED}: then {@code bias} is the words model's and each label's weights hold the words
     * model's, then the embedding model's.
     */
    record Data(int format, Method method, FeatureOptions features, List<String> labels, List<String> vocabulary,
                float[] idf, float[][] weights, float[] bias, double threshold, String trainedOn,
                float[] embeddingBias) {

        Data(int format, Method method, FeatureOptions features, List<String> labels, List<String> vocabulary,
             float[] idf, float[][] weights, float[] bias, double threshold, String trainedOn) {
            this(format, method, features, labels, vocabulary, idf, weights, bias, threshold, trainedOn, null);
        }
    }

    private final Data data;
    private final Vectorizer vectorizer;

    TopicModel(Data data) {
        this(data, data.features() == null ? null : embedderFor(data.features()));
    }

    /** @param embedder the embedding model the features name, null for words only */
    TopicModel(Data data, TextEmbedder embedder) {
        validate(data, embedder == null ? 0 : embedder.dimension());
        this.data = data;
        this.vectorizer = new Vectorizer(data.features(), data.vocabulary(), data.idf(), embedder);
    }

    /**
     * The shared embedding model the features name (loaded once per process), null for words only.
     *
     * @throws ClassifierException when the name is unknown or the model cannot be loaded
     */
    public static TextEmbedder embedderFor(FeatureOptions features) {
        if (!features.usesEmbedding()) {
            return null;
        }
        try {
            return Embedders.named(features.embedder());
        } catch (EmbeddingException e) {
            throw new ClassifierException(e.getMessage(), e);
        }
    }

    private static void validate(Data d, int embeddingDim) {
        if (d.format() != FORMAT && d.format() != 1) {
            throw new ClassifierException("model format " + d.format() + " is not supported (expected 1 or "
                    + FORMAT + ")");
        }
        int labels = d.labels() == null ? 0 : d.labels().size();
        int words = d.vocabulary() == null ? 0 : d.vocabulary().size();
        int dim = words + embeddingDim;
        boolean ok = d.method() != null && d.features() != null && labels >= 2 && dim > 0
                && (words > 0 || !d.features().usesWords())
                && d.weights() != null && d.weights().length == labels && d.bias() != null && d.bias().length == labels
                && (d.idf() == null ? d.method() == Method.NAIVE_BAYES : d.idf().length == words);
        for (int l = 0; ok && l < labels; l++) {
            ok = d.weights()[l] != null && d.weights()[l].length == dim;
        }
        boolean averaged = ok && d.features().representation() == Representation.AVERAGED;
        ok = ok && (averaged ? d.embeddingBias() != null && d.embeddingBias().length == labels : d.embeddingBias() == null);
        if (!ok) {
            throw new ClassifierException("model is inconsistent: labels, vocabulary, weights and idf do not match");
        }
    }

    public List<String> labels() {
        return data.labels();
    }

    public Method method() {
        return data.method();
    }

    /** What an item's features are made of; an embedding representation runs the embedding model per item. */
    public Representation representation() {
        return data.features().representation();
    }

    public double threshold() {
        return data.threshold();
    }

    /** What data trained the model, as given at training time. */
    public String trainedOn() {
        return data.trainedOn();
    }

    /** The model with another assignment threshold. */
    public TopicModel withThreshold(double threshold) {
        Data d = data;
        return new TopicModel(new Data(d.format(), d.method(), d.features(), d.labels(), d.vocabulary(), d.idf(),
                d.weights(), d.bias(), threshold, d.trainedOn(), d.embeddingBias()), vectorizer.embedder());
    }

    /** Each label's score, in {@link #labels()} order. */
    public double[] scores(String title, String text) {
        SparseVector x = vectorizer.vector(title, text);
        int n = data.labels().size();
        double[] raw = new double[n];
        if (data.embeddingBias() != null) {
            int words = data.vocabulary().size();
            for (int l = 0; l < n; l++) {
                double[] parts = x.dotSplit(data.weights()[l], words);
                raw[l] = (LogisticRegression.sigmoid(parts[0] + data.bias()[l])
                        + LogisticRegression.sigmoid(parts[1] + data.embeddingBias()[l])) / 2;
            }
            return raw;
        }
        for (int l = 0; l < n; l++) {
            raw[l] = x.dot(data.weights()[l]) + data.bias()[l];
        }
        if (data.method() == Method.NAIVE_BAYES) {
            double max = Double.NEGATIVE_INFINITY;
            for (double r : raw) {
                max = Math.max(max, r);
            }
            double sum = 0;
            for (int l = 0; l < n; l++) {
                raw[l] = Math.exp(raw[l] - max);
                sum += raw[l];
            }
            for (int l = 0; l < n; l++) {
                raw[l] /= sum;
            }
        } else {
            for (int l = 0; l < n; l++) {
                raw[l] = LogisticRegression.sigmoid(raw[l]);
            }
        }
        return raw;
    }

    /** The best-scoring label, whatever its score: what accuracy is measured on. */
    public String best(String title, String text) {
        double[] s = scores(title, text);
        int best = 0;
        for (int l = 1; l < s.length; l++) {
            if (s[l] > s[best]) {
                best = l;
            }
        }
        return data.labels().get(best);
    }

    /** Labels scoring at least the threshold, best first, scores rounded to three decimals; source {@code model}. */
    @Override
    public List<TopicScore> classify(String title, String text) {
        double[] s = scores(title, text);
        List<TopicScore> out = new ArrayList<>();
        for (int l = 0; l < s.length; l++) {
            if (s[l] >= data.threshold()) {
                out.add(new TopicScore(data.labels().get(l), Math.round(s[l] * 1000) / 1000.0, SOURCE));
            }
        }
        out.sort(Comparator.comparingDouble(TopicScore::score).reversed().thenComparing(TopicScore::name));
        return out;
    }

    public void save(Path file) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            Json.mapper().writeValue(out, data);
        } catch (IOException e) {
            throw new ClassifierException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    /** @throws ClassifierException naming the file when it is missing, unreadable or not a model */
    public static TopicModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, "model " + file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ClassifierException("model file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ClassifierException("cannot read model " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A model from a stream of what {@link #save} writes (a bundled resource, say).
     *
     * @param where names the source in error messages
     * @throws ClassifierException naming {@code where} when the bytes are not a model
     */
    public static TopicModel read(InputStream gzipped, String where) {
        Data d;
        try (InputStream in = new GZIPInputStream(gzipped)) {
            d = Json.mapper().readValue(in, Data.class);
        } catch (IOException e) {
            throw new ClassifierException("cannot read " + where + ": " + e.getMessage(), e);
        }
        try {
            return new TopicModel(d);
        } catch (ClassifierException e) {
            throw new ClassifierException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The same model computing its embeddings through {@code embedder}, a wrapper of the model its features name
     * (such as {@link newsflow.enrich.embed.LastEmbedding}).
     *
     * @throws ClassifierException when the model uses no embedding or {@code embedder} is another model
     */
    public TopicModel withEmbedder(TextEmbedder embedder) {
        if (!data.features().usesEmbedding() || !data.features().embedder().equals(embedder.name())) {
            throw new ClassifierException("model features name embedder \"" + data.features().embedder()
                    + "\", not \"" + embedder.name() + "\"");
        }
        return new TopicModel(data, embedder);
    }
}
