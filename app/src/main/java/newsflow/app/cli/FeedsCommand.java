package newsflow.app.cli;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.json.Json;
import newsflow.common.kafka.KafkaClients;
import newsflow.ingest.discover.DiscoveredFeed;
import newsflow.ingest.discover.Discovery;
import newsflow.ingest.discover.FeedDiscovery;
import newsflow.ingest.opml.Opml;
import newsflow.ingest.opml.OpmlImport;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.registry.FeedRegistry;
import newsflow.ingest.registry.FeedUrls;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.FeedStateStore;
import newsflow.ingest.status.FeedStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Manages the feed registry, the compacted Kafka topic every ingest instance follows: feeds added or removed here
 * are picked up by running instances within seconds, without a restart.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = {"Manage the feeds ingest polls (the registry in the <prefix>feeds Kafka topic); running ingest "
                + "instances pick changes up within seconds.",
                "Talks to kafka.bootstrapServers, else to the local broker of `newsflow stack` on localStack.kafkaPort."},
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class,
                FeedsCommand.Import.class, FeedsCommand.Export.class, FeedsCommand.Status.class})
public final class FeedsCommand implements Callable<Integer> {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /** Loads the configuration, connects and reads the registry; subclasses do the rest. */
    abstract static class RegistryCommand implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Override
        public final Integer call() throws Exception {
            NewsflowConfig config = options.load();
            KafkaClients kafka = FeedsKafka.connect(config);
            try (FeedRegistry registry = FeedRegistry.create(kafka, KAFKA_TIMEOUT)) {
                registry.load();
                return run(config, kafka, registry, System.out);
            }
        }

        abstract int run(NewsflowConfig config, KafkaClients kafka, FeedRegistry registry, PrintStream out) throws Exception;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Register a feed (or change the name or interval of a registered one).")
    static final class Add extends RegistryCommand {

        @Parameters(paramLabel = "URL", description = "the feed URL, or with --discover a site's page")
        String url;

        @Option(names = "--name", paramLabel = "NAME", description = "display name, the articles' source (default: the feed's own title)")
        String name;

        @Option(names = "--interval", paramLabel = "DURATION", description = "poll interval such as 30m or 2h (default: ingest.defaultInterval)")
        String interval;

        @Option(names = "--discover", description = "URL is a site: find its feed (alternate links, common paths), "
                + "verify it parses, and register the first one found")
        boolean discover;

        @Override
        int run(NewsflowConfig config, KafkaClients kafka, FeedRegistry registry, PrintStream out) throws Exception {
            String feedUrl = FeedUrls.check(url);
            if (discover) {
                Optional<String> found = discover(config, feedUrl, out);
                if (found.isEmpty()) {
                    return 1;
                }
                feedUrl = found.get();
            }
            Optional<FeedConfig> existing = registry.find(feedUrl);
            FeedConfig feed = new FeedConfig(feedUrl,
                    name != null ? name : existing.map(FeedConfig::name).orElse(null),
                    interval != null ? ConfigLoader.parseDuration(interval) : existing.map(FeedConfig::interval).orElse(null),
                    existing.map(FeedConfig::userAgent).orElse(null),
                    existing.map(FeedConfig::headers).orElse(Map.of()));
            if (existing.isPresent() && existing.get().equals(feed)) {
                out.println("already registered: " + feedUrl);
                return 0;
            }
            registry.put(feed);
            out.println((existing.isPresent() ? "updated: " : "added: ") + feedUrl
                    + (feed.name() != null ? " (" + feed.name() + ")" : ""));
            return 0;
        }

        private static Optional<String> discover(NewsflowConfig config, String site, PrintStream out) throws Exception {
            try (HttpFetcher http = new HttpFetcher(config.http())) {
                FeedParser parser = new FeedParser(config.ingest().maxEntriesPerFeed(), config.http().maxBytes());
                Discovery d = new FeedDiscovery(http, parser).discover(site);
                for (DiscoveredFeed f : d.feeds()) {
                    out.printf("found %s (%s, %d entries, via %s)%s%n", f.url(), f.format(), f.entries(), f.via(),
                            f.title() != null ? ": " + f.title() : "");
                }
                if (d.feeds().isEmpty()) {
                    System.err.println("no feed found for " + site + "; tried:");
                    d.rejected().forEach(r -> System.err.println("  " + r.url() + ": " + r.reason()));
                    return Optional.empty();
                }
                return Optional.of(d.feeds().get(0).url());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered feeds.")
    static final class ListFeeds extends RegistryCommand {

        @Override
        int run(NewsflowConfig config, KafkaClients kafka, FeedRegistry registry, PrintStream out) {
            List<FeedConfig> feeds = registry.feeds();
            for (FeedConfig f : feeds) {
                StringBuilder line = new StringBuilder(f.url());
                if (f.name() != null) {
                    line.append("  name=").append(Json.write(f.name()));
                }
                if (f.interval() != null) {
                    line.append("  interval=").append(f.interval());
                }
                if (f.userAgent() != null) {
                    line.append("  userAgent=").append(Json.write(f.userAgent()));
                }
                if (!f.headers().isEmpty()) {
                    // names only: header values are often credentials
                    line.append("  headers=").append(String.join(",", f.headers().keySet().stream().sorted().toList()));
                }
                out.println(line);
            }
            out.println(feeds.size() + " feeds in " + registry.topic());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Unregister a feed. Its poll state stays: added again, it republishes nothing.")
    static final class Remove extends RegistryCommand {

        @Parameters(paramLabel = "URL")
        String url;

        @Override
        int run(NewsflowConfig config, KafkaClients kafka, FeedRegistry registry, PrintStream out) {
            if (!registry.remove(url.strip())) {
                System.err.println("not registered: " + url);
                return 1;
            }
            out.println("removed: " + url.strip());
            if (config.feeds().stream().anyMatch(f -> f.url().equals(url.strip()))) {
                out.println("note: the configuration file lists this feed; ingest registers it again when it starts");
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Register every feed of an OPML 1.0/2.0 file (folders flattened); feeds already "
                    + "registered are left as they are.")
    static final class Import extends RegistryCommand {

        @Parameters(paramLabel = "FILE.opml")
        Path file;

        @Override
        int run(NewsflowConfig config, KafkaClients kafka, FeedRegistry registry, PrintStream out) throws Exception {
            OpmlImport opml = Opml.read(Files.readAllBytes(file), file.toString());
            int added = 0;
            int known = 0;
            for (FeedConfig feed : opml.feeds()) {
                if (registry.find(feed.url()).isPresent()) {
                    known++;
                } else {
                    registry.put(feed);
                    added++;
                }
            }
            opml.skipped().forEach(s -> System.err.println("skipped " + s.xmlUrl() + ": " + s.reason()));
            out.printf("%s: %d feeds added, %d already registered, %d skipped%n", file, added, known, opml.skipped().size());
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the registered feeds as OPML 2.0 (URL and name of each) to FILE or standard output.")
    static final class Export extends RegistryCommand {

        @Parameters(paramLabel = "FILE", arity = "0..1")
        Path file;

        @Override
        int run(NewsflowConfig config, KafkaClients kafka, FeedRegistry registry, PrintStream out) throws Exception {
            String opml = Opml.write(registry.feeds(), "newsflow feeds", Instant.now());
            if (file == null) {
                out.print(opml);
            } else {
                Files.writeString(file, opml, StandardCharsets.UTF_8);
                System.err.println("wrote " + registry.feeds().size() + " feeds to " + file);
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Per feed: last success, error streak and last error, next poll, items per day, "
                    + "whether the server gives an ETag (conditional GET).",
                    "From the registry and the feed-state topic, as the instances polling the feeds saved it."})
    static final class Status extends RegistryCommand {

        @Parameters(paramLabel = "URL", arity = "0..1", description = "one feed, all its fields (default: every feed)")
        String url;

        @Option(names = "--json", description = "one JSON object per feed instead")
        boolean json;

        @Override
        int run(NewsflowConfig config, KafkaClients kafka, FeedRegistry registry, PrintStream out) {
            List<FeedConfig> feeds = registry.feeds();
            if (url != null) {
                Optional<FeedConfig> one = registry.find(url.strip());
                if (one.isEmpty()) {
                    System.err.println("not registered: " + url);
                    return 1;
                }
                feeds = List.of(one.get());
            }
            Map<String, FeedState> states = FeedStateStore.readAll(kafka.readerWithoutGroup("feeds-status"),
                    kafka.topics().feedState(), KAFKA_TIMEOUT);
            Instant now = Instant.now();
            List<FeedStatus> statuses = feeds.stream().map(f -> FeedStatus.of(f, states.get(f.url()), now)).toList();
            if (json) {
                statuses.forEach(s -> out.println(Json.write(s)));
            } else if (url != null) {
                out.print(FeedStatusPrinter.detail(statuses.get(0), now));
            } else {
                out.print(FeedStatusPrinter.table(statuses, now));
            }
            return 0;
        }
    }
}
