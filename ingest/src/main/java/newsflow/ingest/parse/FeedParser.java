package newsflow.ingest.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import newsflow.common.model.FeedEntry;
import newsflow.common.text.Charsets;
import newsflow.ingest.parse.FeedParseException.Cause;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF and JSON Feed 1.0/1.1 documents. Thread-safe.
 *
 * <p>Rome stays the engine for XML; around it: charset detection ({@link Charsets}), the DOCTYPE policy
 * ({@link Prolog}), a second chance for XML that is not well-formed ({@link Recovery}), repairs of what Rome
 * gets wrong ({@link DocumentRepair}), and JSON Feed ({@link JsonFeedParser}). Caps: the document size (also
 * after gunzipping a body that arrives compressed) and the number of items. Every failure is a
 * {@link FeedParseException} naming the feed and its {@link Cause}.
 */
public final class FeedParser {

    private static final Logger log = LoggerFactory.getLogger(FeedParser.class);
    /** 10 MiB, the fetch layer's default body cap. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private final int maxEntries;
    private final long maxBytes;

    /** @param maxEntries items read from one document at most (the rest are counted as skipped) */
    public FeedParser(int maxEntries) {
        this(maxEntries, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes documents larger than this (after decompression) are refused as {@code too_large} */
    public FeedParser(int maxEntries, long maxBytes) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** Documents larger than this are refused. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * @param body        the document as received
     * @param contentType the HTTP Content-Type, null when unknown (a file)
     * @param feedUrl     where the document came from: names the feed in errors and is the base of relative links
     * @throws FeedParseException when the document is not a feed that can be read, whatever the cause
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(feedUrl, Cause.EMPTY, "empty document", null);
        }
        byte[] bytes = gunzipped(body, feedUrl);
        if (bytes.length > maxBytes) {
            throw new FeedParseException(feedUrl, Cause.TOO_LARGE, bytes.length + " bytes, over the cap of " + maxBytes, null);
        }
        String text = Charsets.decode(bytes, contentType).text();
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new FeedParseException(feedUrl, Cause.EMPTY, "only whitespace", null);
        }
        if (start.charAt(0) == '{' || start.charAt(0) == '[') {
            return JsonFeedParser.parse(start, feedUrl, maxEntries);
        }
        if (start.charAt(0) != '<') {
            throw new FeedParseException(feedUrl, Cause.NOT_A_FEED, "neither XML nor JSON: starts with '"
                    + start.substring(0, Math.min(20, start.length())).replaceAll("\\s+", " ") + "'", null);
        }
        return xml(text, feedUrl);
    }

    private ParsedFeed xml(String text, String feedUrl) throws FeedParseException {
        RomeInput rome = new RomeInput();
        Document doc = document(rome, Prolog.withoutDoctype(text, feedUrl), feedUrl);
        DocumentRepair.Result repaired;
        SyndFeed feed;
        WireFeed wire;
        try {
            repaired = DocumentRepair.repair(doc, feedUrl);
            wire = rome.feed(doc);
            feed = new SyndFeedImpl(wire);
        } catch (IllegalArgumentException e) {
            // Rome's way of saying that none of its parsers recognises the root element
            throw new FeedParseException(feedUrl, Cause.NOT_A_FEED,
                    "root element <" + doc.getRootElement().getQualifiedName() + "> is no RSS, Atom, RDF or CDF feed", e);
        } catch (FeedException | RuntimeException e) {
            throw new FeedParseException(feedUrl, Cause.INVALID_FEED, describe(e), e);
        }
        if (!repaired.repairs().isEmpty()) {
            log.debug("feed {}: repaired: {}", feedUrl, repaired.repairs());
        }
        try {
            String format = repaired.format() != null ? repaired.format() : feed.getFeedType();
            return map(feed, feedUrl, format, FeedHints.of(doc, wire), PushHub.of(doc, feedUrl).orElse(null));
        } catch (RuntimeException e) {
            throw new FeedParseException(feedUrl, Cause.INVALID_FEED, describe(e), e);
        }
    }

    /** Strict XML first; then the forgiving recovery, and if that is still not XML, the first error. */
    private static Document document(RomeInput rome, String xml, String feedUrl) throws FeedParseException {
        try {
            return rome.document(xml);
        } catch (JDOMException | IOException strict) {
            try {
                Document doc = rome.document(Recovery.wellFormed(xml));
                log.info("feed {}: not well-formed XML ({}), read after recovery", feedUrl, describe(strict));
                return doc;
            } catch (JDOMException | IOException | RuntimeException again) {
                throw new FeedParseException(feedUrl, Cause.NOT_WELL_FORMED, describe(strict), strict);
            }
        }
    }

    /** A body that is still gzip-compressed (a saved .gz, or a server that compressed twice), within the cap. */
    private byte[] gunzipped(byte[] body, String feedUrl) throws FeedParseException {
        if (body.length < 2 || (body[0] & 0xFF) != 0x1F || (body[1] & 0xFF) != 0x8B) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (out.length > maxBytes) {
                throw new FeedParseException(feedUrl, Cause.TOO_LARGE, "gzip body inflates beyond the cap of " + maxBytes + " bytes", null);
            }
            return out;
        } catch (IOException e) {
            throw new FeedParseException(feedUrl, Cause.NOT_WELL_FORMED, "corrupt gzip body: " + e.getMessage(), e);
        }
    }

    private ParsedFeed map(SyndFeed feed, String feedUrl, String format, FeedHints hints, PushHub push) {
        String siteLink = Links.absolute(feed.getLink(), feedUrl);
        String base = Links.absolute(feedUrl, null) != null ? feedUrl : siteLink;
        List<SyndEntry> entries = feed.getEntries() == null ? List.of() : feed.getEntries();
        List<FeedEntry> items = new ArrayList<>(Math.min(entries.size(), maxEntries));
        int skipped = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (items.size() >= maxEntries) {
                int rest = entries.size() - i;
                skipped += rest;
                log.info("feed {}: {} items beyond the cap of {} not read", feedUrl, rest, maxEntries);
                break;
            }
            try {
                items.add(EntryMapper.map(entries.get(i), feedUrl, base));
            } catch (RuntimeException e) {
                skipped++;
                log.warn("feed {}: item #{} skipped: {}", feedUrl, i + 1, describe(e));
            }
        }
        return new ParsedFeed(feedUrl, Text.plain(feed.getTitle()), siteLink, format, items, skipped, hints, push);
    }

    /** The exception and, when something more telling was wrapped, its root. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? oneLine(e) : oneLine(e) + " (" + oneLine(root) + ")";
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message.replaceAll("\\s+", " ");
    }
}
