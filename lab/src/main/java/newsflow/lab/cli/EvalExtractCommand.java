package newsflow.lab.cli;

import newsflow.common.json.Json;
import newsflow.lab.eval.BenchmarkPages;
import newsflow.lab.eval.ExtractionEval;
import newsflow.lab.eval.ShingleMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Extracts every page of a benchmark-shaped directory as enrich would and scores it with the benchmark's own
 * metric, reimplemented in Java ({@link ShingleMetric}); optionally writes the predictions for the Python scorers.
 */
@Command(name = "eval-extract", mixinStandardHelpOptions = true,
        description = {"Extract every page of a benchmark directory and print body P/R/F1/accuracy "
                + "(4-token shingles, as the scrapinghub article-extraction benchmark).",
                "Layouts: html/<id>.html.gz with ground truth {id: {articleBody, url}}; or <id>/source.html "
                        + "(Readability's test pages), which also scores title, byline, publishedTime, lang, "
                        + "siteName and excerpt."})
public final class EvalExtractCommand implements Callable<Integer> {

    @Option(names = "--pages", required = true, paramLabel = "DIR", description = "the benchmark directory")
    Path pages;

    @Option(names = "--ground-truth", required = true, paramLabel = "FILE", description = "the ground-truth JSON")
    Path groundTruth;

    @Option(names = "--out", paramLabel = "PRED.json",
            description = "write the predictions here, in the format evaluate.py and score_readability_pages.py read")
    Path out;

    @Override
    public Integer call() throws Exception {
        BenchmarkPages benchmark = BenchmarkPages.load(pages, groundTruth);
        long start = System.nanoTime();
        ExtractionEval.Report report = ExtractionEval.run(benchmark);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            Files.writeString(out, Json.pretty(report.predictions()));
        }
        System.out.printf(Locale.ROOT, "%d pages (%s layout), %d empty predictions, %d extraction failures, %.1f s%n",
                report.body().pages(), report.layout().name().toLowerCase(Locale.ROOT),
                report.body().emptyPredictions(), report.failures(), seconds);
        print("body 4-shingle", report.body());
        if (report.bodyTokens() != null) {
            print("body token    ", report.bodyTokens());
        }
        for (Map.Entry<String, ExtractionEval.FieldRate> e : report.metadata().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-14s %.3f right (%d pages with an expected value)%n",
                    e.getKey(), e.getValue().rate(), e.getValue().pages());
        }
        return 0;
    }

    private static void print(String label, ShingleMetric.Scores s) {
        System.out.printf(Locale.ROOT, "  %s: F1 %.4f ± %.3f  precision %.4f ± %.3f  recall %.4f ± %.3f  accuracy %.4f ± %.3f%n",
                label, s.f1(), s.f1Std(), s.precision(), s.precisionStd(), s.recall(), s.recallStd(),
                s.accuracy(), s.accuracyStd());
    }
}
