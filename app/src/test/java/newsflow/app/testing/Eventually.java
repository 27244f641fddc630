package newsflow.app.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition a running pipeline will reach, failing with what was last seen. */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Polls {@code condition} every {@code interval} until it holds.
     *
     * @param lastSeen what to put in the failure message (for example the current document count)
     * @throws AssertionError when it still does not hold after {@code timeout}
     */
    public static void await(String what, Duration timeout, Duration interval, BooleanSupplier condition,
                             Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + lastSeen.get());
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
