package newsflow.ingest.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.config.FeedConfig;
import newsflow.common.http.HostGate;
import newsflow.common.metrics.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Polls every feed at its own pace on a fixed pool of threads. After each poll the feed is rescheduled for
 * the time its outcome names (its interval after a success, a backoff after a failure); a feed that fails, or
 * whose poll throws, never stops the others. Feeds can be added and removed while it runs ({@link #put},
 * {@link #remove}); only {@link #activate activated} feeds are polled on schedule.
 */
public final class PollScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);
    /** How long close() lets polls in progress finish. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final FeedPoll poll;
    private final PollTiming timing;
    private final Function<String, Instant> savedNextPoll;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private final HostGate hosts;
    private final Map<String, FeedTask> tasks = new LinkedHashMap<>();
    private volatile boolean running;

    /**
     * @param savedNextPoll when each feed (by URL) is due according to its saved state, null when unknown
     * @param threads       feeds polled in parallel at most
     */
    public PollScheduler(List<FeedConfig> feeds, FeedPoll poll, PollTiming timing,
                         Function<String, Instant> savedNextPoll, int threads, MeterRegistry meters, Clock clock) {
        this.poll = poll;
        this.timing = timing;
        this.savedNextPoll = savedNextPoll;
        this.meters = meters;
        this.clock = clock;
        this.hosts = new HostGate(timing.perHostConcurrency(), timing.perHostDelay(), clock);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ingest-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        for (FeedConfig feed : feeds) {
            if (tasks.putIfAbsent(feed.url(), new FeedTask(feed)) != null) {
                log.warn("feed {} is configured twice: polled once", feed.url());
            }
        }
    }

    /**
     * Adds a feed, or replaces the configuration of the feed with its URL (its pending poll is cancelled then).
     * The feed is not polled until {@link #activate activated}: whether this instance owns it is not decided here.
     *
     * @return false when the feed was already known with exactly this configuration (nothing changed)
     */
    public boolean put(FeedConfig feed) {
        FeedTask old;
        synchronized (tasks) {
            old = tasks.get(feed.url());
            if (old != null && old.feed.equals(feed)) {
                return false;
            }
            tasks.put(feed.url(), new FeedTask(feed));
        }
        if (old != null) {
            old.deactivate();
        }
        return true;
    }

    /**
     * Forgets a feed: its next poll is cancelled and a poll in progress is waited for.
     *
     * @return false when the feed was not known
     */
    public boolean remove(String feedUrl) {
        FeedTask old;
        synchronized (tasks) {
            old = tasks.remove(feedUrl);
        }
        if (old == null) {
            return false;
        }
        old.deactivate();
        return true;
    }

    private List<FeedTask> tasks(Collection<String> feedUrls) {
        synchronized (tasks) {
            return feedUrls.stream().map(tasks::get).filter(Objects::nonNull).toList();
        }
    }

    private List<FeedTask> allTasks() {
        synchronized (tasks) {
            return List.copyOf(tasks.values());
        }
    }

    private long activeCount() {
        return allTasks().stream().filter(t -> t.active).count();
    }

    /** Schedules every feed's first poll, spread a little so they do not all fire at once. */
    public void start() {
        activate(feedUrls());
    }

    /**
     * Starts polling these feeds (this instance now owns them): each first poll when its saved state says it
     * is due, else soon, spread a little so they do not all fire at once. Unknown URLs are ignored.
     */
    public void activate(Collection<String> feedUrls) {
        running = true;
        Instant now = clock.instant();
        List<FeedTask> starting = tasks(feedUrls);
        for (FeedTask task : starting) {
            Duration delay = timing.firstPoll(savedNextPoll.apply(task.feed.url()), now, starting.size());
            task.activate(delay);
            log.debug("feed {}: first poll in {} ms, then every {}", task.feed.url(), delay.toMillis(),
                    timing.interval(task.feed));
        }
        log.info("polling {} more feeds ({} in all)", starting.size(), activeCount());
    }

    /**
     * Stops polling these feeds (another instance takes them over): cancels their next polls and waits for
     * polls in progress, so their state is saved before the new owner reads it.
     */
    public void deactivate(Collection<String> feedUrls) {
        List<FeedTask> stopping = tasks(feedUrls);
        stopping.forEach(FeedTask::deactivate);
        log.info("stopped polling {} feeds ({} left)", stopping.size(), activeCount());
    }

    /**
     * Polls the feed as soon as its host allows (a WebSub hub said it changed), if this instance polls it at all;
     * its regular schedule continues from that poll.
     */
    public void pollSoon(String feedUrl) {
        FeedTask task;
        synchronized (tasks) {
            task = tasks.get(feedUrl);
        }
        if (task != null && task.active) {
            task.scheduleIn(Duration.ZERO);
        }
    }

    /** URLs of every known feed, in the order they were added. */
    public List<String> feedUrls() {
        synchronized (tasks) {
            return List.copyOf(tasks.keySet());
        }
    }

    /** Polls every feed now, on the poll threads, and waits for all of them. */
    public PollSummary pollAllOnce() {
        List<FeedTask> all = allTasks();
        List<Future<PollOutcome>> futures = new ArrayList<>(all.size());
        for (FeedTask task : all) {
            futures.add(executor.submit(task::pollNow));
        }
        List<PollOutcome> outcomes = new ArrayList<>(futures.size());
        try {
            for (Future<PollOutcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling feeds", e);
        } catch (ExecutionException e) {
            // pollNow catches everything a poll throws; this is a bug, not a feed failure
            throw new IllegalStateException("poll task failed", e.getCause());
        }
        return PollSummary.of(outcomes);
    }

    /**
     * Stops scheduling and lets polls in progress finish (their entries published and state saved) for up to
     * {@link #CLOSE_GRACE}; only then interrupts what is left, which fails those polls.
     */
    @Override
    public void close() {
        running = false;
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("feed polls still running {} s after close: interrupting them", CLOSE_GRACE.toSeconds());
                executor.shutdownNow();
                executor.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One feed: polls never overlap, and the next poll is scheduled after each one. */
    private final class FeedTask {
        private final FeedConfig feed;
        private final ReentrantLock polling = new ReentrantLock();
        private ScheduledFuture<?> next;
        /** The start time the host gate reserved for this feed's next poll; null when none is pending. */
        private Instant hostSlot;
        /** Owned by this instance: only active feeds are rescheduled. */
        private volatile boolean active;

        private final String host;

        FeedTask(FeedConfig feed) {
            this.feed = feed;
            this.host = HostGate.hostOf(feed.url());
        }

        PollOutcome pollNow() {
            PollOutcome outcome;
            polling.lock();
            try {
                outcome = guardedPoll();
            } finally {
                polling.unlock();
            }
            rescheduleAfter(outcome);
            return outcome;
        }

        /**
         * The scheduled poll: skipped when the feed was handed to another instance after it was scheduled, and
         * put off while its host is busy with other feeds or has asked us to wait.
         */
        private void pollIfActive() {
            PollOutcome outcome;
            polling.lock();
            try {
                if (!active) {
                    return;
                }
                HostGate.Ticket ticket = hosts.tryAcquire(host, hostSlot);
                if (!ticket.acquired()) {
                    hostSlot = ticket.slot(); // keep this feed's place in the host's queue
                    scheduleIn(ticket.delay());
                    return;
                }
                hostSlot = null;
                try {
                    outcome = guardedPoll();
                } finally {
                    hosts.release(host);
                }
                if (PollOutcome.THROTTLED.equals(outcome.failureReason()) && outcome.nextPollAt() != null) {
                    hosts.throttle(host, outcome.nextPollAt());
                }
            } finally {
                polling.unlock();
            }
            rescheduleAfter(outcome);
        }

        private void rescheduleAfter(PollOutcome outcome) {
            Instant now = clock.instant();
            Instant at = outcome.nextPollAt() != null ? outcome.nextPollAt() : now.plus(timing.interval(feed));
            scheduleIn(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        }

        private PollOutcome guardedPoll() {
            try {
                return poll.poll(feed);
            } catch (RuntimeException e) {
                log.error("feed {}: poll failed unexpectedly", feed.url(), e);
                meters.counter(MeterNames.FEEDS_FAILED, "feed", feed.url(), "reason", "internal").increment();
                return PollOutcome.failure(feed.url(), "internal", String.valueOf(e),
                        clock.instant().plus(timing.afterFailure(feed, 1)));
            }
        }

        synchronized void activate(Duration firstPoll) {
            active = true;
            scheduleIn(firstPoll);
        }

        void deactivate() {
            synchronized (this) {
                active = false;
                if (next != null) {
                    next.cancel(false);
                    next = null;
                }
            }
            polling.lock(); // waits for a poll in progress; it will not reschedule itself
            polling.unlock();
        }

        synchronized void scheduleIn(Duration delay) {
            if (!running || !active || executor.isShutdown()) {
                return;
            }
            if (next != null) {
                next.cancel(false); // a poll done out of turn (pollAllOnce) replaces the pending one
            }
            try {
                next = executor.schedule(this::pollIfActive, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing: nothing more to schedule
            }
        }
    }
}
