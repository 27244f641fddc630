package newsflow.search.analytics;

import java.util.List;

/**
 * Articles like one article, from other stories, best first.
 *
 * @param partial Elasticsearch stopped at {@code search.timeout} or some shards failed
 */
public record SimilarArticles(List<ArticleSummary> articles, boolean partial) {

    public SimilarArticles {
        articles = List.copyOf(articles);
    }
}
