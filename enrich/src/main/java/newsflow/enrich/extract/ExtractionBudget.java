package newsflow.enrich.extract;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long extracting one page may take: a last resort behind the linear passes, so that no page, however built,
 * holds a stage past its poll interval. The passes check it cooperatively (per element visited); past the
 * deadline {@link #check} throws {@link ExtractionBudgetExceeded} and the caller falls back to the feed's content.
 * One budget per page: it starts when created.
 */
public final class ExtractionBudget {

    /** Default allowance per page: ordinary pages take milliseconds, the worst pathological ones well under this. */
    public static final Duration DEFAULT = Duration.ofSeconds(5);

    private static final ExtractionBudget UNLIMITED = new ExtractionBudget(Long.MAX_VALUE, null, System::nanoTime);

    private final long deadlineNanos;
    private final Duration allowance;
    private final LongSupplier clock;

    private ExtractionBudget(long deadlineNanos, Duration allowance, LongSupplier clock) {
        this.deadlineNanos = deadlineNanos;
        this.allowance = allowance;
        this.clock = clock;
    }

    /** A budget of {@code allowance} starting now; a zero allowance is spent at the first check. */
    public static ExtractionBudget of(Duration allowance) {
        return of(allowance, System::nanoTime);
    }

    /** A budget read against {@code clock} (nanoseconds, as {@link System#nanoTime}). */
    static ExtractionBudget of(Duration allowance, LongSupplier clock) {
        long now = clock.getAsLong();
        // beyond a day the budget is no limit (and now + nanos cannot overflow)
        long deadline = allowance.compareTo(Duration.ofDays(1)) > 0 ? Long.MAX_VALUE
                : now + Math.max(0, allowance.toNanos());
        return new ExtractionBudget(deadline, allowance, clock);
    }

    /** No limit (tests, evaluation). */
    public static ExtractionBudget unlimited() {
        return UNLIMITED;
    }

    /** Throws when the deadline has passed; {@code pass} names where, for the fallback reason. */
    void check(String pass) {
        if (deadlineNanos != Long.MAX_VALUE && clock.getAsLong() - deadlineNanos >= 0) {
            throw new ExtractionBudgetExceeded(pass, allowance);
        }
    }
}
