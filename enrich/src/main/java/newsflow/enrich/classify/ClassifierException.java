package newsflow.enrich.classify;

/** A training file, model file or option the classifier cannot use; the message names the input and the cause. */
public final class ClassifierException extends RuntimeException {

    public ClassifierException(String message) {
        super(message);
    }

    public ClassifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
