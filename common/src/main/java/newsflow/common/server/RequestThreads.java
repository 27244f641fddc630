package newsflow.common.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads an HTTP server's requests run on: up to a few platform threads, kept while requests come, and past
 * them a virtual thread per request. Give it to {@code HttpServer#setExecutor} and shut it down after
 * {@code HttpServer#stop}.
 *
 * <p>Why platform threads first: a search API request spends most of its time waiting for Elasticsearch's answer on
 * a socket. The kernel wakes a platform thread that waits so as soon as the answer comes. A virtual thread waiting
 * so is woken through the JDK's pollers (on Linux a platform thread waiting on epoll, which wakes a virtual poller
 * thread, which puts the request's thread back on a carrier): more threads to schedule per answer, each a delay
 * on a machine whose cores the node keeps busy. The analyst benchmark measures the difference
 * (docs/measurements.md).
 *
 * <p>Why virtual threads past them: a slow or stalled client holds its request's thread for as long as it takes.
 * Past the platform threads such requests cost a virtual thread each, so a crowd of them neither piles up platform
 * threads nor makes the next request wait for a free one.
 */
public final class RequestThreads {

    /** How long an idle platform thread is kept: a server nobody asks holds none. */
    private static final long KEEP_IDLE_SECONDS = 60;
    /**
     * The API server's platform threads: twice the searches that may run at once by default
     * ({@code search.maxConcurrent}: 8), so health checks, metrics and feeds find one while searches run.
     */
    static final int API_PLATFORM_THREADS = 16;

    private RequestThreads() {
    }

    /** The threads of the server that answers the API, health and metrics. */
    public static ExecutorService forApi() {
        return create("api", API_PLATFORM_THREADS);
    }

    /**
     * @param name            the threads' name prefix (seen in thread dumps and profiles)
     * @param platformThreads requests that run on platform threads at once; more run on virtual threads
     */
    public static ExecutorService create(String name, int platformThreads) {
        if (platformThreads < 1) {
            throw new IllegalArgumentException("platformThreads must be at least 1, got " + platformThreads);
        }
        // no queue: a request either finds an idle platform thread, starts one, or goes to a virtual thread
        ThreadPoolExecutor pool = new ThreadPoolExecutor(platformThreads, platformThreads, KEEP_IDLE_SECONDS,
                TimeUnit.SECONDS, new SynchronousQueue<>(), Thread.ofPlatform().name(name + "-", 0).daemon(true).factory(),
                (request, full) -> {
                    if (full.isShutdown()) {
                        throw new RejectedExecutionException(name + " threads are shut down");
                    }
                    Thread.ofVirtual().name(name + "-virtual").start(request);
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
