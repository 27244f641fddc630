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
import newsflow.search.query.QuerySyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            description = {"query language (docs/query-language.md): words, \"quoted phrases\", prefix*, -excluded,",
                    "AND/OR/NOT, ( ), fields title: body: author: source: topic: lang: (empty: everything)"})
    String query;

    @Option(names = "--topic", description = "only articles tagged with this topic (repeatable: any of them)")
    List<String> topic = List.of();

    @Option(names = "--source", description = "only articles from this source, a feed name (repeatable)")
    List<String> source = List.of();

    @Option(names = "--lang", description = "only articles in this language, ISO 639-1 such as en (repeatable)")
    List<String> lang = List.of();

    @Option(names = "--author", description = "only articles by this author, the exact name (repeatable)")
    List<String> author = List.of();

    @Option(names = "--from", description = "published on or after: YYYY-MM-DD, an ISO instant, or back from now (7d, 24h, 2w, 3m, 1y)")
    String from;

    @Option(names = "--to", description = "published up to and including (YYYY-MM-DD), before (ISO instant), or before a time back from now (7d)")
    String to;

    @Option(names = "--sort", description = "relevance (default with a query), newest (default without), oldest")
    String sort;

    @Option(names = "--size", defaultValue = "10", description = "hits to show (1-100, default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--stories", description = "one hit per story, with the other outlets that reported it")
    boolean stories;

    @Option(names = "--json", description = "print the raw result as JSON instead")
    boolean json;

    @Override
    public Integer call() {
        NewsflowConfig config = options.load();
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "q", query);
        topic.forEach(v -> put(params, "topic", v));
        source.forEach(v -> put(params, "source", v));
        lang.forEach(v -> put(params, "lang", v));
        author.forEach(v -> put(params, "author", v));
        put(params, "from", from);
        put(params, "to", to);
        put(params, "sort", sort);
        put(params, "size", Integer.toString(size));
        if (stories) {
            put(params, "collapse", "story");
        }
        SearchQuery searchQuery;
        try {
            searchQuery = SearchQueryParser.parse(params, config.search(), Clock.systemUTC());
        } catch (QuerySyntaxException e) {
            // point at the problem under the query, as the message's position says
            System.err.println("newsflow: " + e.getMessage());
            System.err.println("  " + query);
            System.err.println("  " + " ".repeat(e.position()) + "^");
            return 2;
        }

        ElasticsearchConfig es = LocalStack.addressesOfRunningStack(config).elasticsearch();
        try (ElasticsearchClient client = ElasticsearchClients.create(es, config.search().clientDeadline())) {
            SearchResult result = new SearchService(client, es.index(), config.search()).search(searchQuery);
            System.out.println(json ? Json.pretty(result) : SearchResultPrinter.render(result, System.console() != null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("closing the Elasticsearch client", e);
        }
        return 0;
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }
}
