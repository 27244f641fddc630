package newsflow.app.cli;

import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Trains the topic classifier enrich uses when {@code enrich.model} is set. Its measurements ({@code topics eval},
 * {@code eval-iptc}, {@code eval-default}) are the lab's ({@code newsflow.lab.cli.TopicsEvalCommand}).
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Train the topic classifier on {id,title,text,labels} JSON lines.",
                "Measuring it (topics eval, eval-iptc, eval-default) is the lab's: ./newsflow lab --help."},
        subcommands = TopicsCommand.Train.class)
public final class TopicsCommand {

    private static final String MAP_HELP = LabelMapping.HELP;

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a model on labelled JSON lines and write it (gzip JSON) for enrich.model.")
    static final class Train implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "FILE.jsonl",
                description = "labelled items; repeat to train on several files")
        List<Path> data;

        @Option(names = "--map", paramLabel = "LABEL=TOPIC", description = MAP_HELP)
        List<String> map;

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "model file to write")
        Path out;

        @Mixin
        TrainingOptions training;

        @Override
        public void run() {
            Map<String, String> mapping = LabelMapping.parse(map, spec.commandLine());
            List<LabeledText> items = LabelMapping.read(data, mapping);
            long start = System.nanoTime();
            TopicModel model = Trainer.train(items, training.toOptions(), LabelMapping.describe(data, mapping));
            model.save(out);
            System.out.printf(Locale.ROOT, "trained %s over %s on %d items, labels %s, in %.1f s; wrote %s (%d bytes)%n",
                    model.method().name().toLowerCase(Locale.ROOT), training.describeFeatures(), items.size(), model.labels(),
                    (System.nanoTime() - start) / 1e9, out, size(out));
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
