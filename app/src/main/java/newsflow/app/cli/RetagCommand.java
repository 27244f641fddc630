package newsflow.app.cli;

import newsflow.app.stack.LocalStack;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.Topics;
import newsflow.enrich.retag.Retag;
import newsflow.enrich.retag.RetagReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Re-tags the whole archive after the topics, watch-topics or model changed, without refetching pages. */
@Command(name = "retag", mixinStandardHelpOptions = true,
        description = {"Recompute every article's topics (enrich.topics, enrich.watchTopics, enrich.model of --config) "
                + "by replaying the articles topic; changed articles are written back under their id, and the running "
                + "index stage updates their documents in place.",
                "Uses kafka.bootstrapServers when configured, else the local stack's broker on localStack.kafkaPort.",
                "Exit status 3 when some article could not be written back."})
public final class RetagCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--dry-run", description = "count what would change; write nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = LocalStack.addressesOfRunningStack(options.load());
        RetagReport report = Retag.archive(config, !dryRun);
        print(report, Topics.from(config.kafka()).articles(), dryRun, System.out);
        return report.failed() > 0 ? ParseFeedCommand.SOME_FAILED : 0;
    }

    static void print(RetagReport r, String topic, boolean dryRun, PrintStream out) {
        out.printf("%s: %d records read, %d articles (%d older versions skipped)%n", topic, r.records(), r.articles(),
                r.superseded());
        out.printf("changed %d, unchanged %d, undecodable %d%n", r.changed(), r.unchanged(), r.undecodable());
        out.println("topics added:   " + tally(r.added()));
        out.println("topics removed: " + tally(r.removed()));
        if (dryRun) {
            out.println("dry run: nothing written");
        } else {
            out.printf("written back %d, failed %d%n", r.written(), r.failed());
        }
        r.warnings().forEach(w -> out.println("warning: " + w));
    }

    private static String tally(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
