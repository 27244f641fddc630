package newsflow.lab.bench;

import newsflow.common.config.FeedConfig;
import newsflow.common.config.HttpConfig;
import newsflow.common.config.IngestConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.metrics.Metrics;
import newsflow.ingest.FeedPoller;
import newsflow.ingest.fetch.FeedFetcher;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.publish.EntryPublisher;
import newsflow.ingest.schedule.NetworkWatch;
import newsflow.ingest.schedule.PollScheduler;
import newsflow.ingest.schedule.PollTiming;
import newsflow.ingest.state.FeedStateStore;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ingest scheduler under load: the real {@link PollScheduler}, {@link FeedPoller}, {@link HttpFetcher} and
 * {@link FeedParser} polling many simulated feeds on many loopback hosts ({@link SimulatedFeedServer}), with the
 * entries and feed-state topics replaced by in-memory producers. After a warm-up it measures, over a fixed
 * window, the polls completed per second, how long each took, the CPU and heap the process used, and whether
 * the per-host limits held as the server saw them. The server runs in the same process; its threads' CPU time
 * is reported apart.
 */
public final class ScheduleBenchmark {

    /**
     * @param feeds         simulated feeds
     * @param hosts         loopback hosts they are spread over
     * @param changeEvery   a feed gains a new item every this many requests (the others are 304s)
     * @param serverThreads threads answering requests, shared by all hosts
     * @param warmup        polling before the measurement starts, at least until every feed was polled once
     * @param measure       the measured window
     */
    public record Settings(int feeds, int hosts, int changeEvery, int serverThreads, Duration warmup, Duration measure) {
    }

    /** What the window measured. */
    record Report(double warmupSeconds, long unpolledAfterWarmup, double seconds, long polls, double[] pollsPerSecond, long fetched, long notModified,
                  Map<String, Long> failures, double p50Millis, double p99Millis, int[] pollsPerFeed,
                  long entriesPublished, long statesSaved, long cpuNanos, long serverCpuNanos, long gcCount,
                  long gcMillis, long heapBaseline, long heapLive, long heapPeak, long heapMax,
                  int maxConcurrentPerHost, long minGapNanos, long[] responses) {
    }

    private static final Duration MAX_WARMUP = Duration.ofMinutes(3);
    private static final List<String> SERVER_THREADS = List.of(SimulatedFeedServer.THREAD_PREFIX, "HTTP-Dispatcher");

    private final Settings settings;
    private final IngestConfig ingest;
    private final HttpConfig http;

    /** @param ingest interval, per-host limits and poll threads as the scheduler should use them */
    public ScheduleBenchmark(Settings settings, IngestConfig ingest, HttpConfig http) {
        this.settings = settings;
        this.ingest = ingest;
        this.http = http;
    }

    /** Runs the benchmark, prints the report; false when a per-host limit was broken or polls failed. */
    public boolean runAndPrint(PrintStream out) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "schedule benchmark: %d feeds on %d loopback hosts (127.1.x.y), interval %s, %d poll threads, "
                        + "per host at most %d in flight and %d ms apart; a new item every %d polls of a feed; "
                        + "at least %d s warm-up (until every feed was polled once, %d s at most), %d s measured%n", settings.feeds(), settings.hosts(), ingest.defaultInterval(),
                ingest.pollThreads(), ingest.perHostConcurrency(), ingest.perHostDelay().toMillis(), settings.changeEvery(),
                settings.warmup().toSeconds(), Math.max(settings.warmup().toSeconds(), MAX_WARMUP.toSeconds()),
                settings.measure().toSeconds());
        Report r = run();
        print(r, out);
        return r.maxConcurrentPerHost() <= ingest.perHostConcurrency() && r.failures().isEmpty() && r.polls() > 0;
    }

    Report run() throws IOException, InterruptedException {
        long heapBaseline = ResourceUse.heapUsedAfterGc();
        Clock clock = Clock.systemUTC();
        try (SimulatedFeedServer server = new SimulatedFeedServer(settings.feeds(), settings.hosts(), settings.changeEvery(),
                settings.serverThreads());
             HttpFetcher fetcher = new HttpFetcher(http)) {
            List<FeedConfig> feeds = new ArrayList<>(settings.feeds());
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < settings.feeds(); k++) {
                String url = server.feedUrl(k);
                feeds.add(new FeedConfig(url, "Simulated " + k, null, null, null));
                index.put(url, k);
            }
            DiscardingProducer<String, byte[]> stateTopic = new DiscardingProducer<>(new StringSerializer(), new ByteArraySerializer());
            DiscardingProducer<String, newsflow.common.model.FeedEntry> entriesTopic =
                    new DiscardingProducer<>(new StringSerializer(), JsonCodec.FEED_ENTRY.serializer());
            FeedStateStore states = new FeedStateStore(() -> {
                throw new UnsupportedOperationException("the benchmark keeps feed state in memory only");
            }, stateTopic, "bench.feed-state", Duration.ofSeconds(10));
            EntryPublisher publisher = new EntryPublisher(entriesTopic, "bench.entries", Duration.ofSeconds(10));
            PollTiming timing = new PollTiming(ingest);
            FeedPoller poller = new FeedPoller(new FeedFetcher(fetcher), new FeedParser(ingest.maxEntriesPerFeed(), http.maxBytes()),
                    publisher, states, timing, ingest.rememberedIds(), new NetworkWatch(clock), (url, hub) -> { },
                    Metrics.registry(), clock);
            MeasuredPoll measured = new MeasuredPoll(poller, index);
            try (PollScheduler scheduler = new PollScheduler(feeds, measured, timing, url -> null, ingest.pollThreads(),
                    Metrics.registry(), clock)) {
                long warmupStart = System.nanoTime();
                scheduler.start();
                warmUp(measured);
                double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
                long unpolled = settings.feeds() - measured.feedsPolled();

                long entries0 = entriesTopic.sent();
                long states0 = stateTopic.sent();
                long[] responses0 = server.responses();
                long[] gc0 = ResourceUse.gcCountAndMillis();
                ResourceUse.resetHeapPeaks();
                long server0 = ResourceUse.threadCpuNanos(SERVER_THREADS);
                long cpu0 = ResourceUse.processCpuNanos();
                long start = System.nanoTime();
                measured.startRecording();

                int secondsToRun = (int) Math.max(1, settings.measure().toSeconds());
                double[] perSecond = new double[secondsToRun];
                long before = 0;
                for (int s = 0; s < secondsToRun; s++) {
                    long wakeAt = start + (s + 1) * 1_000_000_000L;
                    Thread.sleep(Math.max(0, (wakeAt - System.nanoTime()) / 1_000_000));
                    long now = measured.polls();
                    perSecond[s] = now - before;
                    before = now;
                }
                measured.stopRecording();
                double seconds = (System.nanoTime() - start) / 1e9;
                long cpu = ResourceUse.processCpuNanos() - cpu0;
                long serverCpu = ResourceUse.threadCpuNanos(SERVER_THREADS) - server0;
                long heapPeak = ResourceUse.heapPeakBytes();
                long[] gc1 = ResourceUse.gcCountAndMillis();
                long[] responses1 = server.responses();
                long entries = entriesTopic.sent() - entries0;
                long saved = stateTopic.sent() - states0;
                // Still polling: what is live now is the running scheduler's footprint.
                long heapLive = ResourceUse.heapUsedAfterGc();
                long[] responses = {responses1[0] - responses0[0], responses1[1] - responses0[1], responses1[2] - responses0[2]};
                return new Report(warmupSeconds, unpolled, seconds, measured.polls(), perSecond, measured.fetched(), measured.notModified(),
                        measured.failures(), measured.latency().quantileMillis(0.5), measured.latency().quantileMillis(0.99),
                        measured.pollsPerFeed(), entries, saved, cpu, serverCpu, gc1[0] - gc0[0], gc1[1] - gc0[1],
                        heapBaseline, heapLive, heapPeak, ResourceUse.heapMaxBytes(), server.maxConcurrentPerHost(),
                        server.minGapNanos(), responses);
            }
        }
    }

    /**
     * Polls for the warm-up time and then until every feed was polled once, or {@link #MAX_WARMUP} ran out: a
     * feed's first poll publishes its whole document, later ones only what is new, and the window should measure
     * the steady state. When the hosts cannot keep up (per-host spacing), some feeds may still wait for their
     * first poll then; the report says how many.
     */
    private void warmUp(MeasuredPoll measured) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(settings.warmup().toNanos(), MAX_WARMUP.toNanos());
        Thread.sleep(settings.warmup().toMillis());
        while (measured.feedsPolled() < settings.feeds() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void print(Report r, PrintStream out) {
        double mib = 1024 * 1024;
        int[] perFeed = r.pollsPerFeed().clone();
        Arrays.sort(perFeed);
        double demand = settings.feeds() / (ingest.defaultInterval().toMillis() / 1000.0);
        long delay = ingest.perHostDelay().toMillis();
        out.printf(Locale.ROOT, "%nwarm-up                %.1f s, %s%n", r.warmupSeconds(), r.unpolledAfterWarmup() == 0
                ? "every feed polled at least once" : r.unpolledAfterWarmup() + " feeds not polled even once by then");
        out.printf(Locale.ROOT, "polls/s sustained      %.0f over %.1f s (%d polls); per second: %s%n", r.polls() / r.seconds(),
                r.seconds(), r.polls(), Spread.of(r.pollsPerSecond()).format("%.0f"));
        out.printf(Locale.ROOT, "asked for              %.0f polls/s (feeds / interval)%s%n", demand,
                delay > 0 ? String.format(Locale.ROOT, "; per-host spacing allows at most %.0f", settings.hosts() * 1000.0 / delay) : "");
        out.printf(Locale.ROOT, "outcomes               %d fetched (200), %d not modified (304), failed: %s%n", r.fetched(),
                r.notModified(), r.failures().isEmpty() ? "none" : r.failures());
        out.printf(Locale.ROOT, "polls per feed         min %d, median %d, max %d%n", perFeed[0], perFeed[perFeed.length / 2],
                perFeed[perFeed.length - 1]);
        out.printf(Locale.ROOT, "poll latency           p50 %.2f ms, p99 %.2f ms (fetch+parse+publish+save, not the wait for a host's turn)%n",
                r.p50Millis(), r.p99Millis());
        out.printf(Locale.ROOT, "published              %d entries, %d state saves (in-memory producers)%n", r.entriesPublished(), r.statesSaved());
        out.printf(Locale.ROOT, "CPU                    %.1f s process = %.2f cores of %d (server threads %.1f s, the rest %.1f s = %.0f µs per poll)%n",
                r.cpuNanos() / 1e9, r.cpuNanos() / 1e9 / r.seconds(), Runtime.getRuntime().availableProcessors(),
                r.serverCpuNanos() / 1e9, (r.cpuNanos() - r.serverCpuNanos()) / 1e9,
                r.polls() == 0 ? Double.NaN : (r.cpuNanos() - r.serverCpuNanos()) / 1e3 / r.polls());
        out.printf(Locale.ROOT, "heap                   live after GC %.0f MiB (%.0f MiB before starting), peak ≤ %.0f MiB, max %.0f MiB; "
                        + "%d collections, %d ms%n", r.heapLive() / mib, r.heapBaseline() / mib, r.heapPeak() / mib,
                r.heapMax() / mib, r.gcCount(), r.gcMillis());
        boolean held = r.maxConcurrentPerHost() <= ingest.perHostConcurrency();
        out.printf(Locale.ROOT, "per-host limit         %s: at most %d requests in flight on one host seen by the server (limit %d)%n",
                held ? "held" : "BROKEN", r.maxConcurrentPerHost(), ingest.perHostConcurrency());
        out.printf(Locale.ROOT, "per-host spacing       shortest gap between two requests to one host %s (configured %d ms between poll starts)%n",
                r.minGapNanos() == Long.MAX_VALUE ? "n/a" : String.format(Locale.ROOT, "%.2f ms", r.minGapNanos() / 1e6), delay);
        out.printf(Locale.ROOT, "server answered        %d × 200, %d × 304, %d × 404%n", r.responses()[0], r.responses()[1], r.responses()[2]);
    }
}
