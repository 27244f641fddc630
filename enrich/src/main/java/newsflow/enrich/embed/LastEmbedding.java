package newsflow.enrich.embed;

/**
 * Remembers, per thread, the last article it embedded: the default taxonomy asks its trained model and its
 * zero-shot scorer for the same article's embedding one after the other, and this makes that one model call, not
 * two. Holds one vector per thread, so it is fit for enrich (the lab's evaluations cache every embedding instead).
 */
public final class LastEmbedding implements TextEmbedder {

    private record Last(String title, String text, float[] vector) {
    }

    private final TextEmbedder inner;
    private final ThreadLocal<Last> last = new ThreadLocal<>();

    public LastEmbedding(TextEmbedder inner) {
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
        Last l = last.get();
        if (l != null && java.util.Objects.equals(l.title(), title) && java.util.Objects.equals(l.text(), text)) {
            return l.vector();
        }
        float[] v = inner.embed(title, text);
        last.set(new Last(title, text, v));
        return v;
    }
}
