package newsflow.ingest.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents with Rome. Thread-safe.
 *
 * <p>Rome's {@link XmlReader} works out the charset (HTTP header, BOM, XML declaration) leniently, and
 * {@link SyndFeedInput} keeps its default refusal of DOCTYPE declarations, which shuts out external entities
 * and entity-expansion bombs.
 */
public final class FeedParser {

    private static final Logger log = LoggerFactory.getLogger(FeedParser.class);

    private final int maxEntries;

    /** @param maxEntries items read from one document at most (the rest are counted as skipped) */
    public FeedParser(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * @param body        the document as received
     * @param contentType the HTTP Content-Type, null when unknown (a file)
     * @param feedUrl     where the document came from: names the feed in errors and is the base of relative links
     * @throws FeedParseException when the document is not a feed Rome can read, whatever the cause
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(feedUrl, FeedParseException.Cause.EMPTY, "empty document", null);
        }
        SyndFeed feed;
        // Rome signals bad input through checked exceptions, IllegalArgumentException and, for some
        // malformed documents (an <rss> without <channel>), NullPointerException: all are "not a feed".
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(body), true)
                : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | RuntimeException e) {
            throw new FeedParseException(feedUrl, classify(e), describe(e), e);
        }
        try {
            return map(feed, feedUrl);
        } catch (RuntimeException e) {
            throw new FeedParseException(feedUrl, FeedParseException.Cause.INVALID_FEED, describe(e), e);
        }
    }

    private ParsedFeed map(SyndFeed feed, String feedUrl) {
        List<SyndEntry> entries = feed.getEntries() == null ? List.of() : feed.getEntries();
        List<ParsedItem> items = new ArrayList<>(Math.min(entries.size(), maxEntries));
        int skipped = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (items.size() >= maxEntries) {
                int rest = entries.size() - i;
                skipped += rest;
                log.info("feed {}: {} items beyond the cap of {} not read", feedUrl, rest, maxEntries);
                break;
            }
            try {
                items.add(EntryMapper.map(entries.get(i), feedUrl));
            } catch (RuntimeException e) {
                skipped++;
                log.warn("feed {}: item #{} skipped: {}", feedUrl, i + 1, describe(e));
            }
        }
        return new ParsedFeed(feedUrl, Text.plain(feed.getTitle()), Links.absolute(feed.getLink(), feedUrl),
                feed.getFeedType(), items, skipped);
    }

    /** Rome's exceptions sorted into causes: it has one checked type for all and throws unchecked ones too. */
    private static FeedParseException.Cause classify(Exception e) {
        String text = describe(e);
        if (e instanceof com.rometools.rome.io.ParsingFeedException) {
            return text.contains("DOCTYPE") ? FeedParseException.Cause.DOCTYPE_REFUSED
                    : FeedParseException.Cause.NOT_WELL_FORMED;
        }
        if (e instanceof IOException) {
            return FeedParseException.Cause.CHARSET;
        }
        if (e instanceof IllegalArgumentException && text.contains("Invalid document")) {
            return FeedParseException.Cause.NOT_A_FEED;
        }
        return FeedParseException.Cause.INVALID_FEED;
    }

    /** The exception and, when Rome wrapped something more telling (such as the NPE of a missing channel), its root. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? oneLine(e) : oneLine(e) + " (" + oneLine(root) + ")";
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
