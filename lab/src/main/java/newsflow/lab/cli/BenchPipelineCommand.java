package newsflow.lab.cli;

import newsflow.common.config.ConfigLoader;
import newsflow.common.json.Json;
import newsflow.lab.bench.PipelineBenchmark;
import newsflow.lab.bench.ScaleOutPhases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code newsflow bench-pipeline}: the whole pipeline's speed against each stage's own, on real pages. */
@Command(name = "bench-pipeline", mixinStandardHelpOptions = true, description = {
        "Serves real article pages (the extraction datasets' html files, under distinct URLs) from loopback hosts, starts",
        "a local Kafka broker and Elasticsearch node, and runs the real stages as `newsflow run` processes: each stage alone",
        "(ingest, enrich, index ceilings), then all three in one process end to end, then new articles one at a time for",
        "freshness (idle, after a WebSub hub's delivery, and while articles arrive at 80% of the end-to-end rate).",
        "Prints the JSON report (see docs/measurements.md for its keys)."})
public final class BenchPipelineCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "2000", description = "articles (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--hosts", defaultValue = "20", description = "loopback hosts serving them (default ${DEFAULT-VALUE})")
    int hosts;

    @Option(names = "--feeds", defaultValue = "100", description = "feeds listing them (default ${DEFAULT-VALUE})")
    int feeds;

    @Option(names = "--pages", arity = "1..*", required = true,
            description = "directories of .html/.html.gz pages (e.g. the extraction datasets); pages repeat under new URLs when fewer than --articles")
    List<Path> pages;

    @Option(names = "--fresh", defaultValue = "20", description = "articles listed one at a time for freshness (default ${DEFAULT-VALUE})")
    int fresh;

    @Option(names = "--enrich-instances", defaultValue = "1",
            description = "also run this many enrich processes side by side on one entries topic, against one (default ${DEFAULT-VALUE}: no such phase)")
    int enrichInstances;

    @Option(names = "--slow-pages", description = "also run enrich alone on pages answering after 300 ms, every 50th after 10 s")
    boolean slowPages;

    @Option(names = "--start-articles", defaultValue = "0",
            description = "also time a new enrich instance to its first article on a topic holding this many articles, with and without story marks (default ${DEFAULT-VALUE}: no such phase)")
    int startArticles;

    @Option(names = "--websub", defaultValue = "20",
            description = "articles announced one at a time by the feeds' WebSub hub, timed from the hub's delivery to searchable (default ${DEFAULT-VALUE}; 0: no hub, WebSub off)")
    int webSub;

    @Option(names = "--loaded-articles", defaultValue = "-1",
            description = "articles listed at 80% of the measured end-to-end rate, with --fresh fresh ones among them timed to searchable (default: half of --articles; 0: no loaded phase)")
    int loadedArticles;

    @Option(names = "--service-heap", defaultValue = PipelineBenchmark.Options.DEFAULT_SERVICE_HEAP,
            description = "heap of the broker and of the node each, as localStack.heap sets them (default ${DEFAULT-VALUE})")
    String serviceHeap;

    @Option(names = "--report", description = "also write the JSON report to this file")
    Path report;

    @Mixin
    StackOptions stack;

    @Option(names = "--timeout", defaultValue = "30m", description = "give up on a phase after this (default ${DEFAULT-VALUE})")
    String timeout;

    @Override
    public Integer call() throws Exception {
        PipelineBenchmark.Options options = new PipelineBenchmark.Options(articles, hosts, feeds, pages,
                stack.dataDir("newsflow-bench-pipeline-"), stack.home(), fresh, ConfigLoader.parseDuration(timeout),
                webSub, loadedArticles < 0 ? articles / 2 : loadedArticles, serviceHeap);
        Map<String, Object> result = new PipelineBenchmark(options,
                new ScaleOutPhases.Plan(enrichInstances, slowPages, startArticles)).run();
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        System.out.println(json);
        if (report != null) {
            Files.writeString(report, json + "\n");
        }
        return 0;
    }
}
