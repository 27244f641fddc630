package newsflow.enrich.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.enrich.embed.TextEmbedder;

import java.util.List;
import java.util.Locale;

/**
 * A stand-in for the sentence embedder in these tests: one dimension per word of a small vocabulary, counts, so the
 * cosine is word overlap, easy to reason about. Shared with the lab's tests of the evaluations.
 */
public final class WordCountEmbedder implements TextEmbedder {

    private final List<String> vocabulary;

    public WordCountEmbedder(String... vocabulary) {
        this.vocabulary = List.of(vocabulary);
    }

    /** A taxonomy from JSON written in a test. */
    public static Taxonomy taxonomy(String json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            return Taxonomy.parse(root, "test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "words";
    }

    @Override
    public int dimension() {
        return vocabulary.size();
    }

    @Override
    public float[] embed(String title, String text) {
        float[] v = new float[dimension()];
        for (String w : (title + " " + text).toLowerCase(Locale.ROOT).split("\\W+")) {
            int i = vocabulary.indexOf(w);
            if (i >= 0) {
                v[i]++;
            }
        }
        return v;
    }
}
