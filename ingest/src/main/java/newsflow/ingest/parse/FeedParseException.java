package newsflow.ingest.parse;

/** A feed document that could not be read at all. Names the feed, so the log line and metric say which one. */
public final class FeedParseException extends Exception {

    private final String feedUrl;

    public FeedParseException(String feedUrl, String message, Throwable cause) {
        super("cannot parse feed " + feedUrl + ": " + message, cause);
        this.feedUrl = feedUrl;
    }

    public String feedUrl() {
        return feedUrl;
    }
}
