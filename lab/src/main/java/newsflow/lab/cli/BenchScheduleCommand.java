package newsflow.lab.cli;

import newsflow.lab.bench.ScheduleBenchmark;
import newsflow.app.cli.ConfigOptions;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.IngestConfig;
import newsflow.common.config.NewsflowConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code newsflow bench-ingest schedule}: the real scheduler and poll path against simulated feeds on loopback hosts. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Runs ingest's scheduler, fetcher and parser against feeds served on 127.1.x.y loopback hosts by an "
                + "embedded server, with Kafka replaced by in-memory producers, and reports polls/s sustained, poll "
                + "latency, CPU and heap, and whether the per-host limits held.",
                "Per-host limits and poll threads default to the configuration (ingest.*); exit status 4 when a "
                        + "per-host limit was broken or any poll failed."})
final class BenchScheduleCommand implements Callable<Integer> {

    static final int LIMIT_BROKEN = 4;

    @Mixin
    ConfigOptions options;

    @Option(names = "--feeds", defaultValue = "10000", description = "simulated feeds (default ${DEFAULT-VALUE})")
    int feeds;

    @Option(names = "--hosts", defaultValue = "100", description = "loopback hosts they are spread over (default ${DEFAULT-VALUE})")
    int hosts;

    @Option(names = "--seconds", defaultValue = "60", description = "measured window in seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "15", description = "seconds of polling before measuring, at least; longer until every feed was polled once (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--interval", defaultValue = "1s", description = "every feed's poll interval (default ${DEFAULT-VALUE}: "
            + "shorter than the scheduler can keep up with, so the run measures its capacity)")
    String interval;

    @Option(names = "--threads", description = "poll threads (default: ingest.pollThreads)")
    Integer threads;

    @Option(names = "--per-host-concurrency", description = "polls in flight per host (default: ingest.perHostConcurrency)")
    Integer perHostConcurrency;

    @Option(names = "--per-host-delay", description = "least time between poll starts on one host (default: ingest.perHostDelay)")
    String perHostDelay;

    @Option(names = "--change-every", defaultValue = "2", description = "a feed gains a new item every N polls; "
            + "the others are answered 304 (default ${DEFAULT-VALUE})")
    int changeEvery;

    @Option(names = "--server-threads", defaultValue = "8", description = "threads of the simulated server (default ${DEFAULT-VALUE})")
    int serverThreads;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = options.load();
        IngestConfig base = config.ingest();
        Duration every = ConfigLoader.parseDuration(interval);
        IngestConfig ingest = new IngestConfig(every, every, base.errorBackoffMax(), base.maxEntriesPerFeed(),
                base.rememberedIds(), threads != null ? threads : base.pollThreads(),
                perHostConcurrency != null ? perHostConcurrency : base.perHostConcurrency(),
                perHostDelay != null ? ConfigLoader.parseDuration(perHostDelay) : base.perHostDelay(),
                every, base.disableAfterFailures()); // min = max: the schedule does not adapt away from --interval
        ScheduleBenchmark.Settings settings = new ScheduleBenchmark.Settings(feeds, hosts, changeEvery, serverThreads,
                Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        boolean ok = new ScheduleBenchmark(settings, ingest,
                // the simulated hosts are loopback addresses of this machine
                config.http().withAllowPrivate(java.util.List.of("127.0.0.0/8"))).runAndPrint(System.out);
        return ok ? 0 : LIMIT_BROKEN;
    }
}
