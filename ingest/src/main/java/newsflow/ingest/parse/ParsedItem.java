package newsflow.ingest.parse;

import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import newsflow.common.model.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One feed item as read from the document, before the poll-time facts (feed name, fetch time) are known.
 *
 * @param id   stable article id ({@code ArticleIds.forUrl(link)}, or derived from feed and GUID without a usable link)
 * @param link absolute article URL, null when the item has none usable
 */
public record ParsedItem(
        String id,
        String link,
        String guid,
        String title,
        String summary,
        String content,
        List<String> authors,
        Instant published,
        Instant updated,
        List<String> categories,
        List<Media> media) {

    public ParsedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        media = media == null ? List.of() : List.copyOf(media);
    }

    public FeedEntry toEntry(String feedUrl, String feedTitle, Instant fetchedAt) {
        return new FeedEntry(Schema.VERSION, id, feedUrl, feedTitle, link, guid, title, summary, content,
                authors, published, updated, categories, media, fetchedAt);
    }
}
