package newsflow.lab.cli;

import newsflow.common.json.Json;
import newsflow.lab.analyst.AnalystBenchmark;
import newsflow.lab.analyst.AnalystReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** The analyst's requests through our API against the same Elasticsearch requests sent directly; alert matching. */
@Command(name = "bench-analyst", mixinStandardHelpOptions = true, description = {
        "Loads --articles articles (varied from the demo corpus and --datasets) into a local Elasticsearch node, then",
        "measures p50/p99 of search (facets and histogram), attention (3 queries), top words, similar and a",
        "10,000-row export through our API against the exact Elasticsearch requests our code sends, sent directly,",
        "interleaved in one run; and saved-search matching (articles/s) against the index writer's documents/s.",
        "Pass -Dnewsflow.log.level=WARN to the JVM to keep the log quiet."})
public final class BenchAnalystCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "100000", description = "articles to index (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--datasets", description = "the datasets directory (its topics/*.jsonl texts are varied too)")
    Path datasets;

    @Option(names = "--rounds", defaultValue = "200", description = "measured rounds per request kind (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "20", description = "warm-up rounds, not measured (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--variants", defaultValue = "8", description = "different URLs per request kind (default ${DEFAULT-VALUE})")
    int variants;

    @Option(names = "--saved-searches", defaultValue = "1000", description = "saved searches to match (default ${DEFAULT-VALUE})")
    int savedSearches;

    @Option(names = "--match-articles", defaultValue = "5000", description = "articles matched against them (default ${DEFAULT-VALUE})")
    int matchArticles;

    @Option(names = "--alerts-only", description = "only the index rate and saved-search matching, no requests: "
            + "matching needs far fewer --articles than the requests")
    boolean alertsOnly;

    @Option(names = "--kinds", split = ",", description = "only these kinds of request, comma-separated: search, "
            + "attention, top_words, similar, export (default: all)")
    List<String> kinds = List.of();

    @Option(names = "--request-cache", defaultValue = "on", description = {"on (the node's default) or off: whether "
            + "the node's shard request cache may answer a request it has answered before;",
            "the rounds repeat a few URLs, so with it on attention is answered from it nearly every time (default ${DEFAULT-VALUE})"})
    OnOff requestCache;

    @Option(names = "--compare-virtual-threads", description = {"also measure our API and the pass-through served "
            + "with a virtual thread per request, in the same rounds", "(the app's server runs requests on platform threads first)"})
    boolean compareVirtualThreads;

    @Option(names = "--data-dir", description = {"where the local node keeps the run's index (default: a new directory under /tmp);",
            "a directory an earlier run of the same --articles wrote is measured again without writing the articles anew"})
    Path dataDir;

    @Option(names = "--home", description = "the app's packaged layout, lib/ and elasticsearch/ (default: app/target/newsflow)")
    Path home;

    @Option(names = "--report", description = "also write the report as JSON to this file")
    Path report;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory(Path.of("/tmp"), "newsflow-bench-analyst-");
        // the local node may run as its own user: it must be able to enter the directory
        dir.toFile().setExecutable(true, false);
        dir.toFile().setReadable(true, false);
        AnalystReport result = new AnalystBenchmark(new AnalystBenchmark.Options(articles, datasets, rounds, warmup,
                variants, savedSearches, matchArticles, dir, home != null ? home : ChaosCommand.appHome(), alertsOnly, kinds,
                requestCache == OnOff.on, compareVirtualThreads),
                System.out).run();
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        System.out.println(json);
        if (report != null) {
            Files.writeString(report, json);
        }
        if (dataDir == null) {
            System.out.println("the run's index stays in " + dir + " (the node is stopped; delete the directory when done)");
        }
        return 0;
    }
}
