package newsflow.app.cli;

import newsflow.app.repair.DeadLetterQuery;
import newsflow.app.repair.DeadLetterReplay;
import newsflow.app.repair.StoredDeadLetter;
import newsflow.app.run.StageName;
import newsflow.common.json.Json;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.model.DeadLetter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** Lists and replays the records the stages gave up on (the {@code <prefix>dead-letter} topic). */
@Command(name = "dead-letter", mixinStandardHelpOptions = true,
        description = {"List the records a stage could not process (what, why, when) and republish them to the stage's "
                + "input topic once the cause is fixed. See docs/repair.md.",
                "Talks to kafka.bootstrapServers, else to the local broker of `newsflow stack|run|demo`."},
        subcommands = {DeadLetterCommand.ListLetters.class, DeadLetterCommand.Replay.class})
public final class DeadLetterCommand implements Callable<Integer> {

    /** The dead-letter topic keeps 30 days; reading all of it is bounded by this. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    private static final int ERROR_WIDTH = 100;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /** Options both subcommands select dead letters by. */
    static final class Selection {
        @Option(names = "--stage", paramLabel = "STAGE", description = "only what this stage gave up on: enrich or index")
        StageName stage;

        @Option(names = "--since", paramLabel = "TIME", converter = TimeArgument.class,
                description = "only dead letters from this time on: " + TimeArgument.FORMS)
        Instant since;

        @Option(names = "--key", paramLabel = "KEY", description = "only the dead letters of this record key (article id)")
        String key;

        DeadLetterQuery query(List<String> ids) {
            return new DeadLetterQuery(stage == null ? null : stage.lower(), since, Set.copyOf(ids), key);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Dead letters, oldest first: id (partition@offset, for `replay --id`), when, stage, record key, "
                    + "where the record was read from, and the error.")
    static final class ListLetters implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Mixin
        Selection selection;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "200",
                description = "show the newest N that match (default ${DEFAULT-VALUE}); the count covers all")
        int limit;

        @Option(names = "--json", description = "one JSON object per dead letter (its id and every field, payload included)")
        boolean json;

        @Override
        public Integer call() {
            DeadLetterQuery query = selection.query(List.of());
            KafkaClients kafka = FeedsKafka.connect(options.load());
            Deque<StoredDeadLetter> newest = new ArrayDeque<>();
            long[] matched = {0};
            long unreadable = query.read(kafka, READ_TIMEOUT, d -> {
                matched[0]++;
                newest.addLast(d);
                if (newest.size() > Math.max(0, limit)) {
                    newest.removeFirst();
                }
            });
            print(List.copyOf(newest), matched[0], unreadable, kafka.topics().deadLetter(), json, System.out);
            return 0;
        }
    }

    static void print(List<StoredDeadLetter> letters, long matched, long unreadable, String topic, boolean json,
                      PrintStream out) {
        if (json) {
            for (StoredDeadLetter d : letters) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", d.id());
                row.put("replayable", d.letter().replayable());
                row.put("deadLetter", d.letter());
                out.println(Json.write(row));
            }
            return;
        }
        if (!letters.isEmpty()) {
            out.print(Table.render(List.of("ID", "TIME", "STAGE", "KEY", "FROM", "ERROR"), letters.stream()
                    .map(d -> List.of(d.id(), String.valueOf(d.letter().time()), String.valueOf(d.letter().stage()),
                            String.valueOf(d.letter().key()), d.source(), Table.cell(error(d.letter()), ERROR_WIDTH)))
                    .toList()));
        }
        out.printf(Locale.ROOT, "%d dead letters in %s%s%s%n", matched, topic,
                matched > letters.size() ? " (the newest " + letters.size() + " shown; --limit)" : "",
                unreadable > 0 ? "; " + unreadable + " records there are not dead letters" : "");
    }

    private static String error(DeadLetter l) {
        return (l.payloadTruncated() ? "[payload truncated] " : "") + l.error();
    }


    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Republish the original records of the selected dead letters to the topic they were read from "
                    + "(the stage's input), with their key and payload, so the running stage processes them again.",
                    "Safe to repeat: the stages' writes are keyed by article id. Dead letters stay in their topic.",
                    "Exit status 3 when some selected dead letter cannot be replayed (truncated, a tombstone, …)."})
    static final class Replay implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Mixin
        Selection selection;

        @Option(names = "--id", paramLabel = "ID", arity = "1..*",
                description = "the dead letters with these ids (partition@offset, as `dead-letter list` shows them)")
        List<String> ids = List.of();

        @Option(names = "--dry-run", description = "say what would be republished; publish nothing")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            DeadLetterQuery query = selection.query(ids);
            if (query.isEmpty()) {
                System.err.println("choose what to replay: --id, --stage, --since and/or --key (`--since 30d` for all)");
                return 2;
            }
            KafkaClients kafka = FeedsKafka.connect(options.load());
            DeadLetterQuery.Found found = query.readAll(kafka, READ_TIMEOUT);
            if (!ids.isEmpty()) {
                Set<String> seen = found.letters().stream().map(StoredDeadLetter::id).collect(java.util.stream.Collectors.toSet());
                ids.stream().filter(id -> !seen.contains(id))
                        .forEach(id -> System.err.println("no dead letter " + id + " matches (gone with retention, or filtered out)"));
            }
            DeadLetterReplay.Outcome outcome = dryRun ? DeadLetterReplay.plan(kafka.topics(), found.letters())
                    : DeadLetterReplay.replay(kafka, found.letters());
            PrintStream out = System.out;
            outcome.replayed().forEach((id, to) -> out.println((dryRun ? "would republish " : "republished ") + id + " -> " + to));
            outcome.skipped().forEach((id, why) -> out.println("skipped " + id + ": " + why));
            out.printf(Locale.ROOT, "%s %d of %d dead letters%s%n", dryRun ? "would replay" : "replayed",
                    outcome.replayed().size(), found.letters().size(), dryRun ? " (dry run: nothing published)" : "");
            return outcome.skipped().isEmpty() ? 0 : ParseFeedCommand.SOME_FAILED;
        }
    }
}
