package newsflow.ingest.state;

/** A feed state the state topic did not acknowledge. */
public final class StateSaveException extends Exception {

    public StateSaveException(String feedUrl, Throwable cause) {
        super("cannot save state of feed " + feedUrl + ": " + cause.getMessage(), cause);
    }
}
