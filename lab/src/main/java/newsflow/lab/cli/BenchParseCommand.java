package newsflow.lab.cli;

import newsflow.lab.bench.Corpus;
import newsflow.lab.bench.FeedReader;
import newsflow.lab.bench.ParseBenchmark;
import newsflow.app.cli.ConfigOptions;
import newsflow.common.config.NewsflowConfig;
import newsflow.ingest.parse.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code newsflow bench-ingest parse}: our feed parsing layer against plain Rome on a directory of feeds. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parse throughput of ingest's FeedParser against plain Rome (SyndFeedInput over XmlReader), "
                + "single-threaded in one JVM, on every file under DIR read into memory once.",
                "Prints feeds/s, MB/s, entries and failed files for each, and the throughput ratio per pair of rounds."})
final class BenchParseCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--feeds", required = true, paramLabel = "DIR", description = "directory of feed files (read recursively)")
    Path feeds;

    @Option(names = "--rounds", defaultValue = "20", description = "measured rounds per parser (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up rounds per parser (default ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = options.load();
        Corpus corpus = Corpus.load(feeds);
        if (corpus.files() == 0) {
            throw new IllegalArgumentException("no files under " + feeds);
        }
        FeedParser ours = new FeedParser(config.ingest().maxEntriesPerFeed(), config.http().maxBytes());
        new ParseBenchmark(List.of(FeedReader.newsflow(ours), FeedReader.plainRome()), warmup, rounds)
                .runAndPrint(corpus, feeds.toString(), System.out);
        return 0;
    }
}
