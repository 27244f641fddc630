package newsflow.lab.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Where a command that starts its own broker, node and stage processes keeps them, and which app layout it runs. */
final class StackOptions {

    @Option(names = "--data-dir", description = "new or empty directory for the broker's, node's and stages' data and logs (default: a new temporary one)")
    Path dataDir;

    @Option(names = "--home", description = "the app's packaged layout, lib/ and elasticsearch/ (default: app/target/newsflow)")
    Path home;

    /** The given data directory, else a new temporary one named with {@code prefix}. */
    Path dataDir(String prefix) throws IOException {
        if (dataDir != null) {
            return dataDir;
        }
        Path dir = Files.createTempDirectory(prefix);
        // created 700: Elasticsearch, which runs as its own user when we are root, must be able to enter it
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    Path home() {
        return home != null ? home : ChaosCommand.appHome();
    }
}
