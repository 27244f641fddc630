package newsflow.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.kafka.KafkaClients;
import newsflow.search.alerts.AlertTopics;
import newsflow.search.saved.SavedFilters;
import newsflow.search.saved.SavedSearch;
import newsflow.search.saved.SavedSearchInput;
import newsflow.search.saved.SavedSearchStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Manages saved searches, the compacted Kafka topic the alerts stage and the API share: what is saved here is
 * matched against the next article, without a restart. Input is checked exactly as the API checks it.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Manage saved searches and their alerts (the <prefix>saved-searches Kafka topic); the alerts "
                + "stage matches every new article against them.",
                "Talks to kafka.bootstrapServers, else to the local broker of `newsflow stack` on localStack.kafkaPort."},
        subcommands = {AlertsCommand.Add.class, AlertsCommand.ListSearches.class, AlertsCommand.Update.class,
                AlertsCommand.Remove.class})
public final class AlertsCommand implements Callable<Integer> {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /** Loads the configuration, connects and opens the store; subclasses do the rest. */
    abstract static class StoreCommand implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Override
        public final Integer call() throws Exception {
            NewsflowConfig config = options.load();
            KafkaClients kafka = FeedsKafka.connect(config);
            AlertTopics.ensure(kafka, config.alerts());
            try (SavedSearchStore store = SavedSearchStore.create(kafka, KAFKA_TIMEOUT, config.alerts().maxSavedSearches())) {
                return run(config, store, System.out);
            }
        }

        abstract int run(NewsflowConfig config, SavedSearchStore store, PrintStream out) throws Exception;
    }

    /** The options a saved search is made of; unset ones keep their value on update. */
    static final class Fields {
        @Option(names = "--query", paramLabel = "QUERY", description = "the query, in the search language (docs/query-language.md)")
        String query;
        @Option(names = "--topic", paramLabel = "TOPIC", description = "only articles with this topic (repeatable: any of them)")
        List<String> topic;
        @Option(names = "--source", paramLabel = "SOURCE", description = "only articles from this source (repeatable)")
        List<String> source;
        @Option(names = "--lang", paramLabel = "LANG", description = "only articles in this language (repeatable)")
        List<String> lang;
        @Option(names = "--author", paramLabel = "AUTHOR", description = "only articles by this author (repeatable)")
        List<String> author;
        @Option(names = "--webhook", paramLabel = "URL", description = "POST each match here (\"\" for none)")
        String webhook;
        @Option(names = "--secret-env", paramLabel = "VAR",
                description = "sign deliveries with the secret in this environment variable (\"\" value: unsigned); "
                        + "never on the command line, where other users could see it")
        String secretEnv;

        String secret() {
            if (secretEnv == null) {
                return null;
            }
            String value = System.getenv(secretEnv);
            if (value == null) {
                throw new IllegalArgumentException("--secret-env: the environment variable " + secretEnv + " is not set");
            }
            return value;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a search; prints its id and feed path.")
    static final class Add extends StoreCommand {

        @Parameters(paramLabel = "NAME", description = "what to call it")
        String name;

        @CommandLine.ArgGroup(exclusive = false)
        Fields fields = new Fields();

        @Override
        int run(NewsflowConfig config, SavedSearchStore store, PrintStream out) {
            SavedFilters filters = new SavedFilters(fields.topic, fields.source, fields.lang, fields.author);
            JsonNode body = Json.mapper().valueToTree(SavedSearchInput.body(name, fields.query, filters, fields.webhook,
                    fields.secret()));
            SavedSearch saved = store.create(SavedSearchInput.parse(body, config.search()), Instant.now());
            out.println("added: " + saved.id() + " " + Json.write(saved.name()) + " (feed " + saved.feedPath() + ")");
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a saved search: the options given replace those values, the others stay.")
    static final class Update extends StoreCommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--name", paramLabel = "NAME")
        String name;

        @CommandLine.ArgGroup(exclusive = false)
        Fields fields = new Fields();

        @Override
        int run(NewsflowConfig config, SavedSearchStore store, PrintStream out) {
            SavedSearch stored = store.find(id.strip()).orElse(null);
            if (stored == null) {
                System.err.println("no saved search with id " + id);
                return 1;
            }
            SavedFilters filters = new SavedFilters(
                    fields.topic != null ? fields.topic : stored.filters().topic(),
                    fields.source != null ? fields.source : stored.filters().source(),
                    fields.lang != null ? fields.lang : stored.filters().lang(),
                    fields.author != null ? fields.author : stored.filters().author());
            JsonNode body = Json.mapper().valueToTree(SavedSearchInput.body(
                    name != null ? name : stored.name(), fields.query != null ? fields.query : stored.query(), filters,
                    fields.webhook != null ? fields.webhook : stored.webhook(), fields.secret()));
            SavedSearch updated = store.update(stored.id(), SavedSearchInput.parse(body, config.search()), Instant.now())
                    .orElseThrow(() -> new IllegalStateException("saved search " + id + " was deleted meanwhile"));
            out.println("updated: " + updated.id() + " " + Json.write(updated.name()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved searches (secrets are never shown).")
    static final class ListSearches extends StoreCommand {

        @Option(names = "--json", description = "one JSON object per line")
        boolean json;

        @Override
        int run(NewsflowConfig config, SavedSearchStore store, PrintStream out) {
            List<SavedSearch> all = store.all();
            for (SavedSearch s : all) {
                Map<String, Object> shown = new java.util.LinkedHashMap<>();
                shown.put("id", s.id());
                shown.put("name", s.name());
                shown.put("query", s.query());
                shown.put("filters", s.filters());
                shown.put("webhook", s.webhook());
                shown.put("signed", s.secret() != null);
                shown.put("feed", s.feedPath());
                if (json) {
                    out.println(Json.write(shown));
                } else {
                    out.println(s.id() + "  " + Json.write(s.name()) + (s.query() != null ? "  query=" + Json.write(s.query()) : "")
                            + (s.filters().isEmpty() ? "" : "  filters=" + Json.write(s.filters()))
                            + (s.webhook() != null ? "  webhook=" + s.webhook() + (s.secret() != null ? " (signed)" : "") : "")
                            + "  feed=" + s.feedPath());
                }
            }
            if (!json) {
                out.println(all.size() + " saved searches");
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete a saved search; no more alerts for it.")
    static final class Remove extends StoreCommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(NewsflowConfig config, SavedSearchStore store, PrintStream out) {
            if (!store.delete(id.strip())) {
                System.err.println("no saved search with id " + id);
                return 1;
            }
            out.println("removed: " + id.strip());
            return 0;
        }
    }
}
