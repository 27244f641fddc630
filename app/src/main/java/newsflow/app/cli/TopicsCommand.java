package newsflow.app.cli;

import newsflow.enrich.classify.EvalReport;
import newsflow.enrich.classify.Evaluation;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.LabeledTexts;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Trains and measures the topic classifier enrich uses when {@code enrich.model} is set. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Train and evaluate the topic classifier on {id,title,text,labels} JSON lines.",
        subcommands = {TopicsCommand.Train.class, TopicsCommand.Eval.class})
public final class TopicsCommand {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a model on labelled JSON lines and write it (gzip JSON) for enrich.model.")
    static final class Train implements Runnable {

        @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "labelled items")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "model file to write")
        Path out;

        @Mixin
        TrainingOptions training;

        @Override
        public void run() {
            List<LabeledText> items = LabeledTexts.read(data);
            long start = System.nanoTime();
            TopicModel model = Trainer.train(items, training.toOptions(), data.getFileName().toString());
            model.save(out);
            System.out.printf(Locale.ROOT, "trained %s on %d items, labels %s, in %.1f s; wrote %s (%d bytes)%n",
                    model.method().name().toLowerCase(Locale.ROOT), items.size(), model.labels(),
                    (System.nanoTime() - start) / 1e9, out, size(out));
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Train on one file and score another (accuracy, macro-F1, confusion matrix),",
                    "or cross-validate on one file with --folds K."})
    static final class Eval implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "A.jsonl", description = "training items")
        Path train;

        @Option(names = "--test", paramLabel = "B.jsonl", description = "test items")
        Path test;

        @Option(names = "--folds", paramLabel = "K", description = "k-fold cross-validation on --train instead")
        Integer folds;

        @Mixin
        TrainingOptions training;

        @Override
        public void run() {
            if ((test == null) == (folds == null)) {
                throw new ParameterException(spec.commandLine(), "give exactly one of --test FILE and --folds K");
            }
            List<LabeledText> items = LabeledTexts.read(train);
            EvalReport report;
            if (folds != null) {
                report = Evaluation.crossValidate(items, folds, training.toOptions());
                System.out.printf(Locale.ROOT, "%s, %d-fold cross-validation on %s%n",
                        training.method.name().toLowerCase(Locale.ROOT), folds, train);
            } else {
                TopicModel model = Trainer.train(items, training.toOptions(), train.getFileName().toString());
                report = Evaluation.evaluate(model, LabeledTexts.read(test));
                System.out.printf(Locale.ROOT, "%s trained on %s, tested on %s%n",
                        training.method.name().toLowerCase(Locale.ROOT), train, test);
            }
            System.out.print(report.format());
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
