package newsflow.lab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleOutPhasesTest {

    @Test
    void theStoryLoadIsReadFromTheEnrichLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("enrich.log");
        Files.writeString(log, """
                04:45:35.345 INFO  [main] newsflow.app.run.Pipeline - newsflow running stages [ENRICH]
                04:45:41.511 INFO  [stage-enrich] newsflow.enrich.stories.StoryState - stories: 20000 articles remembered from 20000 marks of the last PT168H in 6555 ms (480 ms CPU)
                """);
        assertThat(ScaleOutPhases.storyLoadMillis(log)).containsExactly(6555, 480);
        Files.writeString(log, "nothing about stories\n");
        assertThat(ScaleOutPhases.storyLoadMillis(log)).isNull();
    }

    @Test
    void mostPagesTakeTheTypicalTimeAndEveryFiftiethTheSlowOne() {
        PipelineSite.PageLatency latency = new PipelineSite.PageLatency(Duration.ofMillis(300), Duration.ofSeconds(10), 50);
        assertThat(latency.of(0)).isEqualTo(Duration.ofMillis(300));
        assertThat(latency.of(49)).isEqualTo(Duration.ofSeconds(10));
        assertThat(latency.of(50)).isEqualTo(Duration.ofMillis(300));
        assertThat(latency.slowAmong(400)).isEqualTo(8);
        assertThat(latency.meanSeconds()).isEqualTo(0.494, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PipelineSite.PageLatency.NONE.slowAmong(400)).isZero();
    }
}
