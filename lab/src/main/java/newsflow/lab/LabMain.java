package newsflow.lab;

import newsflow.app.Main;
import newsflow.app.cli.NewsflowVersion;
import newsflow.lab.bench.BenchExtract;
import newsflow.lab.bench.BenchTagger;
import newsflow.lab.bench.PathologicalPagesBench;
import newsflow.lab.cli.BenchAnalystCommand;
import newsflow.lab.cli.BenchIngestCommand;
import newsflow.lab.cli.BenchPipelineCommand;
import newsflow.lab.cli.ChaosCommand;
import newsflow.lab.cli.EvalExtractCommand;
import newsflow.lab.cli.ParseDateEvalCommand;
import newsflow.lab.cli.StoriesCommand;
import newsflow.lab.cli.TopicsEvalCommand;
import newsflow.lab.cli.TrainExtractModelCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lab's commands: evaluations and benchmarks of the pipeline. The launcher hands them here under their usual
 * names ({@code ./newsflow eval-extract …}), so the command tree is named {@code newsflow} like the product's and
 * usage lines, errors and output read as they always did.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = NewsflowVersion.class,
        description = "The lab: evaluations and benchmarks of the newsflow pipeline (never part of the service).",
        subcommands = {EvalExtractCommand.class, ParseDateEvalCommand.class, TopicsEvalCommand.class,
                StoriesCommand.class, BenchIngestCommand.class, BenchAnalystCommand.class, BenchExtract.class, BenchTagger.class,
                PathologicalPagesBench.class, ChaosCommand.class, TrainExtractModelCommand.class, BenchPipelineCommand.class, CommandLine.HelpCommand.class})
public final class LabMain {

    public static void main(String[] args) {
        System.exit(Main.execute(new LabMain(), args));
    }
}
