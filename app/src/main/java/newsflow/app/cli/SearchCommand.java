package newsflow.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.app.stack.LocalStack;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.index.es.ElasticsearchClients;
import newsflow.search.SearchQuery;
import newsflow.search.SearchQueryParser;
import newsflow.search.SearchResult;
import newsflow.search.SearchService;
import newsflow.search.cli.SearchResultPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Searches the article index from the terminal, with the same query language and filters as the HTTP API. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search indexed articles and print them readably.",
                "Uses elasticsearch.url when configured, else the local stack's node on localStack.elasticsearchPort."})
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(arity = "0..1", paramLabel = "QUERY",
            description = "free text: words, \"quoted phrases\", -excluded (empty: newest first)")
    String query;

    @Option(names = "--topic", description = "only articles tagged with this topic")
    String topic;

    @Option(names = "--source", description = "only articles from this source (feed name)")
    String source;

    @Option(names = "--lang", description = "only articles in this language (ISO 639-1, e.g. en)")
    String lang;

    @Option(names = "--from", description = "published on or after (YYYY-MM-DD or an ISO instant)")
    String from;

    @Option(names = "--to", description = "published up to and including (YYYY-MM-DD) or before (ISO instant)")
    String to;

    @Option(names = "--size", defaultValue = "10", description = "hits to show (1-100, default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--stories", description = "one hit per story, with the other outlets that reported it")
    boolean stories;

    @Option(names = "--json", description = "print the raw result as JSON instead")
    boolean json;

    @Override
    public Integer call() {
        NewsflowConfig config = options.load();
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", query);
        put(params, "topic", topic);
        put(params, "source", source);
        put(params, "lang", lang);
        put(params, "from", from);
        put(params, "to", to);
        params.put("size", Integer.toString(size));
        if (stories) {
            params.put("collapse", "story");
        }
        SearchQuery searchQuery = SearchQueryParser.parse(params);

        ElasticsearchConfig es = LocalStack.addressesOfRunningStack(config).elasticsearch();
        try (ElasticsearchClient client = ElasticsearchClients.create(es, config.search().clientDeadline())) {
            SearchResult result = new SearchService(client, es.index(), config.search()).search(searchQuery);
            System.out.println(json ? Json.pretty(result) : SearchResultPrinter.render(result, System.console() != null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("closing the Elasticsearch client", e);
        }
        return 0;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }
}
