package newsflow.search.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import newsflow.index.document.ArticleDocument;

import java.time.Instant;
import java.util.List;

/**
 * One article as a story view or a list of similar articles shows it.
 *
 * @param score relevance to the article the list is similar to; null in a story view
 */
public record ArticleSummary(
        String id,
        String title,
        String url,
        String source,
        @JsonProperty("site_name") String siteName,
        Instant published,
        String language,
        List<String> topics,
        Double score) {

    /** The stored fields a summary reads: what requests fetch instead of the whole document. */
    static final List<String> FIELDS = List.of("title", "url", "source", "site_name", "published", "language", "topics");

    public ArticleSummary {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    static ArticleSummary of(String id, ArticleDocument d, Double score) {
        if (d == null) {
            return new ArticleSummary(id, null, null, null, null, null, null, List.of(), score);
        }
        return new ArticleSummary(id, d.title(), d.url(), d.source(), d.siteName(), d.published(), d.language(),
                d.topics(), score);
    }
}
