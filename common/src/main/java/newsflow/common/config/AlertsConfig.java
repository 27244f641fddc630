package newsflow.common.config;

import java.time.Duration;

/**
 * Saved searches and their alerts (see docs/alerts.md).
 *
 * @param maxSavedSearches   saved searches at most; creating one more is refused
 * @param maxRequestBytes    largest saved-search request body the API takes
 * @param feedEntries        latest matches kept and shown per saved search in its Atom feed
 * @param maxWebhookBytes    largest webhook body: the article's text fields are cut so the JSON fits
 * @param deliveryAttempts   webhook attempts per alert before it is dead-lettered
 * @param retryBase          first wait between two attempts (doubling, with jitter)
 * @param retryCap           longest wait between two attempts
 * @param webhookTimeout     deadline of one webhook request (connect, send, answer)
 * @param deliveryConcurrency webhook requests in flight at once per alerts stage
 * @param retention          how long alerts and delivery states are kept, and so how old (since enrich made it)
 *                           an article may be and still be matched: a replayed article older than this is not
 *                           matched again, as its earlier alert may be gone
 */
public record AlertsConfig(int maxSavedSearches, int maxRequestBytes, int feedEntries, int maxWebhookBytes,
                           int deliveryAttempts, Duration retryBase, Duration retryCap, Duration webhookTimeout,
                           int deliveryConcurrency, Duration retention) {

    public static final AlertsConfig DEFAULTS = new AlertsConfig(1000, 16 * 1024, 50, 16 * 1024, 5,
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10), 8, Duration.ofDays(30));

    public AlertsConfig {
        atLeast("alerts.maxSavedSearches", maxSavedSearches, 1);
        atLeast("alerts.maxRequestBytes", maxRequestBytes, 1024);
        atLeast("alerts.feedEntries", feedEntries, 1);
        atLeast("alerts.maxWebhookBytes", maxWebhookBytes, 2048);
        atLeast("alerts.deliveryAttempts", deliveryAttempts, 1);
        atLeast("alerts.deliveryConcurrency", deliveryConcurrency, 1);
        positive("alerts.retryBase", retryBase);
        positive("alerts.retryCap", retryCap);
        if (retryCap.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("alerts.retryCap (" + retryCap + ") must be at least alerts.retryBase (" + retryBase + ")");
        }
        positive("alerts.webhookTimeout", webhookTimeout);
        positive("alerts.retention", retention);
    }

    private static void atLeast(String key, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + least + ", got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
        }
    }
}
