package newsflow.lab.learn;

import newsflow.common.text.Charsets;
import newsflow.enrich.extract.BlockModel;
import newsflow.enrich.extract.BlockTraining;
import newsflow.lab.eval.BenchmarkPages;
import newsflow.lab.eval.ExtractionEval;
import newsflow.lab.eval.ScoringConvention;
import newsflow.lab.eval.ShingleMetric;
import newsflow.lab.eval.SiteSplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Trains the extractor's block model ({@link BlockModel}) on the tune half of labelled extraction sets.
 *
 * <p>Examples: every candidate block the extractor judges on a page ({@link BlockTraining}). Label: a block is
 * article text when at least {@code labelShare} of its 4-shingles (the benchmark's tokens, as a multiset) are
 * shingles of the page's ground-truth body ({@link ShingleMetric}, matched share of the block's own shingles).
 * Then the policy and its threshold are chosen on the same tune pages (out of fold, by site) by the mean body F1 of
 * the article each choice gives (the whole extraction with that block chosen, scored as eval-extract scores it): the
 * rules' own choice is the baseline, and a policy is kept only when it beats it. The held halves are never read.
 */
public final class BlockModelTrainer {

    /** Thresholds tried for each policy. */
    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
    private static final ShingleMetric SHINGLES = new ShingleMetric(4);

    /**
     * One page's candidates: features, label, text length, and the body F1 of the article the extractor publishes
     * when it chooses each one (scored as {@code eval-extract} scores it, with the set's convention).
     */
    public record PageBlocks(String set, String id, String site, List<double[]> features, boolean[] content, int[] chars,
                             double[] articleF1, int winner) {
    }

    /** The trained model and what training saw, for the command to print. */
    public record Result(BlockModel model, int pages, int blocks, int positives, double ruleF1, double modelF1,
                         List<String> grid) {
    }

    private BlockModelTrainer() {
    }

    /** Whether a set's licence is the AGPL: nothing derived from such a set may ship, so it is never trained on. */
    public static boolean agplLicensed(Path setDir) {
        try (Stream<Path> files = Files.list(setDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("LICENSE")
                    || p.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("README")).toList()) {
                String text = Files.readString(f).toLowerCase(Locale.ROOT);
                if (text.contains("affero") || text.contains("agpl")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the licence of " + setDir + ": " + e.getMessage(), e);
        }
    }

    /** The candidates of every page of the tune half of one set. */
    public static List<PageBlocks> collect(Path setDir, int candidates, double labelShare) {
        return collect(setDir, candidates, labelShare, Label.SHINGLES);
    }

    /**
     * How a block is labelled. {@code SHINGLES}: at least {@code labelShare} of its 4-shingles are in the ground
     * truth. {@code BEST}: that, and the article made with it is the page's best choice: its body F1 is at least
     * {@value #BEST_F1} and within {@value #BEST_MARGIN} of the best candidate's.
     */
    public enum Label { SHINGLES, BEST }

    static final double BEST_F1 = 0.5;
    static final double BEST_MARGIN = 0.02;

    /** The candidates of every page of the tune half of one set, labelled as {@code label} says. */
    public static List<PageBlocks> collect(Path setDir, int candidates, double labelShare, Label label) {
        if (agplLicensed(setDir)) {
            throw new IllegalArgumentException(setDir + " is AGPL-licensed: a model trained on it could not ship");
        }
        String set = setDir.getFileName().toString();
        ScoringConvention convention = ScoringConvention.forSet(set);
        BenchmarkPages pages = BenchmarkPages.load(setDir, setDir.resolve("ground-truth.json"))
                .half(SiteSplit.Half.TUNE);
        // pages in parallel (each extraction is on its own thread, the forced choice is per thread), in page order
        return pages.pages().parallelStream()
                .map(page -> page(set, page, convention, candidates, labelShare, label))
                .filter(Objects::nonNull)
                .toList();
    }

    /** One page's candidates, labelled; null when it has no ground-truth text or no scored block. */
    private static PageBlocks page(String set, BenchmarkPages.Page page, ScoringConvention convention, int candidates,
                                   double labelShare, Label label) {
        String truth = page.expected().get("articleBody");
        if (truth == null || ShingleMetric.tokenize(truth).isEmpty()) {
            return null;
        }
        byte[] bytes = page.read();
        String html = Charsets.decode(bytes, null).text();
        List<BlockTraining.Block> blocks = BlockTraining.blocks(html, page.url(), candidates);
        if (blocks.isEmpty()) {
            return null;
        }
        List<double[]> features = new ArrayList<>();
        boolean[] content = new boolean[blocks.size()];
        int[] chars = new int[blocks.size()];
        double[] f1 = new double[blocks.size()];
        int winner = -1;
        for (int i = 0; i < blocks.size(); i++) {
            BlockTraining.Block b = blocks.get(i);
            features.add(b.features());
            content[i] = matchedShare(truth, b.text()) >= labelShare;
            chars[i] = b.text().length();
            // the whole extraction with this block chosen: the later steps (the declared container, pruning,
            // trimming, the JSON-LD body) can undo or repair a choice, so the block's own selection is not what
            // the evaluation scores
            int index = i;
            String body = BlockTraining.choosing(index, candidates,
                    () -> ExtractionEval.predict(bytes, page.url(), false, convention).articleBody());
            f1[i] = f1(convention.compared(truth), convention.compared(body));
            winner = b.winner() ? i : winner;
        }
        if (label == Label.BEST) {
            double best = 0;
            for (double v : f1) {
                best = Math.max(best, v);
            }
            for (int i = 0; i < f1.length; i++) {
                content[i] &= f1[i] >= BEST_F1 && f1[i] >= best - BEST_MARGIN;
            }
        }
        return new PageBlocks(set, page.id(), SiteSplit.site(page.id(), page.url()), features, content, chars, f1, winner);
    }

    /** Share of {@code block}'s 4-shingles that are shingles of {@code truth} (multiset: each matches once). */
    static double matchedShare(String truth, String block) {
        ShingleMetric.PageCounts c = SHINGLES.page(truth, block);
        return c.tp() + c.fp() == 0 ? 0 : c.tp() / (c.tp() + c.fp());
    }

    /** The benchmark's page F1 of {@code predicted} against {@code truth}. */
    static double f1(String truth, String predicted) {
        ShingleMetric.PageCounts c = SHINGLES.page(truth, predicted);
        double p = c.tp() + c.fp() == 0 ? 0 : c.tp() / (c.tp() + c.fp());
        double r = c.tp() + c.fn() == 0 ? 0 : c.tp() / (c.tp() + c.fn());
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Fits the model on every page and chooses its policy and threshold. With {@code folds} ≥ 2 each setting is
     * scored out of fold: the pages are grouped by site into {@code folds} folds, and a page is judged by a model
     * fitted on the other folds, so that the choice does not reward a fit to the very pages it is scored on. With
     * fewer folds, every setting is scored by the model fitted on all pages.
     */
    public static Result train(List<PageBlocks> pages, int candidates, double lambda, int folds, String trainedOn) {
        int blocks = 0;
        int positives = 0;
        double ruleF1 = 0;
        double oracle = 0;
        for (PageBlocks p : pages) {
            blocks += p.features().size();
            for (boolean c : p.content()) {
                positives += c ? 1 : 0;
            }
            ruleF1 += p.articleF1()[p.winner()] / pages.size();
            double top = 0;
            for (double v : p.articleF1()) {
                top = Math.max(top, v);
            }
            oracle += top / pages.size();
        }
        LogisticRegression.Fit fit = fit(pages, lambda, -1, folds);
        List<LogisticRegression.Fit> foldFits = new ArrayList<>();
        for (int f = 0; folds >= 2 && f < folds; f++) {
            foldFits.add(fit(pages, lambda, f, folds));
        }
        List<String> grid = new ArrayList<>();
        grid.add(String.format(Locale.ROOT, "best candidate on every page (the ceiling of a choice): article F1 %.4f",
                oracle));
        String bestPolicy = null;
        double bestThreshold = 0;
        double bestF1 = ruleF1;
        for (String policy : List.of(BlockModel.VETO, BlockModel.LARGEST)) {
            for (double t : THRESHOLDS) {
                double f1 = 0;
                int changed = 0;
                for (PageBlocks p : pages) {
                    LogisticRegression.Fit judge = folds >= 2 ? foldFits.get(fold(p, folds)) : fit;
                    int chosen = model(judge, policy, t, candidates, trainedOn).choose(p.features(), p.chars(), p.winner());
                    f1 += p.articleF1()[chosen] / pages.size();
                    changed += chosen != p.winner() ? 1 : 0;
                }
                grid.add(String.format(Locale.ROOT, "%-7s threshold %.2f: article F1 %.4f%s (rules %.4f), %d pages changed",
                        policy, t, f1, folds >= 2 ? " out of fold" : "", ruleF1, changed));
                // strictly better only: on a tie the setting tried first stays
                if (f1 > bestF1 + 1e-9) {
                    bestPolicy = policy;
                    bestThreshold = t;
                    bestF1 = f1;
                }
            }
        }
        // nothing beats the rules on the tune pages: a model that never overrides them (threshold above 1)
        BlockModel best = bestPolicy == null ? model(fit, BlockModel.VETO, 1.01, candidates, trainedOn)
                : model(fit, bestPolicy, bestThreshold, candidates, trainedOn);
        return new Result(best, pages.size(), blocks, positives, ruleF1, bestF1, grid);
    }

    private static BlockModel model(LogisticRegression.Fit fit, String policy, double threshold, int candidates,
                                    String trainedOn) {
        return new BlockModel(BlockModel.VERSION, BlockModel.featureNames(), fit.mean(), fit.scale(), fit.weights(),
                fit.bias(), policy, threshold, candidates, trainedOn);
    }

    /** The fold of a page: by its set and site, so that no site is in two folds. */
    static int fold(PageBlocks p, int folds) {
        return Math.floorMod((p.set() + "/" + p.site()).hashCode(), folds);
    }

    /** Fits on every page outside fold {@code leftOut} (every page when it is negative). */
    private static LogisticRegression.Fit fit(List<PageBlocks> pages, double lambda, int leftOut, int folds) {
        List<double[]> x = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (PageBlocks p : pages) {
            if (leftOut >= 0 && fold(p, folds) == leftOut) {
                continue;
            }
            for (int i = 0; i < p.features().size(); i++) {
                x.add(p.features().get(i));
                labels.add(p.content()[i]);
            }
        }
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return LogisticRegression.fit(x, y, lambda, 3000);
    }
}
