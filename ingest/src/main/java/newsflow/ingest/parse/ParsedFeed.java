package newsflow.ingest.parse;

import newsflow.common.model.FeedEntry;

import java.time.Instant;
import java.util.List;

/**
 * A parsed feed document.
 *
 * @param feedUrl      the URL the document was read from (base for relative links)
 * @param title        the feed's own title, plain text, null when it has none
 * @param siteLink     the site the feed belongs to, absolute, null when unknown
 * @param format       Rome's name of the format: {@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}, …
 * @param items        the items that could be mapped, in document order, at most the configured cap; the poll-time
 *                     facts ({@code feedTitle}, {@code fetchedAt}) are not known yet and null ({@link #entries})
 * @param skippedItems items that could not be mapped (each was logged) or were beyond the cap
 * @param hints        what the feed says about polling it
 * @param push         the WebSub hub the feed advertises, null for none
 */
public record ParsedFeed(String feedUrl, String title, String siteLink, String format, List<FeedEntry> items,
                         int skippedItems, FeedHints hints, PushHub push) {

    public ParsedFeed {
        items = List.copyOf(items);
        hints = hints == null ? FeedHints.NONE : hints;
    }

    /**
     * The items as wire records.
     *
     * @param configuredName the operator's name for the feed; null or blank to use the feed's own title
     */
    public List<FeedEntry> entries(String configuredName, Instant fetchedAt) {
        String feedTitle = configuredName != null && !configuredName.isBlank() ? configuredName : title;
        return items.stream().map(i -> i.withPollFacts(feedTitle, fetchedAt)).toList();
    }
}
