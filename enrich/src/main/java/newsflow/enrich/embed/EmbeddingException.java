package newsflow.enrich.embed;

/** An embedding model that cannot be named, loaded or run; the message names the model and the cause. */
public final class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
