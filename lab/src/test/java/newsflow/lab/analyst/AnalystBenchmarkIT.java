package newsflow.lab.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst benchmark in short form, on the local stack's real node: a few hundred articles, a few rounds. The
 * report has every kind of request with both sides measured, and where the two sides' answers can be counted
 * alike, our API and the captured Elasticsearch requests sent directly found the same number of hits.
 */
class AnalystBenchmarkIT {

    private static final int ARTICLES = 1000;

    @Test
    void reportsEveryRequestKindWithTheSameCountsOnBothSides(@TempDir Path dir) throws Exception {
        // @TempDir is 700: Elasticsearch, run as its own user when the build runs as root, must be able to enter it
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AnalystBenchmark.Options options = new AnalystBenchmark.Options(ARTICLES, null, 3, 1, 2, 30, 50,
                dir.resolve("data"), Path.of(System.getProperty("newsflow.home")), false, List.of(), true, true);

        AnalystReport report = new AnalystBenchmark(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(report.articles()).isEqualTo(ARTICLES);
        assertThat(report.indexDocsPerSecond()).as(text).isPositive();
        assertThat(report.unmeasured()).as(text).isEmpty();
        assertThat(report.requests()).extracting(AnalystReport.RequestResult::kind)
                .containsExactly(Arrays.stream(AnalystRequest.values()).map(AnalystRequest::label).toArray(String[]::new));
        for (AnalystReport.RequestResult r : report.requests()) {
            assertThat(r.samples()).as(r.kind()).isEqualTo(3);
            assertThat(r.oursFailures() + r.directFailures() + r.passThroughFailures() + r.heldFailures()).as(r.kind() + ": " + text).isZero();
            assertThat(r.oursNodeHeldFailures() + r.backToBackFailures())
                    .as(r.kind() + ": every request of our code was answered from the held ones: " + text).isZero();
            assertThat(r.oursNodeHeldP50()).as(r.kind()).isPositive();
            assertThat(r.heldBackToBackP50()).as(r.kind()).isPositive();
            assertThat(r.oursNodeHeldBackToBackP50()).as(r.kind()).isPositive();
            assertThat(r.oursP50()).as(r.kind()).isPositive().isLessThanOrEqualTo(r.oursP99());
            assertThat(r.directP50()).as(r.kind()).isPositive().isLessThanOrEqualTo(r.directP99());
            assertThat(r.passThroughP50()).as(r.kind()).isPositive();
            assertThat(r.heldP50()).as(r.kind()).isPositive();
            assertThat(r.oursVirtualThreadsP50()).as(r.kind()).isPositive();
            assertThat(r.passThroughVirtualThreadsP50()).as(r.kind()).isPositive();
            assertThat(r.esRequestsPerCall()).as(r.kind()).isGreaterThanOrEqualTo(1);
            assertThat(r.oursCount()).as(r.kind() + ": " + text).isPositive();
            if (!r.kind().equals("top_words")) {
                assertThat(r.directCount()).as(r.kind() + ": " + text).isEqualTo(r.oursCount());
            }
        }
        // the export pages 500 rows at a time: more English articles than one page, so several requests per call
        assertThat(report.requests().getLast().esRequestsPerCall()).isGreaterThan(1);
        assertThat(report.alerts().savedSearches()).isEqualTo(30);
        assertThat(report.alerts().articles()).isEqualTo(50);
        assertThat(report.alerts().matches()).as(text).isPositive();
        assertThat(report.alerts().articlesPerSecond()).isPositive();
        assertThat(report.alerts().articlesPerCpuSecond()).isPositive();

        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(report));
        assertThat(json.fieldNames()).toIterable().containsExactly("articles", "index_docs_per_second", "request_cache",
                "requests", "unmeasured", "alerts");
        assertThat(json.path("request_cache").asBoolean()).as("the node's default, as this run left it").isTrue();
        assertThat(json.path("requests").get(0).path("overhead_p50").isNumber()).isTrue();
        assertThat(json.path("requests").get(0).path("ours_virtual_threads_p50_ms").isNumber()).as("--compare-virtual-threads").isTrue();
    }
}
