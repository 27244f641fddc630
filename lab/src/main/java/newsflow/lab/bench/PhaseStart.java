package newsflow.lab.bench;

import java.util.function.Supplier;

/**
 * When a measured phase starts, and what its counters (CPU of the processes in it) read then. The phase's first item
 * comes between the last progress sample that saw none and the first that sees some: the phase starts at the
 * former, so a phase done within one sampling interval still has its time and CPU. Feed it every sample.
 *
 * @param <R> the counters' readings, taken at each sample until the first item
 */
final class PhaseStart<R> {

    private final Supplier<R> read;
    private long noneYetAt;
    private R noneYet;
    private boolean begun;

    /** Reads the counters now: the start, if the first sample already sees items. */
    PhaseStart(Supplier<R> read) {
        this.read = read;
        this.noneYetAt = System.nanoTime();
        this.noneYet = read.get();
    }

    /** A progress sample taken at {@code now} ({@link System#nanoTime}) that saw {@code done} items. */
    void sample(long now, long done) {
        if (begun) {
            return;
        }
        if (done > 0) {
            begun = true;
        } else {
            noneYetAt = now;
            noneYet = read.get();
        }
    }

    /** The start, in {@link System#nanoTime} time. */
    long nanos() {
        return noneYetAt;
    }

    /** The counters at the start. */
    R readings() {
        return noneYet;
    }
}
