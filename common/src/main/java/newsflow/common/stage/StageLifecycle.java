package newsflow.common.stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The run/close protocol every {@link Stage} shares: {@link #run} runs the stage's work once, on the caller's
 * thread, and releases its clients when the work ends; {@link #close} tells the work to stop and waits for it at
 * most {@link #grace()}, so a whole-process shutdown is bounded whatever the stage is stuck in (a batch abandoned
 * that way is simply not committed and is replayed). The clients are released exactly once: by the run when it
 * started, else by close.
 */
public final class StageLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StageLifecycle.class);
    /** The longest {@link #close} waits for a stage's work to end: a process stops within 15 s all told. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    /** A stage's work: returns when told to stop. */
    @FunctionalInterface
    public interface Work {
        void run() throws InterruptedException;
    }

    private final String stage;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean started;
    private volatile boolean closed;

    public StageLifecycle(String stage) {
        this(stage, CLOSE_GRACE);
    }

    /** @param grace how long {@link #close} waits for the work to end */
    public StageLifecycle(String stage, Duration grace) {
        this.stage = stage;
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    /** True once {@link #close} was called: work loops check it. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code work}, then {@code release}, whatever the work did. Does nothing when the stage was closed
     * before it ran (close released it then).
     *
     * @throws IllegalStateException when the stage is already running or ran before
     */
    public void run(Work work, Runnable release) {
        synchronized (this) {
            if (closed) {
                log.info("{} closed before it ran", stage);
                return;
            }
            if (started) {
                throw new IllegalStateException(stage + " stage is already running or has run");
            }
            started = true;
        }
        try {
            work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                release.run();
            } finally {
                finished.countDown();
            }
        }
    }

    /**
     * Calls {@code stop} (which must make the work return soon: wake its consumer, stop its loop), then waits for
     * the run to end at most {@link #grace()}; when the stage never ran, releases it here. Later calls do nothing.
     *
     * @return true when the stage has stopped, false when its work was still running after the grace (it is left
     *         to end on its own; the process may exit meanwhile)
     */
    public boolean close(Runnable stop, Runnable release) {
        boolean running;
        synchronized (this) {
            if (closed) {
                return true;
            }
            closed = true;
            running = started;
        }
        stop.run();
        if (!running) {
            release.run();
            return true;
        }
        try {
            if (finished.await(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            log.warn("{} stage still stopping after {} ms; leaving it (work in flight is not committed and is "
                    + "replayed at the next start)", stage, grace.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
