package newsflow.index.bulk;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th wait is between half and all of {@code min(cap, base·2ⁿ⁻¹)}.
 * The jitter keeps several index instances that saw the same outage from hammering the node in lockstep; the
 * fixed half keeps the wait growing so an overloaded node really gets relief.
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30),
            () -> ThreadLocalRandom.current().nextDouble());

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got base " + base + ", cap " + cap);
        }
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, got " + attempt);
        }
        long capMs = cap.toMillis();
        // Shift at most 30 so the multiplication cannot overflow; the cap is reached long before anyway.
        long ceiling = Math.min(capMs, base.toMillis() << Math.min(attempt - 1, 30));
        if (ceiling < 0) {
            ceiling = capMs;
        }
        double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
        return Duration.ofMillis(ceiling / 2 + Math.round(r * (ceiling - ceiling / 2)));
    }
}
