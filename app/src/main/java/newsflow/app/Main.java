package newsflow.app;

import newsflow.app.cli.AlertsCommand;
import newsflow.app.cli.DeadLetterCommand;
import newsflow.app.cli.DemoCommand;
import newsflow.app.cli.ExtractCommand;
import newsflow.app.cli.FeedsCommand;
import newsflow.app.cli.IndexCommand;
import newsflow.app.cli.NewsflowVersion;
import newsflow.app.cli.ParseDateCommand;
import newsflow.app.cli.ParseFeedCommand;
import newsflow.app.cli.ReplayCommand;
import newsflow.app.cli.RetagCommand;
import newsflow.app.cli.RunCommand;
import newsflow.app.cli.SearchCommand;
import newsflow.app.cli.StackCommand;
import newsflow.app.cli.StatusCommand;
import newsflow.app.cli.StrictCommandLine;
import newsflow.app.cli.TopicsCommand;
import newsflow.app.log.LogFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = NewsflowVersion.class,
        description = "News aggregation pipeline: feeds → Kafka → extracted, tagged articles → Elasticsearch → search.",
        footer = "Evaluations and benchmarks (the lab): ./newsflow lab --help",
        subcommands = {DemoCommand.class, RunCommand.class, SearchCommand.class, FeedsCommand.class, AlertsCommand.class,
                ParseFeedCommand.class,
                ParseDateCommand.class, ExtractCommand.class, StackCommand.class, TopicsCommand.class,
                RetagCommand.class, StatusCommand.class, DeadLetterCommand.class, ReplayCommand.class, IndexCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(new Main(), args));
    }

    /**
     * Runs a {@code newsflow} command tree (this one, or the lab's) and returns its exit status: 2 for an unknown
     * command or option ({@link StrictCommandLine}).
     */
    public static int execute(Object root, String... args) {
        try {
            LogFormat.applyToThisProcess(); // before anything creates a logger
        } catch (IllegalArgumentException e) {
            System.err.println("newsflow: " + e.getMessage());
            return 1;
        }
        return StrictCommandLine.execute(root, args);
    }
}
