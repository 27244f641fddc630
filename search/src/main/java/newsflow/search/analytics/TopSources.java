package newsflow.search.analytics;

import java.util.List;

/**
 * The sources with most matching articles.
 *
 * @param total   matching articles in all
 * @param partial Elasticsearch stopped at {@code search.timeout} or some shards failed
 */
public record TopSources(long total, List<Share> sources, boolean partial) {

    public TopSources {
        sources = List.copyOf(sources);
    }

    /** @param share {@code count / total} */
    public record Share(String key, long count, double share) {
    }
}
