package newsflow.lab.bench;

import static newsflow.lab.bench.PipelineBenchmark.cpu;
import static newsflow.lab.bench.PipelineBenchmark.round;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The freshness phases that follow the end-to-end run on the same pipeline process:
 * <ul>
 *   <li><b>Loaded</b>: articles listed at a fixed rate (80 % of the end-to-end capacity measured just before),
 *   and among them, spread over the middle of the run, fresh articles whose time from the poll that saw each to
 *   the first search finding it is measured, as on the idle pipeline. CPU per article of each process tree and the
 *   documents per bulk over the span, as at full speed.</li>
 *   <li><b>WebSub</b>: with the pipeline idle, new articles one at a time, each announced by the feeds' hub right
 *   after it is listed; from the hub's delivery to the first search finding it.</li>
 * </ul>
 */
final class FreshUnderLoad {

    private static final Logger log = LoggerFactory.getLogger(FreshUnderLoad.class);
    private static final long TICK_MS = 25;
    private static final Duration SAMPLE = Duration.ofMillis(250);

    /** Is the article with this URL searchable. */
    interface Search {
        boolean found(String url) throws Exception;
    }

    private final PipelineSite site;
    private final Search search;
    private final LongSupplier searchable;
    private final Duration timeout;

    FreshUnderLoad(PipelineSite site, Search search, LongSupplier searchable, Duration timeout) {
        this.site = site;
        this.search = search;
        this.searchable = searchable;
        this.timeout = timeout;
    }

    /**
     * Lists articles {@code from} to {@code from + load} at {@code perSecond}, and {@code fresh} more after them
     * spread over the middle of the run ({@link ReleaseSchedule}); waits until all are searchable. Report keys {@code loaded_*}.
     */
    Map<String, Object> loaded(int from, int load, int fresh, double perSecond, List<ProcessTree> trees,
                               Path stageLog) throws Exception {
        ReleaseSchedule schedule = new ReleaseSchedule(load, fresh, perSecond);
        int bulksBefore = PipelineBenchmark.docsPerBulk(stageLog).size();
        long expected = searchable.getAsLong() + load + fresh;
        Map<String, Long> cpu0 = cpu(trees);
        Map<String, Long> peak = new LinkedHashMap<>();
        long start = System.nanoTime();
        long deadline = start + (long) (schedule.seconds() * 1e9) + timeout.toNanos();
        int released = 0;
        int freshReleased = 0;
        List<Double> latencies = new ArrayList<>();
        boolean[] found = new boolean[fresh];
        long nextSample = 0;
        long done;
        while (true) {
            long now = System.nanoTime();
            int due = schedule.loadDue(now - start);
            if (due > released) {
                site.release(from + released, from + due);
                released = due;
            }
            int freshDue = schedule.freshDue(now - start);
            if (freshDue > freshReleased) {
                site.release(from + load + freshReleased, from + load + freshDue);
                freshReleased = freshDue;
            }
            for (int k = 0; k < freshReleased; k++) {
                int n = from + load + k;
                if (!found[k] && site.firstServed(n) != 0 && search.found(site.articleUrl(n))) {
                    found[k] = true;
                    latencies.add(round((System.nanoTime() - site.firstServed(n)) / 1e9));
                }
            }
            if (now >= nextSample) {
                trees.forEach(t -> peak.merge(t.name(), t.rssBytes(), Math::max));
                nextSample = now + SAMPLE.toNanos();
            }
            if (released == load && latencies.size() == fresh) {
                done = searchable.getAsLong();
                if (done >= expected) {
                    break;
                }
            }
            if (now > deadline) {
                throw new IllegalStateException("loaded freshness: " + searchable.getAsLong() + " of " + expected
                        + " searchable, " + latencies.size() + " of " + fresh + " fresh articles found after "
                        + timeout.toSeconds() + " s past the listing");
            }
            Thread.sleep(TICK_MS);
        }
        long end = System.nanoTime();
        Map<String, Long> cpu1 = cpu(trees);
        log.info("loaded freshness: {} articles at {}/s and {} fresh ones searchable in {} ms", load, perSecond, fresh,
                (end - start) / 1_000_000);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("loaded_articles", load);
        report.put("loaded_target_per_s", round(perSecond));
        report.put("loaded_articles_per_s", round((load + fresh) / ((end - start) / 1e9)));
        Map<String, Object> f = PipelineBenchmark.percentiles(latencies);
        report.put("loaded_freshness_p50_s", f.get("p50"));
        report.put("loaded_freshness_p95_s", f.get("p95"));
        report.put("loaded_freshness_max_s", latencies.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        report.put("loaded_freshness_items", latencies.size());
        report.put("loaded_cpu_ms_per_article", PipelineBenchmark.cpuMsPerArticle(trees, cpu0, cpu1, load + fresh));
        report.put("loaded_peak_rss_mb", PipelineBenchmark.peakRssMb(peak));
        List<Double> bulks = PipelineBenchmark.docsPerBulk(stageLog);
        report.put("loaded_docs_per_bulk", PipelineBenchmark.percentiles(bulks.subList(Math.min(bulksBefore, bulks.size()), bulks.size())));
        return report;
    }

    /**
     * Lists articles {@code from} to {@code from + items} one at a time, each announced by the hub at once; seconds
     * from the hub's delivery to searchable. Waits first for the hub to have verified every feed's subscription.
     */
    List<Double> webSub(WebSubHub hub, int feeds, int from, int items) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hub.verifiedTopics() < feeds) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("WebSub: " + hub.verifiedTopics() + " of " + feeds
                        + " feeds subscribed to the hub after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(SAMPLE.toMillis());
        }
        List<Double> seconds = new ArrayList<>();
        for (int n = from; n < from + items; n++) {
            site.release(n, n + 1);
            int feed = site.feedOf(n);
            long pushed = System.nanoTime();
            int status = hub.publish(site.feedUrl(feed), site.feedContent(feed));
            if (status / 100 != 2) {
                throw new IllegalStateException("WebSub: the callback answered " + status + " to the delivery for feed " + feed);
            }
            long itemDeadline = pushed + Duration.ofSeconds(60).toNanos();
            String url = site.articleUrl(n);
            while (!search.found(url)) {
                if (System.nanoTime() > itemDeadline) {
                    throw new IllegalStateException("WebSub: " + url + " not searchable within 60 s of its hub delivery");
                }
                Thread.sleep(20);
            }
            seconds.add(round((System.nanoTime() - pushed) / 1e9));
        }
        return seconds;
    }
}
