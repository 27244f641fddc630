package newsflow.search.alerts;

import newsflow.index.document.ArticleDocument;
import newsflow.search.saved.SavedSearch;

import java.time.Instant;
import java.util.List;

/**
 * One match of an article with a saved search: a record on the alerts topic keyed by {@link #key()}, the body of
 * its webhook delivery and an entry of the saved search's Atom feed. Carries what a reader needs to judge the
 * article without asking for it (it may not be searchable yet when the alert goes out).
 *
 * @param key             {@code savedSearchId:articleId}, the same however often the article is replayed
 * @param savedSearchId   the saved search matched
 * @param savedSearchName its name when it matched
 * @param articleId       the article's id ({@code /api/articles/{id}})
 * @param snippet         the start of the description or body, cut to {@link #SNIPPET_CHARS}
 * @param matchedAt       when the alerts stage matched it
 */
public record Alert(String key, String savedSearchId, String savedSearchName, String articleId, String title,
                    String url, String source, String siteName, String language, List<String> topics,
                    List<String> authors, Instant published, String snippet, Instant matchedAt) {

    /** Characters of the article's text an alert carries. */
    static final int SNIPPET_CHARS = 300;
    static final int TITLE_CHARS = 500;

    public Alert {
        topics = topics == null ? List.of() : List.copyOf(topics);
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** The key of the pair: one alert per article and saved search, ever. */
    public static String key(String savedSearchId, String articleId) {
        return savedSearchId + ":" + articleId;
    }

    static Alert of(SavedSearch search, ArticleDocument doc, Instant matchedAt) {
        String text = doc.description() != null ? doc.description() : doc.body();
        return new Alert(key(search.id(), doc.id()), search.id(), search.name(), doc.id(), cut(doc.title(), TITLE_CHARS),
                doc.url(), doc.source(), doc.siteName(), doc.language(), doc.topics(), doc.authors(), doc.published(),
                cut(text == null ? null : text.strip().replaceAll("\\s+", " "), SNIPPET_CHARS), matchedAt);
    }

    /** At most {@code max} characters, never splitting a surrogate pair, with an ellipsis when cut. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
