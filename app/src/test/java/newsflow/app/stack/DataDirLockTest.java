package newsflow.app.stack;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderFailsNamingTheFirstAndTheFirstKeepsIt() {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            first.describeOwner("kafka", "127.0.0.1:19092");
            first.describeOwner("elasticsearch", "http://127.0.0.1:19200");

            assertThatThrownBy(() -> DataDirLock.acquire(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another newsflow")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("Kafka 127.0.0.1:19092")
                    .hasMessageContaining("Elasticsearch http://127.0.0.1:19200")
                    .hasMessageContaining("NEWSFLOW_DATA_DIR");
            // the failed attempt did not rewrite the holder's description
            assertThat(DataDirLock.readOwner(first.file())).containsEntry("kafka", "127.0.0.1:19092");
        }
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedAndItsDeathFreesTheDirectory() throws Exception {
        Process holder = new ProcessBuilder(ChildProcess.currentJava(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("locked"));
            assertThat(line).as("the holder process took the lock").isEqualTo("locked");

            assertThatThrownBy(() -> DataDirLock.acquire(dir))
                    .hasMessageContaining("pid " + holder.pid())
                    .hasMessageContaining("Kafka 127.0.0.1:29092");
        } finally {
            holder.destroyForcibly(); // like kill -9: the OS releases the lock with the process
            holder.waitFor();
        }
        try (DataDirLock next = DataDirLock.acquire(dir)) {
            assertThat(DataDirLock.readOwner(next.file())).containsEntry("pid", Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void closingReleasesTheDirectoryForTheNextOwner() {
        DataDirLock first = DataDirLock.acquire(dir);
        first.close();
        try (DataDirLock second = DataDirLock.acquire(dir)) {
            assertThat(DataDirLock.readOwner(second.file()))
                    .containsEntry("pid", Long.toString(ProcessHandle.current().pid()))
                    .doesNotContainKey("kafka"); // the text of the previous owner is replaced
        }
    }

    @Test
    void aSecondLocalStackOnTheSameDirectoryFailsAtOnceAndTouchesNothing() throws IOException {
        Path data = dir.resolve("data");
        NewsflowConfig config = ConfigLoader.load(null, Map.of("NEWSFLOW_DATA_DIR", data.toString()));
        Path kafkaDir = Files.createDirectories(data.resolve("kafka"));
        Files.writeString(kafkaDir.resolve("broker.pid"), Long.toString(ProcessHandle.current().pid()));
        Files.writeString(kafkaDir.resolve("ports.properties"), "client=19092\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(kafkaDir.resolve("ports.properties"), old);
        Map<Path, String> before = snapshot(data);

        try (DataDirLock running = DataDirLock.acquire(data)) {
            running.describeOwner("kafka", "127.0.0.1:19092");
            Map<Path, String> held = snapshot(data);
            // a home that is not even a layout: the lock must fail before anything would look at it
            assertThatThrownBy(() -> LocalStack.start(config, dir.resolve("no-home")))
                    .hasMessageContaining("is in use by another newsflow")
                    .hasMessageContaining("Kafka 127.0.0.1:19092");
            assertThat(snapshot(data)).isEqualTo(held);
            assertThat(Files.getLastModifiedTime(kafkaDir.resolve("ports.properties"))).isEqualTo(old);
        }
        assertThat(before).containsKey(kafkaDir.resolve("broker.pid"));
    }

    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new HashMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(p, Files.readString(p));
            }
        }
        return files;
    }
}
