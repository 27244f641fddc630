package newsflow.lab.taxonomy;

import newsflow.enrich.taxonomy.TaxonomyException;
import newsflow.enrich.taxonomy.HybridClassifier;
import newsflow.enrich.classify.LabeledText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a {@link HybridClassifier} on items labelled with another label set, mapped to top-level topics as in
 * {@link ZeroShotEvaluation}. At each uncovered-topic threshold: top-1 accuracy (the first topic assigned is the
 * gold one), recall (the gold topic is among those assigned), top-level topics per item, and the share of items
 * given a topic the model does not cover. On data where every gold topic is covered (BBC, AG News mapped to IPTC)
 * that share is how often zero-shot adds a topic the data says is not there, an upper bound on its false positives
 * (a story can be sport and also about health). Items whose label is not mapped are reported apart, per label: which
 * top-level topic came first and how many got an uncovered topic, at the classifier's own threshold.
 */
public final class HybridEvaluation {

    private HybridEvaluation() {
    }

    public record AtThreshold(double threshold, double top1, double recall, double topicsPerItem,
                              double withUncovered) {
    }

    /**
     * @param modelTop1 the model's best label alone against the gold topic
     * @param unmapped  per unmapped label: how many items, how many got an uncovered topic, first topics (count)
     */
    public record Report(int items, double modelTop1, List<AtThreshold> thresholds, double threshold,
                         Map<String, Integer> uncoveredGiven, Map<String, Unmapped> unmapped) {

        public String format() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "items %d with a mapped label; the model's best label alone: top-1 %.4f%n",
                    items, modelTop1));
            s.append(String.format(Locale.ROOT, "%n%9s %9s %9s %13s %16s%n", "threshold", "top-1", "recall",
                    "topics/item", "with uncovered"));
            for (AtThreshold t : thresholds) {
                s.append(String.format(Locale.ROOT, "%9.2f %9.4f %9.4f %13.2f %16.4f%n", t.threshold(), t.top1(),
                        t.recall(), t.topicsPerItem(), t.withUncovered()));
            }
            s.append(String.format(Locale.ROOT, "%nuncovered topics given at threshold %.2f (items):", threshold));
            top(s, uncoveredGiven);
            unmapped.forEach((label, u) -> {
                s.append(String.format(Locale.ROOT, "%nlabel %s (not mapped, %d items) at threshold %.2f: with an "
                        + "uncovered topic %.4f; first topic:", label, u.items(), threshold,
                        (double) u.withUncovered() / u.items()));
                top(s, u.first());
                s.append("  uncovered topics given:");
                top(s, u.uncoveredGiven());
            });
            return s.toString();
        }

        private static void top(StringBuilder s, Map<String, Integer> counts) {
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                    .forEach(e -> s.append(String.format(Locale.ROOT, "  %s %d", e.getKey(), e.getValue())));
            s.append('\n');
        }
    }

    public record Unmapped(int items, int withUncovered, Map<String, Integer> first,
                           Map<String, Integer> uncoveredGiven) {
    }

    /**
     * @throws TaxonomyException when a mapped name is not a top-level topic or no item has a mapped label
     */
    public static Report evaluate(HybridClassifier classifier, List<LabeledText> items, Map<String, String> mapping,
                                  List<Double> thresholds) {
        List<String> names = ZeroShotEvaluation.topLevelNames(classifier.zeroShot().taxonomy(), mapping);
        List<HybridClassifier.Scores> scores = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        Map<String, List<HybridClassifier.Scores>> others = new TreeMap<>();
        for (LabeledText item : items) {
            String first = item.labels().isEmpty() ? "(none)" : item.labels().getFirst();
            String target = mapping.get(first);
            HybridClassifier.Scores s = classifier.scores(item.title(), item.text());
            if (target == null) {
                others.computeIfAbsent(first, k -> new ArrayList<>()).add(s);
            } else {
                gold.add(target);
                scores.add(s);
            }
        }
        if (gold.isEmpty()) {
            throw new TaxonomyException("no item has a label the mapping names (mapping: " + mapping.keySet() + ")");
        }
        List<String> modelLabels = classifier.model().labels();
        int modelRight = 0;
        for (int i = 0; i < gold.size(); i++) {
            double[] m = scores.get(i).model();
            int best = 0;
            for (int l = 1; l < m.length; l++) {
                best = m[l] > m[best] ? l : best;
            }
            modelRight += modelLabels.get(best).equals(gold.get(i)) ? 1 : 0;
        }
        List<AtThreshold> at = new ArrayList<>();
        for (double t : thresholds) {
            int top1 = 0;
            int recalled = 0;
            int topics = 0;
            int uncovered = 0;
            for (int i = 0; i < gold.size(); i++) {
                String g = gold.get(i);
                List<HybridClassifier.Assigned> a = classifier.topLevel(scores.get(i), t);
                top1 += names.get(a.getFirst().topic()).equals(g) ? 1 : 0;
                recalled += a.stream().anyMatch(x -> names.get(x.topic()).equals(g)) ? 1 : 0;
                topics += a.size();
                uncovered += a.stream().anyMatch(x -> !classifier.covers(x.topic())) ? 1 : 0;
            }
            double n = gold.size();
            at.add(new AtThreshold(t, top1 / n, recalled / n, topics / n, uncovered / n));
        }
        Map<String, Unmapped> unmapped = new TreeMap<>();
        others.forEach((label, list) -> {
            Map<String, Integer> first = new LinkedHashMap<>();
            Map<String, Integer> given = new LinkedHashMap<>();
            int withUncovered = 0;
            for (HybridClassifier.Scores s : list) {
                List<HybridClassifier.Assigned> a = classifier.topLevel(s, classifier.uncoveredThreshold());
                first.merge(names.get(a.getFirst().topic()), 1, Integer::sum);
                withUncovered += uncovered(classifier, a, names, given) ? 1 : 0;
            }
            unmapped.put(label, new Unmapped(list.size(), withUncovered, first, given));
        });
        Map<String, Integer> given = new LinkedHashMap<>();
        for (HybridClassifier.Scores s : scores) {
            uncovered(classifier, classifier.topLevel(s, classifier.uncoveredThreshold()), names, given);
        }
        return new Report(gold.size(), modelRight / (double) gold.size(), at, classifier.uncoveredThreshold(), given,
                unmapped);
    }

    /** Counts each uncovered topic among {@code assigned} into {@code given}; whether there was one. */
    private static boolean uncovered(HybridClassifier classifier, List<HybridClassifier.Assigned> assigned,
                                     List<String> names, Map<String, Integer> given) {
        boolean any = false;
        for (HybridClassifier.Assigned x : assigned) {
            if (!classifier.covers(x.topic())) {
                given.merge(names.get(x.topic()), 1, Integer::sum);
                any = true;
            }
        }
        return any;
    }
}
