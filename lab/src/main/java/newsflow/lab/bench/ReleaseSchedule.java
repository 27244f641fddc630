package newsflow.lab.bench;

/**
 * When the loaded-freshness phase lists what: {@code load} articles at {@code perSecond}, evenly, and {@code fresh}
 * more after the first {@link #WARM} of the listing time, spread over the next {@link #SPREAD} of it (so each
 * fresh article meets the pipeline in its steady state, not while it ramps up or drains). Times are nanoseconds
 * since the phase started; the caller's clock.
 */
record ReleaseSchedule(int load, int fresh, double perSecond) {

    static final double WARM = 0.2;
    static final double SPREAD = 0.6;

    ReleaseSchedule {
        if (load < 1 || fresh < 0 || !(perSecond > 0)) {
            throw new IllegalArgumentException("need articles, no negative fresh ones and a positive rate; got "
                    + load + ", " + fresh + ", " + perSecond + "/s");
        }
    }

    /** Seconds the listing of the load takes. */
    double seconds() {
        return load / perSecond;
    }

    /** Load articles listed by {@code elapsedNanos}: the rate's share of the time, never more than the load. */
    int loadDue(long elapsedNanos) {
        return (int) Math.min(load, Math.floor(perSecond * Math.max(0, elapsedNanos) / 1e9));
    }

    /** When fresh article {@code k} (0-based) is listed. */
    long freshAtNanos(int k) {
        if (k < 0 || k >= fresh) {
            throw new IndexOutOfBoundsException("fresh article " + k + " of " + fresh);
        }
        return (long) ((WARM + SPREAD * k / fresh) * seconds() * 1e9);
    }

    /** Fresh articles listed by {@code elapsedNanos}. */
    int freshDue(long elapsedNanos) {
        int due = 0;
        while (due < fresh && elapsedNanos >= freshAtNanos(due)) {
            due++;
        }
        return due;
    }
}
