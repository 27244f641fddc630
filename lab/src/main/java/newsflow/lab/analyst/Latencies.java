package newsflow.lab.analyst;

import java.util.Arrays;

/**
 * The durations of one kind of request on one side, kept whole (a few hundred samples, exact percentiles), and how
 * many calls failed (not counted as durations).
 */
final class Latencies {

    private long[] nanos = new long[64];
    private int n;
    private int failures;

    void fail() {
        failures++;
    }

    int failures() {
        return failures;
    }

    void add(long duration) {
        if (n == nanos.length) {
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        nanos[n++] = duration;
    }

    int count() {
        return n;
    }

    /** The {@code q}-quantile (nearest rank) in milliseconds. */
    double millis(double q) {
        if (n == 0) {
            throw new IllegalStateException("no call succeeded, nothing to take a percentile of");
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }
}
