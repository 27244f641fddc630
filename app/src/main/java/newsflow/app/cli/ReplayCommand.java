package newsflow.app.cli;

import newsflow.app.run.StageName;
import newsflow.common.kafka.ConsumerGroups;
import newsflow.common.kafka.KafkaClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Moves a stage's consumer group back (or forward) to a point in time, so the stage reprocesses from there. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reset the consumer group of a stage (enrich: the entries topic; index: the articles topic) to "
                + "the first record at or after TIME on every partition, so the stage, started again, reprocesses "
                + "from there (a partition with nothing that recent goes to its end).",
                "Safe: every write is keyed by article id (Kafka records, Elasticsearch documents), so what is done "
                        + "again overwrites what was done before instead of adding to it.",
                "Refused while the group has active members: stop every instance of the stage first. See docs/repair.md."})
public final class ReplayCommand implements Callable<Integer> {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    ConfigOptions options;

    @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "enrich or index")
    StageName stage;

    @Option(names = "--from", required = true, paramLabel = "TIME", converter = TimeArgument.class,
            description = "where to start again: " + TimeArgument.FORMS)
    Instant from;

    @Option(names = "--dry-run", description = "show the offsets it would set; change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        KafkaClients kafka = FeedsKafka.connect(options.load());
        String topic = stage.inputTopic(kafka.topics()).orElse(null);
        if (topic == null) {
            System.err.println("newsflow: the " + stage.lower() + " stage has no input topic to replay (stages: enrich, index)");
            return 2;
        }
        String group = stage.group(kafka.config());
        try (ConsumerGroups groups = new ConsumerGroups(kafka, KAFKA_TIMEOUT)) {
            List<ConsumerGroups.Move> moves = groups.resetToTime(group, topic, from, !dryRun);
            print(group, topic, from, moves, dryRun, System.out);
            return 0;
        } catch (ConsumerGroups.GroupActiveException e) {
            System.err.println("newsflow: refused: " + e.getMessage());
            return 1;
        }
    }

    static void print(String group, String topic, Instant from, List<ConsumerGroups.Move> moves, boolean dryRun,
                      PrintStream out) {
        out.printf(Locale.ROOT, "%s group %s on %s to %s:%n", dryRun ? "would reset" : "reset", group, topic, from);
        out.print(Table.render(List.of("PARTITION", "WAS", "NOW"), moves.stream()
                .map(m -> List.of(Integer.toString(m.partition()), m.from() == null ? "(none)" : Long.toString(m.from()),
                        Long.toString(m.to())))
                .toList()));
        long again = moves.stream().mapToLong(m -> Math.max(0, (m.from() == null ? 0 : m.from()) - m.to())).sum();
        out.printf(Locale.ROOT, "%d records to process again when the stage starts%s%n", again,
                dryRun ? " (dry run: nothing changed)" : "");
    }
}
