package newsflow.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs a {@code newsflow} command tree so that a mistyped command or option is an error naming it, with exit
 * status 2, and never anything else. Picocli alone tolerates unmatched arguments whenever {@code --help} is also
 * given ({@code newsflow nonsense --help} printed the help and exited 0), so a script that mistyped a command
 * believed it ran; here every unmatched argument on the command line is rejected before anything runs.
 */
public final class StrictCommandLine {

    /** The exit status of a command line that could not be understood. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    private StrictCommandLine() {
    }

    /** Parses and runs {@code args} against the command tree rooted at {@code root}; returns the exit status. */
    public static int execute(Object root, String... args) {
        return new CommandLine(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(StrictCommandLine::rejectUnmatchedThenRun)
                .setParameterExceptionHandler(StrictCommandLine::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // operators get the cause, not a stack trace; the log has the details
                    org.slf4j.LoggerFactory.getLogger(StrictCommandLine.class).debug("command failed", e);
                    cmd.getErr().println("newsflow: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    private static int rejectUnmatchedThenRun(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            List<String> unmatched = level.unmatched();
            if (!unmatched.isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), unmatched);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** One line naming what was wrong, picocli's suggestions, and where the usage is; no page of help. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + describe(e, cmd));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + name + " --help' for its usage.");
        err.flush();
        return USAGE;
    }

    static String describe(ParameterException e, CommandLine cmd) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.getFirst();
            String more = unmatched.size() > 1 ? " (and " + String.join(" ", unmatched.subList(1, unmatched.size())) + ")" : "";
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'" + more;
            }
            return (cmd.getSubcommands().isEmpty() ? "unexpected argument '" : "unknown command '") + first + "'" + more;
        }
        return e.getMessage();
    }
}
