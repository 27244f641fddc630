package newsflow.common.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestThreadsTest {

    @Test
    void requestsRunOnPlatformThreadsUpToTheLimitAndOnVirtualThreadsPastIt() throws Exception {
        ExecutorService threads = RequestThreads.create("api", 2);
        CountDownLatch release = new CountDownLatch(1);
        try {
            List<CompletableFuture<Thread>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CompletableFuture<Thread> ranOn = new CompletableFuture<>();
                CountDownLatch started = new CountDownLatch(1);
                threads.execute(() -> {
                    ranOn.complete(Thread.currentThread());
                    started.countDown();
                    awaitQuietly(release);
                });
                // each request still runs when the next comes: none can reuse another's thread
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                running.add(ranOn);
            }
            List<Thread> ran = running.stream().map(CompletableFuture::join).toList();
            assertThat(ran.subList(0, 2)).allSatisfy(t -> {
                assertThat(t.isVirtual()).isFalse();
                assertThat(t.getName()).startsWith("api-");
            });
            assertThat(ran.subList(2, 4)).allSatisfy(t -> {
                assertThat(t.isVirtual()).isTrue();
                assertThat(t.getName()).isEqualTo("api-virtual");
            });
        } finally {
            release.countDown();
            threads.shutdown();
        }
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPlatformThreadIsReusedOnceItsRequestIsDone() throws Exception {
        ExecutorService threads = RequestThreads.create("api", 1);
        try {
            Thread first = runAndGetThread(threads);
            Thread second = runAndGetThread(threads);
            assertThat(second).isSameAs(first);
            assertThat(first.isVirtual()).isFalse();
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aShutDownExecutorRefusesRatherThanStartingVirtualThreads() {
        ExecutorService threads = RequestThreads.create("api", 1);
        threads.shutdown();
        assertThatThrownBy(() -> threads.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("api threads are shut down");
    }

    @Test
    void atLeastOnePlatformThread() {
        assertThatThrownBy(() -> RequestThreads.create("api", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs a task and waits until its thread is idle again (back in the pool, waiting for the next request). */
    private static Thread runAndGetThread(ExecutorService threads) throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        threads.execute(() -> ranOn.complete(Thread.currentThread()));
        Thread thread = ranOn.get(10, TimeUnit.SECONDS);
        // the thread is idle once it waits on the pool's queue again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return thread;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
