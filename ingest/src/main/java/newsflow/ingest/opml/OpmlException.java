package newsflow.ingest.opml;

/** A file that is not an OPML subscription list. */
public final class OpmlException extends Exception {

    public OpmlException(String source, String cause) {
        super(source + " is not an OPML subscription list: " + cause);
    }
}
