package newsflow.app.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What decides whether, and how, Elasticsearch runs as an unprivileged account. */
class ServiceUserIT {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path dir;

    @Test
    void rootIsDetectedAsTheSystemSeesIt() {
        ChildProcess.Result id = ChildProcess.run(List.of("id", "-u"), Duration.ofSeconds(10));
        assertThat(id.ok()).isTrue();
        assertThat(ServiceUser.runningAsRoot()).isEqualTo(id.output().strip().equals("0"));
    }

    /** As root (how the stack runs here), a data directory behind a 700 directory is named in the error. */
    @Test
    void aDataDirectoryTheAccountCannotReachIsNamed() throws Exception {
        if (!ServiceUser.runningAsRoot()) {
            // without root there is no second account: the node runs as the current user, who created dir
            assertThat(Files.isExecutable(dir)).isTrue();
            return;
        }
        ServiceUser user = ServiceUser.ensure(LocalElasticsearch.DEFAULT_USER);
        Path open = Files.createDirectories(dir.resolve("open/data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("open"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        user.requireReachable(open);

        Path closed = Files.createDirectories(dir.resolve("private/deeper/data"));
        Files.setPosixFilePermissions(dir.resolve("private"), PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> user.requireReachable(closed))
                .hasMessageContaining("cannot enter " + dir.resolve("private") + " on the way")
                .hasMessageContaining("Choose a data directory");
    }
}
