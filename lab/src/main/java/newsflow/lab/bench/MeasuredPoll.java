package newsflow.lab.bench;

import newsflow.common.config.FeedConfig;
import newsflow.ingest.schedule.FeedPoll;
import newsflow.ingest.schedule.PollOutcome;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps the real poll: times each one (fetch, parse, publish, state save; not the wait for a host's turn) and
 * counts outcomes, polls per feed and failure reasons while recording is on.
 */
final class MeasuredPoll implements FeedPoll {

    private final FeedPoll poll;
    private final Map<String, Integer> feedIndex;
    private final AtomicIntegerArray pollsPerFeed;
    private final AtomicIntegerArray everPolled;
    private final LongAdder feedsPolled = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder polls = new LongAdder();
    private final LongAdder fetched = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile boolean recording;

    /** @param feedIndex each feed URL's index in 0 … n-1 */
    MeasuredPoll(FeedPoll poll, Map<String, Integer> feedIndex) {
        this.poll = poll;
        this.feedIndex = Map.copyOf(feedIndex);
        this.pollsPerFeed = new AtomicIntegerArray(feedIndex.size());
        this.everPolled = new AtomicIntegerArray(feedIndex.size());
    }

    @Override
    public PollOutcome poll(FeedConfig feed) {
        long start = System.nanoTime();
        PollOutcome outcome = poll.poll(feed);
        long took = System.nanoTime() - start;
        int index = feedIndex.get(feed.url());
        if (everPolled.compareAndSet(index, 0, 1)) {
            feedsPolled.increment();
        }
        if (recording) {
            latency.record(took);
            polls.increment();
            pollsPerFeed.incrementAndGet(index);
            switch (outcome.status()) {
                case FETCHED -> fetched.increment();
                case NOT_MODIFIED -> notModified.increment();
                case FAILED -> failures.computeIfAbsent(outcome.failureReason(), r -> new LongAdder()).increment();
            }
        }
        return outcome;
    }

    void startRecording() {
        recording = true;
    }

    void stopRecording() {
        recording = false;
    }

    /** Feeds polled at least once since the start, recording or not. */
    long feedsPolled() {
        return feedsPolled.sum();
    }

    long polls() {
        return polls.sum();
    }

    long fetched() {
        return fetched.sum();
    }

    long notModified() {
        return notModified.sum();
    }

    Map<String, Long> failures() {
        return failures.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    LatencyHistogram latency() {
        return latency;
    }

    /** Polls of each feed while recording. */
    int[] pollsPerFeed() {
        int[] r = new int[pollsPerFeed.length()];
        for (int i = 0; i < r.length; i++) {
            r[i] = pollsPerFeed.get(i);
        }
        return r;
    }
}
