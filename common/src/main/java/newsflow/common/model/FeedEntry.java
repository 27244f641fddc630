package newsflow.common.model;

import java.time.Instant;
import java.util.List;

/**
 * What ingest publishes: one record per feed item, keyed by {@link #id()}. Ingest's parsers produce it without the
 * poll-time facts ({@code feedTitle}, {@code fetchedAt} null), which {@link #withPollFacts} adds.
 *
 * @param schemaVersion wire schema version, {@link Schema#VERSION} when written by this code
 * @param id            stable article id derived from the canonical form of {@link #link()}, or from the feed and the
 *                      GUID when the item has no usable link
 * @param feedUrl       the feed this entry was read from
 * @param feedTitle     the operator's name for the feed (falls back to the feed's own title)
 * @param link          the article URL as the feed gave it, resolved to absolute; null when the item has none usable
 * @param guid          the item's GUID / Atom id / JSON Feed id, if any
 * @param title         item title, plain text
 * @param summary       item description/summary as the feed carries it (may be HTML)
 * @param content       full content carried by the feed ({@code content:encoded}, Atom content), may be HTML
 * @param authors       author names
 * @param published     publication time the feed states, null when it states none
 * @param updated       update time the feed states, null when it states none
 * @param categories    the feed's own category labels
 * @param media         enclosures and media attachments
 * @param fetchedAt     when ingest read the feed
 */
public record FeedEntry(
        int schemaVersion,
        String id,
        String feedUrl,
        String feedTitle,
        String link,
        String guid,
        String title,
        String summary,
        String content,
        List<String> authors,
        Instant published,
        Instant updated,
        List<String> categories,
        List<Media> media,
        Instant fetchedAt) {

    public FeedEntry {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The same entry with the facts of the poll that read it: the feed's display name and when it was read. */
    public FeedEntry withPollFacts(String newFeedTitle, Instant newFetchedAt) {
        return new FeedEntry(schemaVersion, id, feedUrl, newFeedTitle, link, guid, title, summary, content, authors,
                published, updated, categories, media, newFetchedAt);
    }

    /** The same entry under another id. */
    public FeedEntry withId(String newId) {
        return new FeedEntry(schemaVersion, newId, feedUrl, feedTitle, link, guid, title, summary, content, authors,
                published, updated, categories, media, fetchedAt);
    }
}
