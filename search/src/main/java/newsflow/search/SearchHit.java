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
        Double score) {

    public SearchHit {
        topics = topics == null ? List.of() : List.copyOf(topics);
        authors = authors == null ? List.of() : List.copyOf(authors);
        snippets = snippets == null ? List.of() : List.copyOf(snippets);
    }
}
