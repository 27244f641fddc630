package newsflow.app.cli;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.json.Json;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.FeedParsing;
import newsflow.ingest.batch.BatchSummary;
import newsflow.ingest.batch.FeedBatch;
import newsflow.ingest.parse.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Parses feeds exactly as ingest would, without Kafka. A file or URL: one {@code FeedEntry} JSON per line. A
 * directory: one report JSON per file under it, then a summary table.
 */
@Command(name = "parse-feed", mixinStandardHelpOptions = true,
        description = {"Parse an RSS/Atom/RDF/JSON feed file or URL and print one FeedEntry JSON object per line.",
                "Given a directory, parse every file under it and print one JSON line per file "
                        + "(file, ok, format, error, entries, datesMissing), then a summary table; "
                        + "exit status 3 when any file failed."})
public final class ParseFeedCommand implements Callable<Integer> {

    static final int SOME_FAILED = 3;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "FILE|URL|DIR", description = "a feed file, an http(s) URL to fetch, or a directory of feed files")
    String feed;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = options.load();
        Path dir = Path.of(feed);
        FeedParser parser = new FeedParser(config.ingest().maxEntriesPerFeed(), config.http().maxBytes());
        if (!feed.contains("://") && Files.isDirectory(dir)) {
            FeedBatch batch = new FeedBatch(parser);
            BatchSummary summary = batch.run(dir, report -> System.out.println(Json.write(report)));
            System.out.println();
            System.out.print(summary.table());
            return summary.failed() == 0 ? 0 : SOME_FAILED;
        }
        try (HttpFetcher http = new HttpFetcher(config.http())) {
            List<FeedEntry> entries = FeedParsing.parseUrlOrFile(feed, http, parser);
            for (FeedEntry entry : entries) {
                System.out.println(Json.write(entry));
            }
        }
        return 0;
    }
}
