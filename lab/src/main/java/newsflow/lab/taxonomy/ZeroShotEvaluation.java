package newsflow.lab.taxonomy;

import newsflow.enrich.taxonomy.TaxonomyException;
import newsflow.enrich.taxonomy.Taxonomy;
import newsflow.enrich.taxonomy.ZeroShotClassifier;
import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.LabeledText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a zero-shot classifier on items labelled with another label set, through a mapping of those labels to
 * top-level taxonomy topics. Items whose first label has no mapping are left out (and counted). Per item the gold
 * topic is the mapped first label; top-1 accuracy asks whether the best top-level topic is it; at each threshold,
 * precision is the share of assigned top-level topics that are the gold one (a second topic that is also right,
 * such as economy on a political story, counts against it: the data has one label per item), recall the share of
 * items whose gold topic is assigned.
 */
public final class ZeroShotEvaluation {

    private ZeroShotEvaluation() {
    }

    /** At one threshold. */
    public record AtThreshold(double threshold, double precision, double recall, double labelsPerItem,
                              double withoutLabel) {
    }

    /**
     * @param predicted per gold topic, how often each top-level topic came first
     */
    public record Report(int items, int unmapped, double top1, Map<String, Map<String, Integer>> predicted,
                         List<AtThreshold> thresholds) {

        public String format() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "items %d (left out, label not mapped: %d)  top-1 accuracy %.4f%n",
                    items, unmapped, top1));
            s.append(String.format(Locale.ROOT, "%n%9s %9s %9s %13s %14s%n", "threshold", "precision", "recall",
                    "labels/item", "without label"));
            for (AtThreshold t : thresholds) {
                s.append(String.format(Locale.ROOT, "%9.2f %9.4f %9.4f %13.2f %14.4f%n", t.threshold(), t.precision(),
                        t.recall(), t.labelsPerItem(), t.withoutLabel()));
            }
            s.append(String.format(Locale.ROOT, "%nbest top-level topic per gold topic (count)%n"));
            predicted.forEach((gold, counts) -> {
                s.append("  ").append(gold).append(" ←");
                counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(4)
                        .forEach(e -> s.append(String.format(Locale.ROOT, "  %s %d", e.getKey(), e.getValue())));
                s.append('\n');
            });
            return s.toString();
        }
    }

    /**
     * @param mapping    item label → top-level topic name; every name must be a top-level topic of the taxonomy
     * @param thresholds the thresholds to report precision and recall at
     * @throws TaxonomyException when a mapped name is not a top-level topic or no item has a mapped label
     */
    public static Report evaluate(ZeroShotClassifier classifier, List<LabeledText> items, Map<String, String> mapping,
                                  List<Double> thresholds) {
        List<String> names = topLevelNames(classifier.taxonomy(), mapping);
        List<ZeroShotClassifier.Scores> scores = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        int unmapped = 0;
        for (LabeledText item : items) {
            String target = item.labels().isEmpty() ? null : mapping.get(item.labels().getFirst());
            if (target == null) {
                unmapped++;
                continue;
            }
            gold.add(target);
            scores.add(classifier.scores(item.title(), item.text()));
        }
        if (gold.isEmpty()) {
            throw new TaxonomyException("no item has a label the mapping names (mapping: " + mapping.keySet() + ")");
        }
        int right = 0;
        Map<String, Map<String, Integer>> predicted = new TreeMap<>();
        for (int i = 0; i < gold.size(); i++) {
            String best = names.get(scores.get(i).best());
            right += best.equals(gold.get(i)) ? 1 : 0;
            predicted.computeIfAbsent(gold.get(i), g -> new LinkedHashMap<>()).merge(best, 1, Integer::sum);
        }
        List<AtThreshold> at = new ArrayList<>();
        for (double t : thresholds) {
            int assigned = 0;
            int correct = 0;
            int none = 0;
            for (int i = 0; i < gold.size(); i++) {
                List<String> labels = classifier.assigned(scores.get(i), t).stream()
                        .map(TopicScore::name).filter(names::contains).toList();
                assigned += labels.size();
                correct += labels.contains(gold.get(i)) ? 1 : 0;
                none += labels.isEmpty() ? 1 : 0;
            }
            at.add(new AtThreshold(t, assigned == 0 ? 0 : (double) correct / assigned, (double) correct / gold.size(),
                    (double) assigned / gold.size(), (double) none / gold.size()));
        }
        return new Report(gold.size(), unmapped, (double) right / gold.size(), predicted, at);
    }

    /**
     * The taxonomy's top-level topic names, checking that the mapping names only those.
     *
     * @throws TaxonomyException naming the entry that maps to something else
     */
    static List<String> topLevelNames(Taxonomy taxonomy, Map<String, String> mapping) {
        List<String> names = taxonomy.topLevel().stream().map(Taxonomy.Topic::name).toList();
        for (var e : mapping.entrySet()) {
            if (!names.contains(e.getValue())) {
                throw new TaxonomyException("mapping " + e.getKey() + " → \"" + e.getValue()
                        + "\": not a top-level topic; top-level topics are " + names);
            }
        }
        return names;
    }
}
