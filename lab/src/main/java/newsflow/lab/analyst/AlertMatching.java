package newsflow.lab.analyst;

import newsflow.common.config.SearchConfig;
import newsflow.index.document.ArticleDocument;
import newsflow.search.alerts.SavedSearchMatcher;
import newsflow.search.saved.SavedSearch;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Saved-search matching, measured: {@link SavedSearchMatcher} (what the alerts stage runs for each new article)
 * with many saved searches in the query language, over the benchmark's articles, on the calling thread, with the
 * analysis of the index the articles were written to (as the alerts stage asks the index). The rate is given by the
 * clock and by the matching thread's CPU time (on a shared machine the thread may wait for a core).
 */
final class AlertMatching {

    private static final String[] FIELDS = {"", "", "", "title:"};

    private AlertMatching() {
    }

    static AnalystReport.AlertResult measure(SyntheticArticles articles, AnalystBenchmark.Options options,
                                             SearchConfig limits, String textAnalyzer, double indexRate,
                                             PrintStream out) {
        List<SavedSearch> searches = savedSearches(options.savedSearches());
        SavedSearchMatcher matcher = SavedSearchMatcher.forTextAnalyzer(textAnalyzer, limits);
        int n = Math.min(options.matchArticles(), options.articles());
        List<ArticleDocument> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docs.add(articles.article(i));
        }
        // warm-up: compiles every query once and lets the JIT settle
        for (int i = 0; i < Math.min(n, 200); i++) {
            matcher.matching(docs.get(i), searches);
        }
        long matches = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (ArticleDocument doc : docs) {
            matches += matcher.matching(doc, searches).size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double rate = n / seconds;
        double cpuRate = n / cpuSeconds;
        out.printf("alerts: %d articles against %d saved searches at %.0f articles/s, %.0f per CPU second of the "
                + "matching thread (%d matches)%n", n, searches.size(), rate, cpuRate, matches);
        return new AnalystReport.AlertResult(searches.size(), n, rate, cpuRate, matches, rate / indexRate);
    }

    /**
     * Saved searches an analyst might keep: words, phrases, AND/OR/NOT, groups, field prefixes and wildcards over
     * the benchmark's news vocabulary, in the query language of docs/query-language.md.
     */
    static List<SavedSearch> savedSearches(int count) {
        Random r = new Random(7);
        String[] w = AnalystRequest.WORDS;
        String[] more = {"report", "year", "people", "new", "said", "world", "state", "plan", "deal", "city",
                "season", "players", "bill", "rates", "growth", "drugs", "security", "energy", "trade", "power"};
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        List<SavedSearch> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String a = w[r.nextInt(w.length)];
            String b = more[r.nextInt(more.length)];
            String c = more[r.nextInt(more.length)];
            String field = FIELDS[r.nextInt(FIELDS.length)];
            String query = switch (i % 6) {
                case 0 -> field + a;
                case 1 -> a + " " + b;
                case 2 -> "\"" + a + " " + b + "\"";
                case 3 -> "(" + a + " OR " + b + ") " + c;
                case 4 -> a + " NOT " + b;
                default -> field + "(" + a.substring(0, Math.min(4, a.length())) + "* OR " + c + ")";
            };
            out.add(new SavedSearch("bench-" + i, "benchmark search " + i, query, null, null, null, created, null, null));
        }
        return out;
    }
}
