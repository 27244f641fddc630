package newsflow.common.model;

import java.time.Instant;
import java.util.List;

/**
 * What enrich publishes: the feed entry plus everything extracted from its page. Keyed by {@link #id()}.
 *
 * @param schemaVersion wire schema version
 * @param id            stable article id (same as the entry's unless the page declares another canonical URL)
 * @param url           the URL the page was fetched from (after redirects)
 * @param canonicalUrl  canonical URL, normalised (see {@code UrlNormalizer})
 * @param entry         the feed entry this article came from
 * @param title         best title
 * @param body          main text, paragraphs separated by blank lines
 * @param authors       byline, as a list of names
 * @param published     published time, null when neither page nor feed gives one
 * @param modified      modified time, null when unknown
 * @param leadImage     lead image URL, null when none
 * @param siteName      publication name
 * @param description   page description
 * @param language      ISO 639-1 code, {@code und} when undetermined
 * @param topics        topics with scores
 * @param wordCount     words in {@link #body()}
 * @param extraction    how it was extracted
 * @param processedAt   when enrich produced it
 * @param storyId       the story it belongs to: the id of the earliest article reporting the same text (its own id
 *                      when it heads the story); null when not grouped
 */
public record Article(
        int schemaVersion,
        String id,
        String url,
        String canonicalUrl,
        FeedEntry entry,
        String title,
        String body,
        List<String> authors,
        Instant published,
        Instant modified,
        String leadImage,
        String siteName,
        String description,
        String language,
        List<TopicScore> topics,
        int wordCount,
        Extraction extraction,
        Instant processedAt,
        String storyId) {

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** An article not grouped into a story (yet). */
    public Article(int schemaVersion, String id, String url, String canonicalUrl, FeedEntry entry, String title,
                   String body, List<String> authors, Instant published, Instant modified, String leadImage,
                   String siteName, String description, String language, List<TopicScore> topics, int wordCount,
                   Extraction extraction, Instant processedAt) {
        this(schemaVersion, id, url, canonicalUrl, entry, title, body, authors, published, modified, leadImage,
                siteName, description, language, topics, wordCount, extraction, processedAt, null);
    }

    public Article withStoryId(String story) {
        return new Article(schemaVersion, id, url, canonicalUrl, entry, title, body, authors, published, modified,
                leadImage, siteName, description, language, topics, wordCount, extraction, processedAt, story);
    }

    /** The same article with other topics (re-tagging keeps everything else, {@code processedAt} and the story included). */
    public Article withTopics(List<TopicScore> newTopics) {
        return new Article(schemaVersion, id, url, canonicalUrl, entry, title, body, authors, published, modified,
                leadImage, siteName, description, language, newTopics, wordCount, extraction, processedAt, storyId);
    }
}
