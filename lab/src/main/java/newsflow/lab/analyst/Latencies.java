package newsflow.lab.analyst;

import java.util.Arrays;

/**
 * The durations of one kind of request on one side, kept whole (a few hundred samples, exact percentiles), the
 * CPU time they took in this JVM, and how many calls failed (not counted as durations).
 */
final class Latencies {

    private long[] nanos = new long[64];
    private int n;
    private int failures;
    private long cpuNanos;

    void fail() {
        failures++;
    }

    int failures() {
        return failures;
    }

    /**
     * @param cpu this JVM's CPU time over the call ({@code ResourceUse.processCpuNanos}): counted in 10 ms clock ticks
     *            on Linux, so one call's figure is coarse, and the mean over a few dozen calls is not biased by it
     */
    void add(long duration, long cpu) {
        if (n == nanos.length) {
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        nanos[n++] = duration;
        cpuNanos += cpu;
    }

    /** This JVM's CPU time per call in milliseconds, the mean over the calls. */
    double meanCpuMillis() {
        return n == 0 ? 0 : cpuNanos / 1e6 / n;
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
