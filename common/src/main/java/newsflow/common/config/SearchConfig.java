package newsflow.common.config;

import java.time.Duration;

/**
 * Limits that keep one costly query from taking search down (see docs/search-limits.md).
 *
 * @param maxQueryLength   characters of {@code q}, at most
 * @param maxTerms         words in {@code q} (runs of letters and digits), at most
 * @param maxWildcardTerms prefix ({@code wat*}) and fuzzy ({@code watr~}) words in {@code q}, at most
 * @param timeout          Elasticsearch stops collecting after this and answers with what it has (flagged
 *                         partial); the client gives up at twice this
 * @param maxConcurrent    searches running at once; more are refused with 429 and Retry-After
 */
public record SearchConfig(int maxQueryLength, int maxTerms, int maxWildcardTerms, Duration timeout, int maxConcurrent) {

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
