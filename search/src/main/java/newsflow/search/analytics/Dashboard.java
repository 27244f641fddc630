package newsflow.search.analytics;

import java.util.List;

/**
 * The aggregations of the {@code /dashboard} page that no other endpoint gives: articles over time split by the
 * scope's top topics, top authors, and story sizes. Sources, languages and the latest articles come from the
 * search itself.
 *
 * @param total    articles in the scope
 * @param interval the time bucket: {@code day}, {@code week} or {@code month}
 * @param overTime every bucket with at least one article, oldest first
 * @param topics   the scope's most frequent topics, at most {@link DashboardAggregations#TOPIC_SERIES}, most frequent first:
 *                 the series of {@link #overTime}
 * @param authors  the most frequent authors, at most {@link DashboardAggregations#AUTHORS}
 * @param stories  how the scope's articles group into stories
 */
public record Dashboard(long total, String interval, List<Bucket> overTime, List<String> topics,
                        List<KeyCount> authors, Stories stories) {

    public Dashboard {
        overTime = List.copyOf(overTime);
        topics = List.copyOf(topics);
        authors = List.copyOf(authors);
    }

    static Dashboard empty(Interval interval) {
        return new Dashboard(0, interval.key(), List.of(), List.of(), List.of(), new Stories(0, List.of(), List.of(), true));
    }

    /**
     * One time bucket.
     *
     * @param date   the bucket's first day, {@code yyyy-MM-dd} (UTC; weeks start on Monday)
     * @param count  articles in the bucket
     * @param topics articles of each of {@link #topics} in the bucket (a topic with none is left out)
     */
    public record Bucket(String date, long count, List<KeyCount> topics) {
        public Bucket {
            topics = List.copyOf(topics);
        }
    }

    /**
     * @param distinct how many stories the scope's articles belong to (Elasticsearch's cardinality: exact up to
     *                 3,000 stories, within a few percent above)
     * @param largest  the largest stories, largest first
     * @param sizes    how many stories have each size, smallest size first
     * @param complete false when more stories had two or more articles than the size count looks at
     *                 ({@link DashboardAggregations#STORY_SIZE_BUCKETS}): then {@code sizes} covers the largest ones
     */
    public record Stories(long distinct, List<Story> largest, List<SizeCount> sizes, boolean complete) {
        public Stories {
            largest = List.copyOf(largest);
            sizes = List.copyOf(sizes);
        }
    }

    /** A story with its size and its first report's title. */
    public record Story(String id, long size, String title, String source) {
    }

    /** {@code stories} stories have {@code size} articles each. */
    public record SizeCount(long size, long stories) {
    }
}
