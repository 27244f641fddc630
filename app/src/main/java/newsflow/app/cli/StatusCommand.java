package newsflow.app.cli;

import newsflow.app.status.PipelineStatus;
import newsflow.app.status.StatusCollector;
import newsflow.common.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** One look at the whole pipeline: stages, lag, feeds, dead letters, Elasticsearch, disk. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The pipeline at a glance: each stage's consumer group (state, instances, lag on its input topic), "
                + "failing feeds, dead letters of the last hour, Elasticsearch health and the article alias, and the "
                + "disk the local stack's data directory takes.",
                "Uses kafka.bootstrapServers and elasticsearch.url when configured, else the local stack of "
                        + "`newsflow stack|run|demo`.",
                "Exit status 1 when some part could not be read (listed under problems)."})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "one JSON object instead of the text report")
    boolean json;

    @Override
    public Integer call() {
        var config = options.load();
        PipelineStatus status = StatusCollector.collect(config, () -> FeedsKafka.connect(config));
        System.out.print(json ? Json.write(status) + "\n" : StatusPrinter.render(status));
        return status.problems().isEmpty() ? 0 : 1;
    }
}
