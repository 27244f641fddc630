package newsflow.ingest.status;

import newsflow.common.config.FeedConfig;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.PublishedEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one registered feed is doing, from its registry entry and its saved poll state, for operators
 * ({@code newsflow feeds status}).
 *
 * @param url          the feed
 * @param name         the operator's name for it, null when none
 * @param polled       whether any poll has been recorded (false: no state saved yet)
 * @param lastSuccess  when a poll last succeeded (a document or a 304), null if never
 * @param lastError    the cause of the last failed poll, null after a success
 * @param errorStreak  failed polls in a row
 * @param nextPollAt   when the feed is due next, null when not scheduled yet
 * @param itemsPerDay  posting rate estimated from the remembered entries' dates (see {@link #itemsPerDay}), null
 *                     when fewer than one dated entry falls in the window
 * @param remembered   entries remembered as published
 * @param etag         whether the last response carried an ETag (sent back as If-None-Match)
 * @param lastModified whether the last response carried Last-Modified (sent back as If-Modified-Since)
 */
public record FeedStatus(String url, String name, boolean polled, Instant lastSuccess, String lastError,
                         int errorStreak, Instant nextPollAt, Double itemsPerDay, int remembered, boolean etag,
                         boolean lastModified) {

    /** Entries older than this say little about how often a feed posts now. */
    static final Duration RATE_WINDOW = Duration.ofDays(30);

    /** @param state the feed's saved state, null when none was saved yet */
    public static FeedStatus of(FeedConfig feed, FeedState state, Instant now) {
        if (state == null) {
            return new FeedStatus(feed.url(), feed.name(), false, null, null, 0, null, null, 0, false, false);
        }
        return new FeedStatus(feed.url(), feed.name(), true, state.lastSuccess(), state.lastError(),
                state.errorStreak(), state.nextPollAt(), itemsPerDay(state.published(), now), state.published().size(),
                state.etag() != null, state.lastModified() != null);
    }

    /**
     * Entries dated within the last 30 days divided by the days from the oldest of them to now (at least one
     * day). Dividing by that span rather than by 30 keeps a feed that only lists its last few days from looking
     * slow; counting up to now makes a feed that stopped posting look slow. Entry dates are the feed's own
     * (published, else updated), else when ingest first saw the entry; state saved before dates were recorded
     * gives null.
     */
    static Double itemsPerDay(List<PublishedEntry> entries, Instant now) {
        Instant from = now.minus(RATE_WINDOW);
        List<Instant> dates = entries.stream().map(PublishedEntry::at).filter(Objects::nonNull)
                .filter(at -> !at.isBefore(from) && !at.isAfter(now)).toList();
        if (dates.isEmpty()) {
            boolean anyDated = entries.stream().anyMatch(e -> e.at() != null);
            return anyDated ? 0.0 : null;
        }
        Instant oldest = dates.stream().min(Instant::compareTo).orElseThrow();
        double days = Math.max(1.0, Duration.between(oldest, now).toSeconds() / 86_400.0);
        return dates.size() / days;
    }
}
