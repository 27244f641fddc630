package newsflow.common.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter and a cap: the ceiling of the n-th wait is {@code min(cap, base·2ⁿ⁻¹)}, and the
 * wait is drawn from the top {@code jitter} fraction of it: {@code ceiling·(1 − jitter·(1 − r))} for a uniform
 * {@code r ∈ [0, 1]}.
 *
 * <p>{@link #full full jitter} ({@code jitter = 1}, a wait anywhere in {@code [0, ceiling]}) spreads retries of
 * clients that failed together the most, and is the default. A smaller fraction keeps a floor that grows with the
 * attempt, for callers that must give the other side real relief (an overloaded Elasticsearch node) or must never
 * ask a failing server more often than a healthy one (feed polls).
 */
public record Backoff(Duration base, Duration cap, double jitter) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got base " + base + ", cap " + cap);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter is a fraction in [0, 1], got " + jitter);
        }
    }

    /** Full jitter: a wait anywhere between zero and the ceiling. */
    public static Backoff full(Duration base, Duration cap) {
        return new Backoff(base, cap, 1.0);
    }

    /** The longest wait before retry number {@code attempt} (1 for the first retry). */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, got " + attempt);
        }
        // Shift at most 30 so the multiplication cannot overflow; the cap is reached long before anyway.
        long ceiling = base.toMillis() << Math.min(attempt - 1, 30);
        return ceiling < 0 || ceiling > cap.toMillis() ? cap : Duration.ofMillis(ceiling);
    }

    /** The wait before retry number {@code attempt}, with a fresh random draw. */
    public Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before retry number {@code attempt} for the draw {@code unitRandom ∈ [0, 1]} (clamped). */
    public Duration delay(int attempt, double unitRandom) {
        double r = Math.max(0.0, Math.min(1.0, unitRandom));
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(Math.round(ceiling * (1 - jitter * (1 - r))));
    }
}
