package newsflow.ingest.publish;

/** Entries the broker did not acknowledge. */
public final class PublishException extends Exception {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
