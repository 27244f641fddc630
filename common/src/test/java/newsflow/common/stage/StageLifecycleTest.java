package newsflow.common.stage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageLifecycleTest {

    final AtomicInteger releases = new AtomicInteger();
    final CountDownLatch working = new CountDownLatch(1);
    final CountDownLatch stopSignal = new CountDownLatch(1);

    Thread runInBackground(StageLifecycle lifecycle, StageLifecycle.Work work) {
        return Thread.ofPlatform().daemon().name("stage-under-test").start(() -> lifecycle.run(work, releases::incrementAndGet));
    }

    @Test
    void closeStopsTheWorkAndTheRunReleasesOnce() throws Exception {
        StageLifecycle lifecycle = new StageLifecycle("test", Duration.ofMinutes(1));
        Thread runner = runInBackground(lifecycle, () -> {
            working.countDown();
            stopSignal.await();
        });
        working.await();

        assertThat(lifecycle.close(stopSignal::countDown, releases::incrementAndGet)).isTrue();

        runner.join();
        assertThat(releases.get()).isEqualTo(1);
        assertThat(lifecycle.isClosed()).isTrue();
        assertThat(lifecycle.close(() -> { }, releases::incrementAndGet)).isTrue(); // a second close does nothing
        assertThat(releases.get()).isEqualTo(1);
    }

    @Test
    void closeOfAStageThatNeverFinishesReturnsAfterTheGrace() throws Exception {
        StageLifecycle lifecycle = new StageLifecycle("stuck", Duration.ofMillis(50));
        CountDownLatch never = new CountDownLatch(1);
        Thread runner = runInBackground(lifecycle, () -> {
            working.countDown();
            while (true) {
                try {
                    never.await(); // ignores the stop signal and interrupts alike
                } catch (InterruptedException e) {
                    // keeps going
                }
            }
        });
        working.await();

        assertThat(lifecycle.close(() -> { }, releases::incrementAndGet)).isFalse();

        assertThat(runner.isAlive()).isTrue();
        assertThat(releases.get()).isZero(); // the run still owns its clients
    }

    @Test
    void aStageClosedBeforeItRanIsReleasedByCloseAndItsRunDoesNothing() throws Exception {
        StageLifecycle lifecycle = new StageLifecycle("test", Duration.ofMinutes(1));
        assertThat(lifecycle.close(() -> { }, releases::incrementAndGet)).isTrue();
        assertThat(releases.get()).isEqualTo(1);

        AtomicInteger ran = new AtomicInteger();
        lifecycle.run(ran::incrementAndGet, releases::incrementAndGet);

        assertThat(ran.get()).isZero();
        assertThat(releases.get()).isEqualTo(1);
    }

    @Test
    void aStageRunsOnceAndReleasesEvenWhenItsWorkFails() throws Exception {
        StageLifecycle lifecycle = new StageLifecycle("test", Duration.ofMinutes(1));
        assertThatThrownBy(() -> lifecycle.run(() -> {
            throw new IllegalStateException("broker gone");
        }, releases::incrementAndGet)).hasMessage("broker gone");
        assertThat(releases.get()).isEqualTo(1);

        assertThatThrownBy(() -> lifecycle.run(() -> { }, releases::incrementAndGet))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
        assertThat(lifecycle.close(() -> { }, releases::incrementAndGet)).isTrue(); // its run ended: nothing to wait for
        assertThat(releases.get()).isEqualTo(1);
    }

    @Test
    void anInterruptedWorkEndsTheRunWithTheInterruptKept() throws Exception {
        StageLifecycle lifecycle = new StageLifecycle("test", Duration.ofMinutes(1));
        boolean[] interrupted = new boolean[1];
        Thread runner = Thread.ofPlatform().start(() -> {
            lifecycle.run(() -> {
                throw new InterruptedException();
            }, releases::incrementAndGet);
            interrupted[0] = Thread.currentThread().isInterrupted();
        });
        runner.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(interrupted[0]).isTrue();
        assertThat(releases.get()).isEqualTo(1);
    }
}
