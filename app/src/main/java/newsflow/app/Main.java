package newsflow.app;

import newsflow.app.cli.AlertsCommand;
import newsflow.app.cli.DemoCommand;
import newsflow.app.cli.ExtractCommand;
import newsflow.app.cli.FeedsCommand;
import newsflow.app.cli.ParseDateCommand;
import newsflow.app.cli.ParseFeedCommand;
import newsflow.app.cli.RetagCommand;
import newsflow.app.cli.RunCommand;
import newsflow.app.cli.SearchCommand;
import newsflow.app.cli.StackCommand;
import newsflow.app.cli.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = "News aggregation pipeline: feeds → Kafka → extracted, tagged articles → Elasticsearch → search.",
        footer = "Evaluations and benchmarks (the lab): ./newsflow lab --help",
        subcommands = {DemoCommand.class, RunCommand.class, SearchCommand.class, FeedsCommand.class, AlertsCommand.class,
                ParseFeedCommand.class,
                ParseDateCommand.class, ExtractCommand.class, StackCommand.class, TopicsCommand.class,
                RetagCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(new Main(), args));
    }

    /** Runs a {@code newsflow} command tree (this one, or the lab's) and returns its exit status. */
    public static int execute(Object root, String... args) {
        return new CommandLine(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // operators get the cause, not a stack trace; the log has the details
                    org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
                    cmd.getErr().println("newsflow: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }
}
