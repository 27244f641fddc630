package newsflow.search.alerts;

import newsflow.common.crypto.HmacSignatures;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.HttpFetcher;
import newsflow.common.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * POSTs one alert to its webhook through the fetch layer (deadline and SSRF guard), signed, retrying failures that
 * may pass (no answer, 5xx, 408, 425, 429) with {@link Backoff}, at most {@code attempts} times and never past the
 * batch's deadline. Every request of one alert carries the same {@value #ID_HEADER}, so a receiver can tell a
 * repeat from a new alert.
 */
final class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final String ID_HEADER = "X-Newsflow-Alert-Id";
    static final String SIGNATURE_HEADER = "X-Newsflow-Signature";

    /** Sleeps between attempts; returns early (false) when the work is to stop. */
    @FunctionalInterface
    interface Pause {
        boolean sleep(Duration wait, BooleanSupplier stop) throws InterruptedException;
    }

    /** How one delivery ended. {@code delivered} false: failed for good, with the last error. */
    record Result(boolean delivered, int attempts, int status, String error) {
    }

    private final HttpFetcher http;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration requestDeadline;
    private final Pause pause;
    private final Clock clock;

    WebhookSender(HttpFetcher http, Backoff backoff, int maxAttempts, Duration requestDeadline, Pause pause, Clock clock) {
        this.http = http;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.requestDeadline = requestDeadline;
        this.pause = pause;
        this.clock = clock;
    }

    /**
     * @param secret   the saved search's secret, null for an unsigned delivery
     * @param deadline when the batch must be done: no attempt starts that could not finish before it
     * @param stop     true when the stage is stopping: the delivery is abandoned (and retried at the next start)
     * @return the outcome; null when stopped before one was reached
     */
    Result deliver(String alertKey, URI webhook, String secret, byte[] body, Instant deadline, BooleanSupplier stop)
            throws InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, alertKey);
        if (secret != null) {
            headers.put(SIGNATURE_HEADER, HmacSignatures.sign("sha256", secret, body));
        }
        FetchRequest request = FetchRequest.postJson(webhook, body, headers);
        String lastError = null;
        int lastStatus = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (stop.getAsBoolean()) {
                return null;
            }
            try {
                http.fetch(request);
                return new Result(true, attempt, 200, null);
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.TOO_LARGE || e.kind() == FetchException.Kind.BAD_ENCODING) {
                    return new Result(true, attempt, 200, null); // only a 2xx body is read: the webhook took the alert
                }
                lastError = e.getMessage();
                lastStatus = e.status();
                if (e.kind() == FetchException.Kind.INTERRUPTED && stop.getAsBoolean()) {
                    return null;
                }
                if (!retryable(e)) {
                    return new Result(false, attempt, lastStatus, "not retried: " + lastError);
                }
                if (attempt == maxAttempts) {
                    break;
                }
                Duration wait = e.retryAfter().filter(r -> r.compareTo(backoff.cap()) <= 0).orElse(backoff.delay(attempt));
                if (clock.instant().plus(wait).plus(requestDeadline).isAfter(deadline)) {
                    return new Result(false, attempt, lastStatus, "gave up after " + attempt
                            + " attempts: no time left in the batch for another; last error: " + lastError);
                }
                log.info("webhook {} for alert {} failed (attempt {} of {}), retrying in {} ms: {}", webhook, alertKey,
                        attempt, maxAttempts, wait.toMillis(), lastError);
                if (!pause.sleep(wait, stop)) {
                    return null;
                }
            }
        }
        return new Result(false, maxAttempts, lastStatus, "failed " + maxAttempts + " times (alerts.deliveryAttempts); last error: " + lastError);
    }

    /** What may go better on another try: no answer in time, a connection refused, 5xx, 408, 425, 429. */
    static boolean retryable(FetchException e) {
        return switch (e.kind()) {
            case TIMEOUT, CONNECT, DEADLINE, INTERRUPTED, BAD_ENCODING, TOO_LARGE -> true;
            case HTTP_STATUS -> e.status() >= 500 || e.status() == 408 || e.status() == 425 || e.status() == 429;
            case REFUSED, PROTOCOL -> false;
        };
    }
}
