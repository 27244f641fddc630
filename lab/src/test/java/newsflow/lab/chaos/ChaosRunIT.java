package newsflow.lab.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run: a few hundred articles and every kind of hostile link and feed, while one stage, the broker
 * and the node are each killed with SIGKILL once and started again. Every invariant of the report must hold.
 */
class ChaosRunIT {

    private static final int ARTICLES = 300;
    private static final int HOSTILE_PER_KIND = 2;

    @Test
    void everyInvariantHoldsThroughOneKillOfEachKind(@TempDir Path dir) throws Exception {
        // @TempDir is 700: Elasticsearch, run as its own user when the build runs as root, must be able to enter it
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        ChaosOptions options = new ChaosOptions(ARTICLES, HOSTILE_PER_KIND, 40_000, Duration.ofSeconds(20), 3, 7,
                dir.resolve("run"), Path.of(System.getProperty("newsflow.home")), Duration.ofSeconds(5), Duration.ofMinutes(10));

        ChaosReport report = new ChaosRun(options).run();

        assertThat(report.violations()).as(report.text()).isEmpty();
        assertThat(report.kills()).as(report.text()).hasSize(3)
                .anySatisfy(k -> assertThat(k).contains("stage "))
                .anySatisfy(k -> assertThat(k).contains("broker"))
                .anySatisfy(k -> assertThat(k).contains("node"));
        assertThat(report.legitimateIndexedOnce()).as(report.text()).isEqualTo(ARTICLES);
        assertThat(report.hostile()).isEqualTo(HOSTILE_PER_KIND * HostileKind.values().length);
        assertThat(report.internalRequests()).as(report.text()).isEmpty();
        assertThat(report.leaks()).as(report.text()).isEmpty();
        assertThat(report.unexpectedExits()).as("no stage may die of a kill elsewhere: %s", report.text()).isEmpty();
        assertThat(report.siteRequests()).as("the hostile feeds were polled: %s", report.siteRequests())
                .containsKeys(ChaosSite.HOSTILE_FEEDS.stream().map(f -> "feeds/hostile-" + f).toArray(String[]::new));
    }
}
