package newsflow.search.saved;

/** Kafka, which holds the saved searches and their alerts, cannot be read or written now. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
