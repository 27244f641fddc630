package newsflow.enrich.taxonomy;

/** A taxonomy, label mapping or zero-shot option that cannot be used; the message names the input and the cause. */
public final class TaxonomyException extends RuntimeException {

    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
