package newsflow.app.cli;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.json.Json;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.FeedParsing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** Parses one feed exactly as ingest would, without Kafka: one {@code FeedEntry} JSON per line. */
@Command(name = "parse-feed", mixinStandardHelpOptions = true,
        description = "Parse an RSS/Atom/RDF feed file or URL and print one FeedEntry JSON object per line.")
public final class ParseFeedCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "FILE|URL", description = "a feed file, or an http(s) URL to fetch")
    String feed;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = options.load();
        List<FeedEntry> entries = FeedParsing.parseUrlOrFile(feed, new HttpFetcher(config.http()), config.ingest());
        for (FeedEntry entry : entries) {
            System.out.println(Json.write(entry));
        }
        return 0;
    }
}
