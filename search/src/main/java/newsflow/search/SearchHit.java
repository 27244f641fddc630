package newsflow.search;

import java.time.Instant;
import java.util.List;

/**
 * One matching article.
 *
 * @param titleHighlight the title with matches wrapped in {@code <em>…</em>} (HTML-escaped), null without matches
 * @param snippets       body fragments with matches wrapped in {@code <em>…</em>} (HTML-escaped); the start of
 *                       the body when nothing in it matched
 * @param score          relevance, null when sorted by date
 * @param storyId        the story the article belongs to
 * @param alsoReportedBy with {@code collapse=story}: the story's other articles (up to five), else empty
 */
public record SearchHit(
        String id,
        String title,
        String url,
        String source,
        String siteName,
        Instant published,
        String language,
        List<String> topics,
        List<String> authors,
        String titleHighlight,
        List<String> snippets,
        Double score,
        String storyId,
        List<Report> alsoReportedBy) {

    /** Another article of the same story. */
    public record Report(String id, String title, String url, String source) {
    }

    public SearchHit(String id, String title, String url, String source, String siteName, Instant published,
                     String language, List<String> topics, List<String> authors, String titleHighlight,
                     List<String> snippets, Double score) {
        this(id, title, url, source, siteName, published, language, topics, authors, titleHighlight, snippets, score,
                null, List.of());
    }

    public SearchHit {
        topics = topics == null ? List.of() : List.copyOf(topics);
        authors = authors == null ? List.of() : List.copyOf(authors);
        snippets = snippets == null ? List.of() : List.copyOf(snippets);
        alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
    }
}
