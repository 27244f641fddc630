package newsflow.ingest;

import newsflow.common.config.FeedConfig;
import newsflow.ingest.parse.FeedHints;
import newsflow.ingest.parse.PushHub;
import newsflow.ingest.state.FeedState;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last document of each feed that was parsed and published in full, by digest, so that a byte-identical one
 * (a server that sends neither ETag nor Last-Modified, or ignores them) is known again without being parsed:
 * parsing it again, fingerprinting its entries and writing the feed's state would only find that nothing is new.
 * In memory only: after a restart the first document of each feed is parsed again. One entry per feed polled.
 *
 * <p>A document counts as seen only against the state its processing left: when the feed's state changed since
 * (another poll, a failure, state restored when partitions moved), it is parsed again.
 */
final class SeenDocuments {

    /**
     * @param digest      SHA-256 of the document's bytes
     * @param contentType its content type, which decides the parser
     * @param feed        the feed's configuration it was read with (its name goes into the entries)
     * @param hints       its scheduling hints (skipped hours and days)
     * @param hub         the WebSub hub it advertised, null for none
     * @param after       the feed's state once it was processed
     */
    record Seen(byte[] digest, String contentType, FeedConfig feed, FeedHints hints, PushHub hub, FeedState after) {

        boolean matches(byte[] otherDigest, String otherContentType, FeedConfig otherFeed, FeedState current) {
            return Arrays.equals(digest, otherDigest) && Objects.equals(contentType, otherContentType)
                    && feed.equals(otherFeed) && (after == current || after.equals(current));
        }

        Seen withAfter(FeedState state) {
            return new Seen(digest, contentType, feed, hints, hub, state);
        }
    }

    private final Map<String, Seen> byFeed = new ConcurrentHashMap<>();

    static byte[] digest(byte[] document) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(document);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The feed's last processed document when {@code digest} is it again and the state is what it left. */
    Seen same(FeedConfig feed, byte[] digest, String contentType, FeedState current) {
        Seen seen = byFeed.get(feed.url());
        return seen != null && seen.matches(digest, contentType, feed, current) ? seen : null;
    }

    void remember(Seen seen) {
        byFeed.put(seen.feed().url(), seen);
    }

    /**
     * A poll that read no document (a 304) moved the feed's state on from {@code before} to {@code after}: the
     * document seen last still is what that state came from.
     */
    void stateMoved(String feedUrl, FeedState before, FeedState after) {
        byFeed.computeIfPresent(feedUrl, (url, seen) -> seen.after() == before || seen.after().equals(before)
                ? seen.withAfter(after) : null);
    }

    void forget(String feedUrl) {
        byFeed.remove(feedUrl);
    }
}
