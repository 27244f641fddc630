package newsflow.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import newsflow.app.stack.LocalStack;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.ConsumerGroups;
import newsflow.common.kafka.KafkaClients;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.AliasTargets;
import newsflow.index.schema.IndexNames;
import newsflow.index.upgrade.SchemaUpgrade;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** The article index's schema versions: which is live, and moving the alias to this build's. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"The article index's schema versions (docs/upgrades.md): see which one the alias serves, rebuild "
                + "this build's version from the articles topic and switch the alias to it, remove an old version.",
                "Uses elasticsearch.url and kafka.bootstrapServers when configured, else the local stack."},
        subcommands = {IndexCommand.Status.class, IndexCommand.Upgrade.class, IndexCommand.Remove.class})
public final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The alias, the schema version behind it and the one this build writes, and every version's "
                    + "indices with their document counts.")
    static final class Status implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            NewsflowConfig config = LocalStack.addressesOfRunningStack(options.load());
            String alias = config.elasticsearch().index();
            try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
                AliasTargets live = AliasTargets.read(es, alias);
                Map<Integer, List<String>> rows = new TreeMap<>();
                List<IndicesRecord> indices = es.cat().indices(c -> c.index(alias + "-v*")).indices();
                for (IndicesRecord r : indices) {
                    OptionalInt v = IndexNames.versionOf(alias, r.index());
                    if (v.isPresent()) {
                        rows.computeIfAbsent(v.getAsInt(), x -> new ArrayList<>()).add(r.index() + " (" + r.docsCount() + " docs)");
                    }
                }
                PrintStream out = System.out;
                out.printf(Locale.ROOT, "alias %s: schema version %s; this build writes version %d%n", alias,
                        live.versions().isEmpty() ? "none yet" : live.versions(), IndexNames.CURRENT_VERSION);
                rows.forEach((version, list) -> {
                    out.printf(Locale.ROOT, "version %d%s:%n", version, live.versions().contains(version) ? " (live)" : "");
                    list.stream().sorted().forEach(i -> out.println("  " + i));
                });
                if (!live.versions().isEmpty() && !live.versions().equals(java.util.Set.of(IndexNames.CURRENT_VERSION))) {
                    out.println("the index stage of this build waits until `newsflow index upgrade` switches the alias to version "
                            + IndexNames.CURRENT_VERSION);
                }
                return 0;
            }
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = {"Rebuild the index under this build's schema version from the articles topic, then switch the "
                    + "alias to it in one step. Searches are served from the old version until the switch.",
                    "Stop every index stage first (refused otherwise); enrich may keep running. Start the index stage of "
                            + "this build afterwards: it goes on from where the old one stopped.",
                    "Also the way back: the older build's upgrade switches the alias back to its version.",
                    "Exit status 3 when the new version was built but not switched (see the message)."})
    static final class Upgrade implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            return run(options.load(), IndexNames.CURRENT_VERSION, System.out);
        }

        /** The upgrade to {@code version}; the integration test runs it for versions other than this build's. */
        static int run(NewsflowConfig loaded, int version, PrintStream out) throws Exception {
            KafkaClients kafka = FeedsKafka.connect(loaded);
            NewsflowConfig config = LocalStack.addressesOfRunningStack(loaded);
            try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
                SchemaUpgrade.Report r = new SchemaUpgrade(config, kafka, es, version).run();
                if (r.nothingToDo()) {
                    out.printf(Locale.ROOT, "alias %s already serves schema version %d: nothing to do%n",
                            config.elasticsearch().index(), version);
                    return 0;
                }
                out.printf(Locale.ROOT, "%s: %d records read, %d superseded or deleted, %d not articles%n",
                        kafka.topics().articles(), r.records(), r.superseded(), r.undecodable());
                out.printf(Locale.ROOT, "version %d: %d articles written, %d documents%n", version, r.articles(), r.documents());
                r.rejected().forEach(x -> out.println("refused: " + x));
                if (!r.switched()) {
                    out.println("NOT switched: " + r.problem() + ". The alias still serves " + r.previous() + ".");
                    return ParseFeedCommand.SOME_FAILED;
                }
                out.printf(Locale.ROOT, "alias %s switched from version %s to %d%n", config.elasticsearch().index(),
                        r.previous().isEmpty() ? "none" : r.previous(), version);
                if (!r.previous().isEmpty()) {
                    out.println("the old version's indices are kept for a way back; remove them with `newsflow index remove "
                            + "--version N` once the new one serves well");
                }
                return 0;
            } catch (ConsumerGroups.GroupActiveException e) {
                System.err.println("newsflow: refused: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete every index and the template of a schema version the alias does not serve.")
    static final class Remove implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Option(names = "--version", required = true, paramLabel = "N", description = "the schema version to delete")
        int version;

        @Override
        public Integer call() throws Exception {
            NewsflowConfig config = LocalStack.addressesOfRunningStack(options.load());
            IndexNames names = new IndexNames(config.elasticsearch().index(), version);
            try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
                if (AliasTargets.read(es, names.alias()).versions().contains(version)) {
                    System.err.println("newsflow: refused: version " + version + " is the one alias " + names.alias()
                            + " serves; switch to another first (`newsflow index upgrade` with that build)");
                    return 1;
                }
                List<String> indices = List.copyOf(es.indices().get(g -> g.index(names.pattern()).allowNoIndices(true)
                        .ignoreUnavailable(true)).indices().keySet());
                if (!indices.isEmpty()) {
                    es.indices().delete(d -> d.index(indices));
                }
                boolean template = es.indices().existsIndexTemplate(t -> t.name(names.template())).value();
                if (template) {
                    es.indices().deleteIndexTemplate(d -> d.name(names.template()));
                }
                System.out.printf(Locale.ROOT, "removed version %d: %d indices%s%n", version, indices.size(),
                        template ? " and template " + names.template() : "");
                return 0;
            }
        }
    }
}
