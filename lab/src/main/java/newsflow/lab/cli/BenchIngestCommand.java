package newsflow.lab.cli;

import picocli.CommandLine.Command;

/** Benchmarks of ingest: parse throughput against plain Rome, and the scheduler against many simulated feeds. */
@Command(name = "bench-ingest", mixinStandardHelpOptions = true,
        description = {"Benchmarks of ingest (they measure; they are not tests).",
                "Pass -Dnewsflow.log.level=WARN to the JVM, or the per-feed INFO log lines are measured too."},
        subcommands = {BenchParseCommand.class, BenchScheduleCommand.class})
public final class BenchIngestCommand {
}
