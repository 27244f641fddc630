package newsflow.search.alerts;

import java.time.Instant;

/**
 * What became of an alert's webhook delivery: a record of the alert-deliveries topic, keyed as the alert. Once
 * an alert has one, it is never sent again.
 *
 * @param outcome  {@code delivered}: the webhook answered 2xx; {@code dead-lettered}: it failed for good or
 *                 {@code alerts.deliveryAttempts} times, and the alert went to the dead-letter topic;
 *                 {@code no-webhook}: the saved search has no webhook (or was deleted) when it came to delivery
 * @param attempts requests made
 * @param status   the webhook's last HTTP status, 0 when it gave none
 * @param error    why it was dead-lettered, else null
 */
public record Delivery(String key, String outcome, int attempts, int status, String error, Instant at) {

    static final String DELIVERED = "delivered";
    static final String DEAD_LETTERED = "dead-lettered";
    static final String NO_WEBHOOK = "no-webhook";
}
