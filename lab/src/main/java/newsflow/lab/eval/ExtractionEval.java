package newsflow.lab.eval;

import newsflow.common.model.Article;
import newsflow.enrich.Extract;
import newsflow.enrich.extract.ArticleExtractor;
import newsflow.enrich.extract.Metadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts every page of a benchmark exactly as enrich would ({@link Extract#article(byte[], String, Map)}) and
 * scores the result: the body with {@link ShingleMetric} (4-token shingles, and for the readability pages also the
 * plain token overlap), and the metadata fields the readability pages carry with {@link MetadataMatch}.
 */
public final class ExtractionEval {

    /** Metadata fields scored on the readability pages, named as in their ground truth. */
    public static final List<String> METADATA_FIELDS = List.of("title", "byline", "publishedTime", "lang", "siteName", "excerpt");
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionEval.class);
    private static final int BOOTSTRAP = 1000;
    private static final long SEED = 0;

    private ExtractionEval() {
    }

    /** One page's output in the benchmark's prediction format (readability fields are null when unknown). */
    public record Prediction(String articleBody, String title, String byline, String publishedTime, String lang,
                             String siteName, String excerpt) {

        String field(String name) {
            return switch (name) {
                case "title" -> title;
                case "byline" -> byline;
                case "publishedTime" -> publishedTime;
                case "lang" -> lang;
                case "siteName" -> siteName;
                case "excerpt" -> excerpt;
                default -> throw new IllegalArgumentException("unknown metadata field " + name);
            };
        }
    }

    /** Share of pages with a non-null expected value whose prediction matches, and how many such pages. */
    public record FieldRate(double rate, int pages) {
    }

    /** One page's body scores (4-shingle), for finding the pages a rule should look at. */
    public record PageScore(String id, String site, SiteSplit.Half half, double f1, double precision, double recall) {
    }

    /** Below this page F1 the page counts as lost (mostly the wrong block, or nothing). */
    public static final double LOW_F1 = 0.5;

    public record Report(BenchmarkPages.Layout layout, Map<String, Prediction> predictions, ShingleMetric.Scores body,
                         ShingleMetric.Scores bodyTokens, Map<String, FieldRate> metadata, int failures,
                         List<PageScore> perPage) {

        /** Pages whose body F1 is under {@link #LOW_F1}, empty predictions included. */
        public long lowF1Pages() {
            return perPage.stream().filter(p -> p.f1() < LOW_F1).count();
        }
    }

    public static Report run(BenchmarkPages benchmark) {
        return run(benchmark, ScoringConvention.DEFAULT);
    }

    /** Extracts and scores every page; {@code convention} says how the set's ground truth was written. */
    public static Report run(BenchmarkPages benchmark, ScoringConvention convention) {
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        int failures = 0;
        for (BenchmarkPages.Page page : benchmark.pages()) {
            Prediction prediction;
            try {
                prediction = predict(page.read(), page.url(), benchmark.layout() == BenchmarkPages.Layout.READABILITY,
                        convention);
            } catch (RuntimeException e) {
                // one bad page must not stop the evaluation; it scores as an empty prediction and is counted
                LOG.warn("extraction failed for page {} ({}): {}", page.id(), page.file(), e.toString());
                prediction = new Prediction("", null, null, null, null, null, null);
                failures++;
            }
            predictions.put(page.id(), prediction);
        }
        Map<String, String> truth = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (BenchmarkPages.Page page : benchmark.pages()) {
            String expected = page.expected().get("articleBody");
            truth.put(page.id(), convention.compared(expected));
            bodies.put(page.id(), convention.compared(predictions.get(page.id()).articleBody()));
        }
        ShingleMetric shingles = new ShingleMetric(4);
        ShingleMetric.Scores body = shingles.score(truth, bodies, BOOTSTRAP, SEED);
        List<PageScore> perPage = new ArrayList<>();
        for (BenchmarkPages.Page page : benchmark.pages()) {
            ShingleMetric.PageCounts c = shingles.page(truth.get(page.id()), bodies.get(page.id()));
            double p = c.tp() + c.fp() > 0 ? c.precision() : 0;
            double r = c.recall();
            perPage.add(new PageScore(page.id(), SiteSplit.site(page.id(), page.url()),
                    SiteSplit.halfOf(page.id(), page.url()), p + r > 0 ? 2 * p * r / (p + r) : 0, p, r));
        }
        ShingleMetric.Scores tokens = null;
        Map<String, FieldRate> metadata = new LinkedHashMap<>();
        if (benchmark.layout() == BenchmarkPages.Layout.READABILITY) {
            tokens = new ShingleMetric(1).score(truth, bodies, BOOTSTRAP, SEED);
            for (String field : METADATA_FIELDS) {
                metadata.put(field, rate(benchmark.pages(), predictions, field));
            }
        }
        return new Report(benchmark.layout(), predictions, body, tokens, metadata, failures, perPage);
    }

    /**
     * The body is what enrich publishes ({@link Extract#article}); the metadata fields, scored on the readability
     * pages only, are the extractor's own findings on the page ({@link ArticleExtractor}), which these feed-less
     * pages would pass through unchanged, except that the language is the tag the page declares ("en-US") where
     * the article carries only its ISO 639-1 code.
     */
    public static Prediction predict(byte[] page, String url, boolean metadata, ScoringConvention convention) {
        Article a = Extract.article(page, url);
        String body = convention.scoredBody(a.title(), a.body());
        if (!metadata) {
            return new Prediction(body, null, null, null, null, null, null);
        }
        Metadata p = ArticleExtractor.extract(page, null, url).metadata();
        return new Prediction(body, p.title(), p.byline(),
                p.published() == null ? null : p.published().toString(),
                p.languageTag() != null ? p.languageTag() : p.language(), p.siteName(), p.description());
    }

    private static FieldRate rate(List<BenchmarkPages.Page> pages, Map<String, Prediction> predictions, String field) {
        int withTruth = 0;
        int right = 0;
        for (BenchmarkPages.Page page : pages) {
            String expected = page.expected().get(field);
            if (MetadataMatch.normalise(field, expected) == null) {
                continue;
            }
            withTruth++;
            if (MetadataMatch.matches(field, expected, predictions.get(page.id()).field(field))) {
                right++;
            }
        }
        return new FieldRate(withTruth == 0 ? Double.NaN : (double) right / withTruth, withTruth);
    }
}
