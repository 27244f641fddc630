package newsflow.ingest.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What ingest remembers about one feed between polls and across restarts. Immutable; the {@code with…}
 * methods return updated copies.
 *
 * @param feedUrl      the feed (also the record's key in the state topic)
 * @param etag         ETag of the last document received, for conditional GET; null for none
 * @param lastModified Last-Modified of the last document received; null for none
 * @param lastSuccess  when a poll last succeeded (document or 304); null if never
 * @param lastError    cause of the last failed poll, null after a success
 * @param errorStreak  failed polls since the last success
 * @param nextPollAt   when the feed is due next; null when not yet scheduled
 * @param published    entries published from this feed, most recently seen first, bounded
 * @param interval     the poll interval the schedule adapted to at the last successful fetch; null before
 * @param movedTo      where the feed now lives after a permanent redirect (fetched there from then on, still
 *                     known by its configured URL); null while it has not moved
 */
public record FeedState(
        String feedUrl,
        String etag,
        String lastModified,
        Instant lastSuccess,
        String lastError,
        int errorStreak,
        Instant nextPollAt,
        List<PublishedEntry> published,
        Duration interval,
        String movedTo) {

    public FeedState {
        if (feedUrl == null || feedUrl.isBlank()) {
            throw new IllegalArgumentException("feed state without a feed URL");
        }
        published = published == null ? List.of() : List.copyOf(published);
    }

    /** A feed never polled. */
    public static FeedState initial(String feedUrl) {
        return new FeedState(feedUrl, null, null, null, null, 0, null, List.of(), null, null);
    }

    /** Published id → fingerprint of the content published under it. */
    public Map<String, String> fingerprints() {
        Map<String, String> map = new HashMap<>(published.size() * 2);
        for (PublishedEntry e : published) {
            map.putIfAbsent(e.id(), e.fingerprint());
        }
        return map;
    }

    /** GUID → the id the entry carrying it was published under. */
    public Map<String, String> idsByGuid() {
        Map<String, String> map = new HashMap<>();
        for (PublishedEntry e : published) {
            if (e.guid() != null) {
                map.putIfAbsent(e.guid(), e.id());
            }
        }
        return map;
    }

    /** A successful poll: validators replaced, error streak reset. */
    public FeedState withSuccess(String newEtag, String newLastModified, Instant now) {
        return new FeedState(feedUrl, newEtag, newLastModified, now, null, 0, nextPollAt, published, interval, movedTo);
    }

    /** A failed poll: validators and remembered entries kept. */
    public FeedState withFailure(String error, Instant now) {
        return new FeedState(feedUrl, etag, lastModified, lastSuccess, error, errorStreak + 1, nextPollAt, published, interval, movedTo);
    }

    public FeedState withMovedTo(String newHome) {
        return new FeedState(feedUrl, etag, lastModified, lastSuccess, lastError, errorStreak, nextPollAt, published, interval, newHome);
    }

    public FeedState withInterval(Duration adapted) {
        return new FeedState(feedUrl, etag, lastModified, lastSuccess, lastError, errorStreak, nextPollAt, published, adapted, movedTo);
    }

    public FeedState withNextPollAt(Instant next) {
        return new FeedState(feedUrl, etag, lastModified, lastSuccess, lastError, errorStreak, next, published, interval, movedTo);
    }

    /**
     * Remembers the entries of the current document (published now or already before), in document order, in
     * front of the older ones, keeping at most {@code limit}: an entry still in the feed is never forgotten
     * while the limit is at least the number of entries read per document.
     */
    public FeedState remember(List<PublishedEntry> current, int limit) {
        List<PublishedEntry> merged = new ArrayList<>(Math.min(limit, current.size() + published.size()));
        Set<String> ids = new HashSet<>();
        for (PublishedEntry e : current) {
            if (merged.size() < limit && ids.add(e.id())) {
                merged.add(e);
            }
        }
        for (PublishedEntry e : published) {
            if (merged.size() < limit && ids.add(e.id())) {
                merged.add(e);
            }
        }
        return new FeedState(feedUrl, etag, lastModified, lastSuccess, lastError, errorStreak, nextPollAt, merged, interval, movedTo);
    }
}
