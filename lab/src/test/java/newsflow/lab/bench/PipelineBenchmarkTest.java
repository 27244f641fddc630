package newsflow.lab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's arithmetic: documents per bulk and the index ceiling from the stage's log, percentiles, /proc ticks. */
class PipelineBenchmarkTest {

    @Test
    void readsBulkSizesAndTheIndexCeilingFromTheIndexStagesLogLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("index.log");
        Files.writeString(log, """
                02:30:47.811 INFO  [index-batch] newsflow.index.IndexStage - indexed 36 of 36 records in 1 bulk requests (0 dead-lettered, 0 bulk retries) in 1440 ms
                02:30:48.000 INFO  [stage-index] something else
                02:31:19.856 INFO  [index-batch] newsflow.index.IndexStage - indexed 8 of 8 records in 2 bulk requests (0 dead-lettered, 0 bulk retries) in 160 ms
                """);

        assertThat(PipelineBenchmark.docsPerBulk(log)).containsExactly(36.0, 4.0, 4.0);
        assertThat(PipelineBenchmark.indexCeiling(log)).isEqualTo(27.5);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> values = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i).toList();

        assertThat(PipelineBenchmark.percentiles(values)).containsEntry("count", 20).containsEntry("p50", 10.0)
                .containsEntry("p95", 19.0);
        assertThat(PipelineBenchmark.percentiles(List.of())).containsEntry("count", 0).containsEntry("p50", null);
    }

    @Test
    void cpuTicksAreUtimePlusStimeEvenWithSpacesInTheCommandName() {
        String stat = "4242 (java worker) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 0 0 20 0 40 0 100 0 0";

        assertThat(ProcessTree.parseTicks(stat)).isEqualTo(175);
    }

    @Test
    void jitCpuIsTheCompilerThreadsOnly() {
        assertThat(ProcessTree.isCompilerThread("77 (C2 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 900 10 0 0")).isTrue();
        assertThat(ProcessTree.isCompilerThread("78 (C1 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 90 1 0 0")).isTrue();
        assertThat(ProcessTree.isCompilerThread("79 (elasticsearch[n) S 1 4242 4242 0 -1 0 0 0 0 0 50 5 0 0")).isFalse();
        assertThat(ProcessTree.isCompilerThread("80 (GC Thread#0) S 1 4242 4242 0 -1 0 0 0 0 0 50 5 0 0")).isFalse();
    }
}
