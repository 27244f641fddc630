package newsflow.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** {@code newsflow run --stages <stage> --config <yaml>} in its own JVM, as an operator starts one instance. */
public final class StageProcess {

    private StageProcess() {
    }

    /** Starts the process with its output in {@code log}; the caller kills or waits for it. */
    public static Process start(String stage, Path yaml, Path log) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        try {
            return new ProcessBuilder(java, "-Xmx256m", "-cp", TestStack.home().resolve("lib") + "/*",
                    "newsflow.app.Main", "run", "--config", yaml.toString(), "--stages", stage)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + stage + " process", e);
        }
    }
}
