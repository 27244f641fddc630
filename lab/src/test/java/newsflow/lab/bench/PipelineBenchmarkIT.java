package newsflow.lab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short pipeline benchmark: a few dozen real-shaped pages through every phase against the real broker and node.
 * It checks the report's shape and that every article became searchable, never the speeds.
 */
class PipelineBenchmarkIT {

    private static final int ARTICLES = 36;

    @Test
    @SuppressWarnings("unchecked")
    void everyArticleBecomesSearchableAndTheReportHasEveryKey(@TempDir Path dir) throws Exception {
        // @TempDir is 700: Elasticsearch, run as its own user when the build runs as root, must be able to enter it
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pages = Files.createDirectories(dir.resolve("pages"));
        for (int i = 0; i < 12; i++) {
            Files.writeString(pages.resolve("page-" + i + ".html"), page(i));
        }
        PipelineBenchmark.Options options = new PipelineBenchmark.Options(ARTICLES, 4, 6, List.of(pages),
                dir.resolve("run"), Path.of(System.getProperty("newsflow.home")), 3, Duration.ofMinutes(5), 3, 24,
                PipelineBenchmark.Options.DEFAULT_SERVICE_HEAP);

        Map<String, Object> report = new PipelineBenchmark(options, new ScaleOutPhases.Plan(2, true, 200)).run();

        assertThat(report).containsKeys("e2e_articles_per_s", "enrich_ceiling_per_s", "index_ceiling_per_s",
                "cpu_ms_per_article", "freshness_p95_s", "peak_rss_mb", "docs_per_bulk", "ingest_ceiling_per_s");
        assertThat(report.get("searchable")).as("every article and every fresh one: %s", report).isEqualTo((long) ARTICLES + 3);
        assertThat(report.get("freshness_items")).isEqualTo(3);
        for (String key : List.of("e2e_articles_per_s", "enrich_ceiling_per_s", "index_ceiling_per_s", "freshness_p95_s")) {
            assertThat((Double) report.get(key)).as(key + " in %s", report).isPositive();
        }
        assertThat((Map<String, Object>) report.get("cpu_ms_per_article")).containsKeys("newsflow", "broker", "node");
        // every JVM compiles while it starts working: its compiler threads are a part of its CPU, never all of it
        assertThat((Map<String, Object>) report.get("jit_cpu_ms_per_article")).containsKeys("newsflow", "broker", "node", "total")
                .satisfies(m -> assertThat(((Number) m.get("newsflow")).doubleValue()).isPositive()
                        .isLessThan(((Number) ((Map<String, Object>) report.get("cpu_ms_per_article")).get("newsflow")).doubleValue()));
        // enrich alone is timed from its first article out: on this test's few articles its compilers may have
        // finished their work before that, and /proc counts CPU in 10 ms ticks, so 0 is a true reading here
        assertThat((Double) report.get("enrich_jit_cpu_ms_per_article")).isNotNegative()
                .isLessThan((Double) report.get("enrich_cpu_ms_per_article"));
        assertThat((Map<String, Object>) report.get("peak_rss_mb")).containsKeys("newsflow", "broker", "node")
                .allSatisfy((k, v) -> assertThat(((Number) v).longValue()).as("peak RSS of %s", k).isPositive());
        assertThat((Map<String, Object>) report.get("docs_per_bulk")).satisfies(m -> assertThat(((Number) m.get("count")).intValue()).isPositive());
        assertThat((Map<String, Object>) report.get("idle_cpu_ms_per_s")).containsKeys("newsflow", "broker", "node", "total");
        // WebSub: every pushed article found, timed from the hub's delivery
        assertThat(report.get("websub_freshness_items")).isEqualTo(3);
        assertThat((Double) report.get("websub_freshness_p95_s")).isPositive();
        // loaded: the 24 articles at 80 % of the measured rate and the 3 fresh ones among them all searchable
        assertThat(report.get("loaded_articles")).isEqualTo(24);
        assertThat(report.get("loaded_freshness_items")).isEqualTo(3);
        assertThat((Double) report.get("loaded_freshness_p95_s")).isPositive();
        assertThat((Double) report.get("loaded_target_per_s")).isPositive();
        assertThat((Map<String, Object>) report.get("loaded_cpu_ms_per_article")).containsKeys("newsflow", "broker", "node", "total");
        assertThat((Map<String, Object>) report.get("loaded_docs_per_bulk")).satisfies(m -> assertThat(((Number) m.get("count")).intValue()).isPositive());
        scaleOutPhasesReported(report);
    }

    @SuppressWarnings("unchecked")
    private static void scaleOutPhasesReported(Map<String, Object> report) {
        for (String key : List.of("scale_enrich_1_per_s", "scale_enrich_1_cpu_ms_per_article", "scale_enrich_n_per_s",
                "scale_enrich_n_cpu_ms_per_article", "slow_enrich_per_s", "slow_fetch_bound_per_s",
                "scale_enrich_1_jit_cpu_ms_per_article", "scale_enrich_n_jit_cpu_ms_per_article")) {
            assertThat((Double) report.get(key)).as(key + " in %s", report).isPositive();
        }
        assertThat(report.get("scale_enrich_instances")).isEqualTo(2);
        // null when the articles passed the steady window's start and end between two samples
        assertThat(report).containsKeys("scale_enrich_1_steady_cpu_ms_per_article", "scale_enrich_n_steady_cpu_ms_per_article",
                "scale_enrich_1_steady_jit_cpu_ms_per_article", "scale_enrich_n_steady_jit_cpu_ms_per_article");
        // both starts processed their entry, and each logged how long its story memory took to load
        assertThat((Map<String, Object>) report.get("start_first_article_s")).containsOnlyKeys("with_marks", "articles_only");
        for (String key : List.of("start_story_load_ms", "start_story_load_cpu_ms")) {
            assertThat((Map<String, Object>) report.get(key)).as(key).containsOnlyKeys("with_marks", "articles_only")
                    .allSatisfy((k, v) -> assertThat(v).as(k).isNotNull());
        }
    }

    private static String page(int i) {
        return "<html lang=\"en\"><head><title>Harbour report " + i + "</title></head><body><article><h1>Harbour report "
                + i + "</h1>" + ("<p>The harbour board met on Tuesday about the ferry timetable number " + i
                + " and agreed to publish its decision after the summer recess, the chair said.</p>").repeat(6)
                + "</article></body></html>";
    }
}
