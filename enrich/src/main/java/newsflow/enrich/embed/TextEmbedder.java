package newsflow.enrich.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an article (title and text) into a dense, unit-length sentence embedding. Implementations are thread-safe.
 */
public interface TextEmbedder {

    /** The name models record, so a loaded model finds the embedder it was trained with ({@link Embedders#named}). */
    String name();

    int dimension();

    /** @throws EmbeddingException when the text cannot be embedded */
    float[] embed(String title, String text);

    /** Several at once; implementations may run them in parallel. */
    default List<float[]> embedAll(List<String[]> titleAndText) {
        List<float[]> out = new ArrayList<>(titleAndText.size());
        for (String[] t : titleAndText) {
            out.add(embed(t[0], t[1]));
        }
        return out;
    }
}
