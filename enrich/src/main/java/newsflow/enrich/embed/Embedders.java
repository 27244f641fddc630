package newsflow.enrich.embed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The embedding models newsflow knows, by the name models store. Each is loaded on first use and then shared by
 * the whole process (an ONNX session is thread-safe; loading one takes a second or two and tens of MB).
 */
public final class Embedders {

    /**
     * all-MiniLM-L6-v2 quantized to 8 bits (384 dimensions, Apache-2.0; a 16 MB jar). The full-precision model (an
     * 83 MB jar) was measured too and classified AG News no better (README, "Measured"), so it is not bundled.
     */
    public static final String MINILM_Q = "all-minilm-l6-v2-q";

    private static final Map<String, Supplier<TextEmbedder>> KNOWN = Map.of(
            MINILM_Q, () -> new OnnxEmbedder(MINILM_Q, OnnxSessions.miniLmQuantized()));
    private static final Map<String, TextEmbedder> LOADED = new ConcurrentHashMap<>();

    private Embedders() {
    }

    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    /** @throws EmbeddingException when the name is unknown or the model cannot be loaded */
    public static TextEmbedder named(String name) {
        Supplier<TextEmbedder> factory = KNOWN.get(name);
        if (factory == null) {
            throw new EmbeddingException("unknown embedding model \"" + name + "\"; known: " + names());
        }
        return LOADED.computeIfAbsent(name, n -> {
            try {
                return factory.get();
            } catch (RuntimeException | LinkageError e) {
                throw new EmbeddingException("cannot load embedding model " + n + ": " + e, e);
            }
        });
    }
}
