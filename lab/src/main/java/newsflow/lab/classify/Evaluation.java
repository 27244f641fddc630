package newsflow.lab.classify;

import newsflow.enrich.classify.LabeledText;
import newsflow.enrich.classify.TrainOptions;
import newsflow.enrich.classify.ClassifierException;
import newsflow.enrich.classify.Trainer;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.embed.TextEmbedder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/** Measures the classifier: a model on test items, or k-fold cross-validation of a method on one file. */
public final class Evaluation {

    private Evaluation() {
    }

    /** The model's best label for each test item against the item's first label. */
    public static EvalReport evaluate(TopicModel model, List<LabeledText> test) {
        List<String> labels = labelsOf(model.labels(), test);
        int[][] confusion = new int[labels.size()][labels.size()];
        tally(model, test, labels, confusion);
        return new EvalReport(labels, confusion, List.of());
    }

    /**
     * Stratified k-fold cross-validation (items dealt to folds by first label after a seeded shuffle): each fold is
     * scored by a model trained on the others; the confusion matrix pools all folds.
     */
    public static EvalReport crossValidate(List<LabeledText> items, int folds, TrainOptions options) {
        if (folds < 2 || folds > items.size()) {
            throw new ClassifierException("folds must be between 2 and the number of items (" + items.size()
                    + "), got " + folds);
        }
        int[] fold = assignFolds(items, folds, options.seed());
        TextEmbedder shared = TopicModel.embedderFor(options.features());
        // every item is embedded once, in batches, not once per fold it trains or tests in
        TextEmbedder embedder = shared == null ? null : new CachingEmbedder(shared);
        if (embedder != null) {
            embedder.embedAll(items.stream().map(i -> new String[]{i.title(), i.text()}).toList());
        }
        List<String> labels = labelsOf(List.of(), items);
        int[][] confusion = new int[labels.size()][labels.size()];
        List<Double> accuracy = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            List<LabeledText> train = new ArrayList<>();
            List<LabeledText> test = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                (fold[i] == k ? test : train).add(items.get(i));
            }
            TopicModel model = Trainer.train(train, options, "fold " + (k + 1) + " of " + folds, embedder);
            int[][] own = new int[labels.size()][labels.size()];
            tally(model, test, labels, own);
            accuracy.add(new EvalReport(labels, own, List.of()).accuracy());
            for (int a = 0; a < labels.size(); a++) {
                for (int p = 0; p < labels.size(); p++) {
                    confusion[a][p] += own[a][p];
                }
            }
        }
        return new EvalReport(labels, confusion, List.copyOf(accuracy));
    }

    static int[] assignFolds(List<LabeledText> items, int folds, long seed) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byLabel.computeIfAbsent(items.get(i).labels().getFirst(), l -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[items.size()];
        int next = 0;
        for (String label : new TreeSet<>(byLabel.keySet())) {
            List<Integer> members = new ArrayList<>(byLabel.get(label));
            java.util.Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }

    private static void tally(TopicModel model, List<LabeledText> test, List<String> labels, int[][] confusion) {
        for (LabeledText item : test) {
            if (item.labels().isEmpty()) {
                continue;
            }
            int actual = labels.indexOf(item.labels().getFirst());
            String best = model.best(item.title(), item.text());
            // an item whose labels include the prediction counts as right, filed under the predicted label
            if (item.labels().contains(best)) {
                actual = labels.indexOf(best);
            }
            confusion[actual][labels.indexOf(best)]++;
        }
    }

    private static List<String> labelsOf(List<String> modelLabels, List<LabeledText> items) {
        TreeSet<String> all = new TreeSet<>(modelLabels);
        items.forEach(i -> all.addAll(i.labels()));
        return List.copyOf(all);
    }
}
