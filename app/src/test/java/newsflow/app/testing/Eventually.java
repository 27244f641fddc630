package newsflow.app.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition a running pipeline will reach, failing with what was last seen. */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Polls {@code condition} every {@code interval} until it holds. A condition that throws counts as not yet
     * holding (a shard still starting answers 503 for a moment after its index is created); the last exception is
     * reported if the wait runs out.
     *
     * @param lastSeen what to put in the failure message (for example the current document count)
     * @throws AssertionError when it still does not hold after {@code timeout}
     */
    public static void await(String what, Duration timeout, Duration interval, BooleanSupplier condition,
                             Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastFailure = null;
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError timedOut = new AssertionError("timed out after " + timeout + " waiting for " + what
                        + "; last seen: " + (lastFailure != null ? lastFailure : lastSeen.get()));
                if (lastFailure != null) {
                    timedOut.initCause(lastFailure);
                }
                throw timedOut;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
