package newsflow.search.analytics;

import java.util.List;

/**
 * Attention over time: per date bucket, how many articles each query matched, how many there were in the same
 * scope (filters applied, query not), and the share.
 *
 * @param interval {@code day}, {@code week} or {@code month}
 * @param series   one per query, in the order asked, every bucket of the range (empty ones with 0)
 * @param sources  with {@code split=source}: per query and bucket the sources with most matches; else null
 * @param partial  Elasticsearch stopped at {@code search.timeout} or some shards failed: counts may be low
 */
public record AttentionResult(String interval, List<Series> series, List<SourceSeries> sources, boolean partial) {

    /** @param query as asked; absent for the series of everything in scope */
    public record Series(String query, List<Bucket> buckets) {
    }

    /**
     * @param date  the bucket's first day, {@code yyyy-MM-dd} (UTC)
     * @param ratio {@code count / total}, 0 when the bucket has no article at all
     */
    public record Bucket(String date, long count, long total, double ratio) {
    }

    public record SourceSeries(String query, List<SourceBucket> buckets) {
    }

    public record SourceBucket(String date, List<KeyCount> sources) {
    }
}
