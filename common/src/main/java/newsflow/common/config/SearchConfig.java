package newsflow.common.config;

import java.time.Duration;

/**
 * Limits that keep one costly query from taking search down (see docs/search-limits.md).
 *
 * @param maxQueryLength    characters of {@code q}, at most
 * @param maxTerms          words in {@code q} (runs of letters and digits), at most
 * @param maxWildcardTerms  prefix ({@code wat*}) words in {@code q}, at most
 * @param timeout           Elasticsearch stops collecting after this and answers with what it has (flagged
 *                          partial); the client gives up at twice this
 * @param maxConcurrent     searches running at once; more are refused with 429 and Retry-After
 * @param maxQueryDepth     nesting of {@code q}: groups in parentheses and negations inside each other, at most
 * @param exportMaxRows     rows one CSV/NDJSON export streams, at most (also the default of its {@code limit})
 * @param maxCompareQueries queries compared side by side in one request ({@code q} repeated), at most
 * @param maxAttentionBuckets date buckets of one attention series (its range divided by its interval), at most
 * @param maxStoryArticles  articles one story view lists, at most (the story's size is counted in full)
 * @param topWordsSample    best-matching articles whose text top words reads, in all (spread over the shards)
 */
public record SearchConfig(int maxQueryLength, int maxTerms, int maxWildcardTerms, Duration timeout, int maxConcurrent,
                           int maxQueryDepth, int exportMaxRows, int maxCompareQueries,
                           int maxAttentionBuckets, int maxStoryArticles, int topWordsSample) {

    public static final int DEFAULT_MAX_QUERY_DEPTH = 8;
    public static final int DEFAULT_EXPORT_MAX_ROWS = 10_000;
    public static final int DEFAULT_MAX_COMPARE_QUERIES = 5;
    public static final int DEFAULT_MAX_ATTENTION_BUCKETS = 1000;
    public static final int DEFAULT_MAX_STORY_ARTICLES = 500;
    public static final int DEFAULT_TOP_WORDS_SAMPLE = 1000;

    public static final SearchConfig DEFAULTS = new SearchConfig(1000, 64, 4, Duration.ofSeconds(5), 8);

    public SearchConfig {
        positive("search.maxQueryLength", maxQueryLength);
        positive("search.maxTerms", maxTerms);
        if (maxWildcardTerms < 0) {
            throw new IllegalArgumentException("search.maxWildcardTerms must be 0 or more, got " + maxWildcardTerms);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("search.timeout must be a positive duration such as 5s, got " + timeout);
        }
        positive("search.maxConcurrent", maxConcurrent);
        positive("search.maxQueryDepth", maxQueryDepth);
        positive("search.exportMaxRows", exportMaxRows);
        positive("search.maxCompareQueries", maxCompareQueries);
        positive("search.maxAttentionBuckets", maxAttentionBuckets);
        positive("search.maxStoryArticles", maxStoryArticles);
        positive("search.topWordsSample", topWordsSample);
    }

    /** The query and export limits given, the analytics limits at their defaults. */
    public SearchConfig(int maxQueryLength, int maxTerms, int maxWildcardTerms, Duration timeout, int maxConcurrent,
                        int maxQueryDepth, int exportMaxRows, int maxCompareQueries) {
        this(maxQueryLength, maxTerms, maxWildcardTerms, timeout, maxConcurrent, maxQueryDepth, exportMaxRows,
                maxCompareQueries, DEFAULT_MAX_ATTENTION_BUCKETS, DEFAULT_MAX_STORY_ARTICLES, DEFAULT_TOP_WORDS_SAMPLE);
    }

    /** The query limits given, the others at their defaults. */
    public SearchConfig(int maxQueryLength, int maxTerms, int maxWildcardTerms, Duration timeout, int maxConcurrent) {
        this(maxQueryLength, maxTerms, maxWildcardTerms, timeout, maxConcurrent,
                DEFAULT_MAX_QUERY_DEPTH, DEFAULT_EXPORT_MAX_ROWS, DEFAULT_MAX_COMPARE_QUERIES);
    }

    /** When the client stops waiting for Elasticsearch: the server-side timeout is best effort. */
    public Duration clientDeadline() {
        return timeout.multipliedBy(2);
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
    }
}
