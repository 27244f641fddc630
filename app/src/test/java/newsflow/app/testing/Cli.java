package newsflow.app.testing;

import newsflow.app.Main;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs a {@code newsflow} command in this JVM with a configuration file, capturing what it prints. */
public final class Cli {

    private Cli() {
    }

    /** What a command printed on standard output, and its exit status. */
    public record Run(int exit, String out) {
    }

    /** Standard output is the JVM's, so one command runs at a time. */
    public static synchronized Run run(Path yaml, String... args) {
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = yaml.toString();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new Main()).execute(withConfig);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
