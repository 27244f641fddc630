package newsflow.ingest.schedule;

import java.time.Instant;

/**
 * The result of polling one feed once.
 *
 * @param feedUrl       the feed
 * @param status        what happened
 * @param published     entries published (new or changed)
 * @param skipped       entries already published unchanged, or not mappable
 * @param failureReason short reason for metrics ({@code timeout}, {@code http_status}, {@code parse}, …), null on success
 * @param error         human-readable cause, null on success
 * @param nextPollAt    when the feed should be polled next
 */
public record PollOutcome(String feedUrl, Status status, int published, int skipped, String failureReason,
                          String error, Instant nextPollAt) {

    public enum Status { FETCHED, NOT_MODIFIED, FAILED }

    /** {@link #failureReason()} of a poll the host refused with 429 or 503: the whole host is slowed down. */
    public static final String THROTTLED = "throttled";

    public boolean failed() {
        return status == Status.FAILED;
    }

    public static PollOutcome failure(String feedUrl, String reason, String error, Instant nextPollAt) {
        return new PollOutcome(feedUrl, Status.FAILED, 0, 0, reason, error, nextPollAt);
    }
}
