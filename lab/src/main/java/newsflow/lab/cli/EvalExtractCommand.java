package newsflow.lab.cli;

import newsflow.common.json.Json;
import newsflow.lab.eval.BenchmarkPages;
import newsflow.lab.eval.ExtractionEval;
import newsflow.lab.eval.ScoringConvention;
import newsflow.lab.eval.ShingleMetric;
import newsflow.lab.eval.SiteSplit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Extracts every page of a benchmark-shaped directory as enrich would and scores it with the benchmark's own
 * metric, reimplemented in Java ({@link ShingleMetric}); optionally writes the predictions for the Python scorers.
 * With {@code --all} it scores every set under a directory and prints one table.
 */
@Command(name = "eval-extract", mixinStandardHelpOptions = true,
        description = {"Extract every page of a benchmark directory and print body P/R/F1/accuracy "
                + "(4-token shingles, as the scrapinghub article-extraction benchmark).",
                "Layouts: html/<id>.html.gz with ground truth {id: {articleBody, url}}; or <id>/source.html "
                        + "(Readability's test pages), which also scores title, byline, publishedTime, lang, "
                        + "siteName and excerpt.",
                "--all DIR scores every set under DIR (each subdirectory with a ground-truth.json) and prints one "
                        + "table: F1, precision, recall, empty predictions, pages with F1 < 0.5.",
                "--half tune|held scores one half of each set, split by site (see docs/lab.md)."})
public final class EvalExtractCommand implements Callable<Integer> {

    private static final int BOOTSTRAP = 200;
    /** The extractor's switch for its learned block model (newsflow.enrich.extract.BlockRanker). */
    static final String BLOCK_MODEL_PROPERTY = "newsflow.extract.blockModel";
    /** The extractor's lab-only switch to read its block model from a file (newsflow.enrich.extract.BlockModel). */
    static final String BLOCK_MODEL_FILE_PROPERTY = "newsflow.extract.blockModelFile";

    static final class Source {
        @ArgGroup(exclusive = false)
        One one;

        @Option(names = "--all", paramLabel = "DIR", description = "score every set under DIR and print one table")
        Path all;
    }

    static final class One {
        @Option(names = "--pages", required = true, paramLabel = "DIR", description = "the benchmark directory")
        Path pages;

        @Option(names = "--ground-truth", required = true, paramLabel = "FILE", description = "the ground-truth JSON")
        Path groundTruth;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--half", paramLabel = "tune|held",
            description = "score only this half of each set (split by site); default: every page")
    String half;

    @Option(names = "--out", paramLabel = "PRED",
            description = "write the predictions (bodies as scored) in the format evaluate.py and "
                    + "score_readability_pages.py read; with --all a directory that gets <set>.json")
    Path out;

    @Option(names = "--per-page", paramLabel = "FILE.tsv",
            description = "write one line per page: set, id, site, half, F1, precision, recall")
    Path perPage;

    @Option(names = "--block-model", paramLabel = "on|off",
            description = "use the extractor's learned block model (on) or not (off); default: the extractor's default")
    OnOff blockModel;

    @Option(names = "--block-model-file", paramLabel = "FILE",
            description = "with --block-model on: the model file (train-extract-model --out) instead of the shipped one")
    Path blockModelFile;

    @Override
    public Integer call() throws Exception {
        if (blockModelFile != null) {
            if (blockModel != OnOff.on) {
                throw new IllegalArgumentException("--block-model-file needs --block-model on");
            }
            if (!Files.isRegularFile(blockModelFile)) {
                throw new IllegalArgumentException("--block-model-file " + blockModelFile + ": no such file");
            }
            System.setProperty(BLOCK_MODEL_FILE_PROPERTY, blockModelFile.toAbsolutePath().toString());
        }
        if (blockModel != null) {
            System.setProperty(BLOCK_MODEL_PROPERTY, blockModel.name());
        }
        SiteSplit.Half chosen = parseHalf(half);
        List<Path> sets = new ArrayList<>();
        if (source.all != null) {
            sets.addAll(setsUnder(source.all));
        } else {
            sets.add(source.one.pages);
        }
        List<String> tsv = new ArrayList<>();
        tsv.add("set\tid\tsite\thalf\tf1\tprecision\trecall");
        List<String> table = new ArrayList<>();
        for (Path dir : sets) {
            String name = dir.getFileName().toString();
            Path truth = source.all != null ? dir.resolve("ground-truth.json") : source.one.groundTruth;
            BenchmarkPages benchmark = BenchmarkPages.load(dir, truth).half(chosen);
            long start = System.nanoTime();
            ScoringConvention convention = ScoringConvention.forSet(name);
            ExtractionEval.Report report = ExtractionEval.run(benchmark, convention);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (out != null) {
                Path file = source.all != null ? out.resolve(name + ".json") : out;
                if (source.all != null) {
                    Files.createDirectories(out);
                }
                Files.writeString(file, Json.pretty(report.predictions()));
            }
            for (ExtractionEval.PageScore p : report.perPage()) {
                tsv.add(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f", name, p.id(), p.site(),
                        p.half().name().toLowerCase(Locale.ROOT), p.f1(), p.precision(), p.recall()));
            }
            if (source.all == null) {
                printOne(report, seconds);
            }
            if (source.all != null && chosen == null) {
                // one extraction run, three rows: each half and the whole set
                for (SiteSplit.Half h : SiteSplit.Half.values()) {
                    table.add(row(name, h.name().toLowerCase(Locale.ROOT), halfScores(benchmark, convention, report, h, 4),
                            lowF1(report, h), report.bodyTokens() == null ? null : halfScores(benchmark, convention, report, h, 1)));
                }
            }
            table.add(row(name, chosen == null ? "all" : chosen.name().toLowerCase(Locale.ROOT), report.body(),
                    lowF1(report, null), report.bodyTokens()));
        }
        if (source.all != null) {
            System.out.println("| set | half | pages | F1 | precision | recall | empty | F1 < 0.5 | token F1 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            table.forEach(System.out::println);
        }
        if (perPage != null) {
            Files.write(perPage, tsv);
        }
        return 0;
    }

    private static SiteSplit.Half parseHalf(String half) {
        if (half == null) {
            return null;
        }
        return switch (half.toLowerCase(Locale.ROOT)) {
            case "tune" -> SiteSplit.Half.TUNE;
            case "held" -> SiteSplit.Half.HELD;
            default -> throw new IllegalArgumentException("--half " + half + ": expected tune or held");
        };
    }

    /** Subdirectories holding a ground-truth.json, by name. */
    private static List<Path> setsUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("--all " + root + ": not a directory");
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> sets = children.filter(d -> Files.isRegularFile(d.resolve("ground-truth.json"))).sorted().toList();
            if (sets.isEmpty()) {
                throw new IllegalArgumentException("--all " + root + ": no subdirectory with a ground-truth.json");
            }
            return sets;
        }
    }

    private static String row(String name, String half, ShingleMetric.Scores s, long lowF1, ShingleMetric.Scores tokens) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.4f | %d | %d | %s |", name, half,
                s.pages(), s.f1(), s.precision(), s.recall(), s.emptyPredictions(), lowF1,
                tokens == null ? "–" : String.format(Locale.ROOT, "%.4f", tokens.f1()));
    }

    /** The set's scores over the pages of one half, from the predictions already made. */
    private static ShingleMetric.Scores halfScores(BenchmarkPages benchmark, ScoringConvention convention,
                                                   ExtractionEval.Report report, SiteSplit.Half half, int n) {
        Map<String, String> truth = new LinkedHashMap<>();
        Map<String, String> predicted = new LinkedHashMap<>();
        for (BenchmarkPages.Page page : benchmark.pages()) {
            if (SiteSplit.halfOf(page.id(), page.url()) == half) {
                truth.put(page.id(), convention.compared(page.expected().get("articleBody")));
                predicted.put(page.id(), convention.compared(report.predictions().get(page.id()).articleBody()));
            }
        }
        return new ShingleMetric(n).score(truth, predicted, BOOTSTRAP, 0);
    }

    private static long lowF1(ExtractionEval.Report report, SiteSplit.Half half) {
        return report.perPage().stream()
                .filter(p -> (half == null || p.half() == half) && p.f1() < ExtractionEval.LOW_F1).count();
    }

    private static void printOne(ExtractionEval.Report report, double seconds) {
        System.out.printf(Locale.ROOT, "%d pages (%s layout), %d empty predictions, %d pages with F1 < %.1f, "
                        + "%d extraction failures, %.1f s%n",
                report.body().pages(), report.layout().name().toLowerCase(Locale.ROOT),
                report.body().emptyPredictions(), report.lowF1Pages(), ExtractionEval.LOW_F1, report.failures(),
                seconds);
        print("body 4-shingle", report.body());
        if (report.bodyTokens() != null) {
            print("body token    ", report.bodyTokens());
        }
        for (Map.Entry<String, ExtractionEval.FieldRate> e : report.metadata().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-14s %.3f right (%d pages with an expected value)%n",
                    e.getKey(), e.getValue().rate(), e.getValue().pages());
        }
    }

    private static void print(String label, ShingleMetric.Scores s) {
        System.out.printf(Locale.ROOT, "  %s: F1 %.4f ± %.3f  precision %.4f ± %.3f  recall %.4f ± %.3f  accuracy %.4f ± %.3f%n",
                label, s.f1(), s.f1Std(), s.precision(), s.precisionStd(), s.recall(), s.recallStd(),
                s.accuracy(), s.accuracyStd());
    }
}
