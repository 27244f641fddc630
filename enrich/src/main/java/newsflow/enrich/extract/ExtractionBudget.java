package newsflow.enrich.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How much CPU time extracting one page may take: a last resort behind the linear passes, so that no page, however
 * built, holds a stage past its poll interval. CPU time of the extracting thread, not wall time: a busy machine
 * must not make ordinary pages fall back. The passes check it cooperatively (between passes, and every
 * {@value #TICKS_PER_READING} elements visited); past the deadline the check throws {@link ExtractionBudgetExceeded}
 * and the caller falls back to the feed's content. One budget per page and thread: it starts when created. Parsing
 * itself cannot be interrupted; it is linear in the page, whose size {@code http.maxBytes} caps.
 */
public final class ExtractionBudget {

    /** Default allowance per page: ordinary pages take milliseconds, the worst pathological ones well under this. */
    public static final Duration DEFAULT = Duration.ofSeconds(5);

    /** Reading the CPU clock costs a system call: per-element checks read it once in this many. */
    static final int TICKS_PER_READING = 256;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ExtractionBudget UNLIMITED = new ExtractionBudget(Long.MAX_VALUE, null, () -> 0);

    private final long deadlineNanos;
    private final Duration allowance;
    private final LongSupplier clock;
    private int ticks;

    private ExtractionBudget(long deadlineNanos, Duration allowance, LongSupplier clock) {
        this.deadlineNanos = deadlineNanos;
        this.allowance = allowance;
        this.clock = clock;
    }

    /**
     * A budget of {@code allowance} of the calling thread's CPU time starting now (wall time where the JVM cannot
     * measure thread CPU time); a zero allowance is spent at the first check.
     */
    public static ExtractionBudget of(Duration allowance) {
        LongSupplier cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS::getCurrentThreadCpuTime : System::nanoTime;
        return of(allowance, cpu);
    }

    /** A budget read against {@code clock} (nanoseconds of the thread that extracts). */
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

    /** As {@link #check}, reading the clock once in {@value #TICKS_PER_READING} calls: for per-element loops. */
    void tick(String pass) {
        if (deadlineNanos != Long.MAX_VALUE && ++ticks >= TICKS_PER_READING) {
            ticks = 0;
            check(pass);
        }
    }

    /** Throws when the deadline has passed; {@code pass} names where, for the fallback reason. */
    void check(String pass) {
        if (deadlineNanos != Long.MAX_VALUE && clock.getAsLong() - deadlineNanos >= 0) {
            throw new ExtractionBudgetExceeded(pass, allowance);
        }
    }
}
