package newsflow.app.cli;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.enrich.Extract;
import newsflow.enrich.topics.TopicTagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Extracts one saved page exactly as enrich would, without Kafka or Elasticsearch. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article from a saved HTML page and print the Article as JSON.")
public final class ExtractCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "the saved page")
    Path html;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "the page's address: resolves relative links and gives the article id")
    String url;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = options.load();
        // the page's own bytes: enrich detects the charset from BOM and <meta charset> as for a fetched page
        byte[] page = Files.readAllBytes(html);
        System.out.println(Json.pretty(Extract.article(page, url, TopicTagger.configured(config.enrich()))));
        return 0;
    }
}
