package newsflow.lab.classify;

import newsflow.enrich.embed.TextEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every embedding it computed, by the exact title and text: cross-validation trains k models on
 * overlapping items, and embedding is by far its slowest step. Lab only: in enrich articles do not repeat.
 */
public final class CachingEmbedder implements TextEmbedder {

    private static final int BATCH = 64;

    private final TextEmbedder inner;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public CachingEmbedder(TextEmbedder inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public float[] embed(String title, String text) {
        return cache.computeIfAbsent(key(title, text), k -> inner.embed(title, text));
    }

    /** Embeds what is not cached yet in batches (the inner model may run a batch in parallel). */
    @Override
    public List<float[]> embedAll(List<String[]> titleAndText) {
        List<String[]> missing = new ArrayList<>();
        for (String[] t : titleAndText) {
            if (!cache.containsKey(key(t[0], t[1]))) {
                missing.add(t);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String[]> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> vectors = inner.embedAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                cache.put(key(batch.get(i)[0], batch.get(i)[1]), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(titleAndText.size());
        for (String[] t : titleAndText) {
            out.add(embed(t[0], t[1]));
        }
        return out;
    }

    private static String key(String title, String text) {
        return title + '\u0000' + text;
    }
}
