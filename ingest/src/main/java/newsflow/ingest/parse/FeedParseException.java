package newsflow.ingest.parse;

import java.util.Locale;

/**
 * A feed document that could not be read at all. Names the feed and a {@link Cause}, so the log line, the
 * metric and {@code newsflow parse-feed DIR} say which feed failed and why.
 */
public final class FeedParseException extends Exception {

    /** Why a document was refused; the label is what logs, metrics and the batch summary show. */
    public enum Cause {
        /** no bytes at all */
        EMPTY,
        /** over the size cap (raw or decompressed) */
        TOO_LARGE,
        /** the bytes cannot be decoded in any charset the document or the transport names */
        CHARSET,
        /** a DOCTYPE other than the Netscape RSS 0.91 one: refused, it could pull in external entities */
        DOCTYPE_REFUSED,
        /** XML that is not well-formed */
        NOT_WELL_FORMED,
        /** JSON that is not valid, or not a JSON Feed */
        INVALID_JSON,
        /** well-formed, but neither RSS, Atom, RDF nor JSON Feed (an HTML page, a sitemap, …) */
        NOT_A_FEED,
        /** a feed format, but a structure the reader cannot map */
        INVALID_FEED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String feedUrl;
    private final Cause cause;

    public FeedParseException(String feedUrl, Cause cause, String message, Throwable throwable) {
        super("cannot parse feed " + feedUrl + ": " + cause.label() + ": " + message, throwable);
        this.feedUrl = feedUrl;
        this.cause = cause;
    }

    public String feedUrl() {
        return feedUrl;
    }

    /** The class of failure (named {@code failure} because {@link Throwable#getCause()} is taken). */
    public Cause failure() {
        return cause;
    }
}
