package newsflow.app.testing;

import newsflow.app.Main;
import newsflow.common.config.NewsflowConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code newsflow} commands in this JVM as an operator would, on a configuration file, capturing what they print. */
public final class Cli {

    /** One run: exit status and what went to standard output and standard error. */
    public record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    /** Runs {@code newsflow ARGS} (through {@link Main#execute}, its error handling included). */
    public static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(new Main(), args);
            return new Run(exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.out.print(capturedOut.toString(StandardCharsets.UTF_8)); // in the test's log too
            System.err.print(capturedErr.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs {@code newsflow ARGS --config YAML}. */
    public static Run run(Path yaml, String... args) {
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = yaml.toString();
        return run(withConfig);
    }

    /**
     * Writes what an operator's file for {@code c} would hold (where the broker and node are, the run's topic and
     * group prefixes, its alias, its data directory) into the run's data directory, and returns its path.
     */
    public static Path configFile(NewsflowConfig c) {
        String yaml = """
                dataDir: '%s'
                kafka:
                  bootstrapServers: '%s'
                  topicPrefix: '%s'
                  groupPrefix: '%s'
                elasticsearch:
                  url: '%s'
                  index: '%s'
                """.formatted(c.dataDir(), c.kafka().bootstrapServers(), c.kafka().topicPrefix(), c.kafka().groupPrefix(),
                c.elasticsearch().url(), c.elasticsearch().index());
        try {
            Path file = Files.createTempFile(Path.of(c.dataDir()), "newsflow-", ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
