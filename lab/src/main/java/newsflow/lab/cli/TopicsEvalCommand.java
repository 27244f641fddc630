package newsflow.lab.cli;

import newsflow.app.cli.LabelMapping;
import newsflow.app.cli.TrainingOptions;
import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.LabeledTexts;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.classify.Trainer;
import newsflow.lab.classify.CachingEmbedder;
import newsflow.enrich.embed.Embedders;
import newsflow.enrich.taxonomy.HybridClassifier;
import newsflow.enrich.taxonomy.Prototype;
import newsflow.enrich.taxonomy.Taxonomy;
import newsflow.enrich.taxonomy.ZeroShotClassifier;
import newsflow.enrich.taxonomy.ZeroShotOptions;
import newsflow.lab.classify.EvalReport;
import newsflow.lab.classify.Evaluation;
import newsflow.lab.taxonomy.HybridEvaluation;
import newsflow.lab.taxonomy.ZeroShotEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Measures the topic classifier and the default IPTC tagger: {@code newsflow topics eval|eval-iptc|eval-default}.
 * {@code topics train} is the product's (operators retrain on their own articles); the launcher hands these three here.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Evaluate the topic classifier and the default IPTC tagger on {id,title,text,labels} JSON lines.",
        subcommands = {TopicsEvalCommand.Eval.class, TopicsEvalCommand.EvalIptc.class, TopicsEvalCommand.EvalDefault.class})
public final class TopicsEvalCommand {

    private static final String MAP_HELP = LabelMapping.HELP;

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Train on one file and score another (accuracy, macro-F1, confusion matrix),",
                    "or cross-validate on one file with --folds K."})
    static final class Eval implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "A.jsonl",
                description = "training items; repeat to pool several files")
        List<Path> train;

        @Option(names = "--map", paramLabel = "LABEL=TOPIC", description = MAP_HELP)
        List<String> map;

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
            Map<String, String> mapping = LabelMapping.parse(map, spec.commandLine());
            List<LabeledText> items = LabelMapping.read(train, mapping);
            EvalReport report;
            if (folds != null) {
                report = Evaluation.crossValidate(items, folds, training.toOptions());
                System.out.printf(Locale.ROOT, "%s over %s, %d-fold cross-validation on %s%n",
                        training.method().name().toLowerCase(Locale.ROOT), training.describeFeatures(), folds, train);
            } else {
                TopicModel model = Trainer.train(items, training.toOptions(), LabelMapping.describe(train, mapping));
                report = Evaluation.evaluate(model, LabelMapping.read(List.of(test), mapping));
                System.out.printf(Locale.ROOT, "%s over %s trained on %s, tested on %s%n",
                        training.method().name().toLowerCase(Locale.ROOT), training.describeFeatures(), train, test);
            }
            System.out.print(report.format());
        }
    }

    @Command(name = "eval-iptc", mixinStandardHelpOptions = true,
            description = {"Score the default IPTC zero-shot tagger on labelled items through a mapping of their",
                    "labels to top-level IPTC Media Topics: top-1 accuracy, precision and recall per threshold."})
    static final class EvalIptc implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--test", required = true, paramLabel = "B.jsonl", description = "labelled items")
        Path test;

        @Option(names = "--map", required = true, paramLabel = "LABEL=TOPIC",
                description = "an item label and the top-level IPTC topic it means, e.g. 'tech=science and technology'"
                        + "; repeat per label (items with other labels are left out)")
        List<String> map;

        @Option(names = "--prototype", paramLabel = "P",
                description = "text embedded per topic: name, definition or children (default ${DEFAULT-VALUE})")
        Prototype prototype = ZeroShotOptions.DEFAULT.prototype();

        @Option(names = "--children-vote", negatable = true,
                description = "a top-level topic scores the best of its own and its children's similarity (default ${DEFAULT-VALUE})")
        boolean childrenVote = ZeroShotOptions.DEFAULT.childrenVote();

        @Option(names = "--calibrate", description = "standardise each topic's similarity against the other topics' texts")
        boolean calibrate = ZeroShotOptions.DEFAULT.calibrate();

        @Option(names = "--keep-best", negatable = true,
                description = "assign the best top-level topic even below the threshold (default ${DEFAULT-VALUE})")
        boolean keepBest = ZeroShotOptions.DEFAULT.keepBest();

        @Option(names = "--variants", description = "report every prototype × children vote × calibration (one embedding pass)")
        boolean variants;

        @Option(names = "--embedder", paramLabel = "NAME", description = "embedding model (default ${DEFAULT-VALUE})")
        String embedder = Embedders.MINILM_Q;

        @Option(names = "--thresholds", split = ",", paramLabel = "T,…",
                description = "cosine thresholds to report (default ${DEFAULT-VALUE})")
        List<Double> thresholds = List.of(0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4);

        @Override
        public void run() {
            Map<String, String> mapping = LabelMapping.parse(map, spec.commandLine());
            List<ZeroShotOptions> runs = new java.util.ArrayList<>();
            if (variants) {
                for (Prototype p : Prototype.values()) {
                    for (boolean vote : new boolean[]{false, true}) {
                        for (boolean cal : new boolean[]{false, true}) {
                            runs.add(new ZeroShotOptions(p, vote, cal, ZeroShotOptions.DEFAULT.threshold(), keepBest));
                        }
                    }
                }
            } else {
                runs.add(new ZeroShotOptions(prototype, childrenVote, calibrate, ZeroShotOptions.DEFAULT.threshold(),
                        keepBest));
            }
            List<LabeledText> items = LabeledTexts.read(test);
            long start = System.nanoTime();
            CachingEmbedder cached = new CachingEmbedder(Embedders.named(embedder));
            cached.embedAll(items.stream().map(i -> new String[]{i.title(), i.text()}).toList());
            for (ZeroShotOptions options : runs) {
                ZeroShotClassifier classifier = new ZeroShotClassifier(Taxonomy.iptc(), cached, options);
                ZeroShotEvaluation.Report report = ZeroShotEvaluation.evaluate(classifier, items, mapping, thresholds);
                System.out.printf(Locale.ROOT, "%nIPTC zero-shot (%s, prototype %s, children vote %s, calibrated %s, keep best %s) on %s"
                                + " (%.0f s so far)%n", embedder, options.prototype().name().toLowerCase(Locale.ROOT),
                        options.childrenVote(), options.calibrate(), options.keepBest(), test, (System.nanoTime() - start) / 1e9);
                System.out.print(report.format());
            }
        }
    }

    @Command(name = "eval-default", mixinStandardHelpOptions = true,
            description = {"Score the default IPTC tagger (the shipped model for the topics it covers, zero-shot for",
                    "the rest) on labelled items mapped to top-level IPTC topics: top-1, recall and the share of",
                    "items given a topic the model does not cover, per uncovered-topic threshold."})
    static final class EvalDefault implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--test", required = true, paramLabel = "B.jsonl", description = "labelled items")
        Path test;

        @Option(names = "--map", required = true, paramLabel = "LABEL=TOPIC",
                description = "an item label and the top-level IPTC topic it means; repeat per label (items with "
                        + "other labels are reported apart)")
        List<String> map;

        @Option(names = "--model", paramLabel = "MODEL",
                description = "a model with IPTC top-level labels instead of the shipped one (one not trained on --test)")
        Path model;

        @Option(names = "--thresholds", split = ",", paramLabel = "T,…",
                description = "uncovered-topic cosine thresholds to report (default ${DEFAULT-VALUE})")
        List<Double> thresholds = List.of(0.2, 0.25, 0.3, 0.35, 0.4, 0.45);

        @Override
        public void run() {
            Map<String, String> mapping = LabelMapping.parse(map, spec.commandLine());
            List<LabeledText> items = LabeledTexts.read(test);
            long start = System.nanoTime();
            HybridClassifier classifier = HybridClassifier.iptc(Embedders.named(Embedders.MINILM_Q));
            if (model != null) {
                classifier = classifier.withModel(TopicModel.load(model));
            }
            HybridEvaluation.Report report = HybridEvaluation.evaluate(classifier, items, mapping, thresholds);
            System.out.printf(Locale.ROOT, "default IPTC tagger (model trained on %s; uncovered topics zero-shot) on %s"
                    + " (%.0f s)%n", classifier.model().trainedOn(), test, (System.nanoTime() - start) / 1e9);
            System.out.print(report.format());
        }
    }
}
