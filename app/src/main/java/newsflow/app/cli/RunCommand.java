package newsflow.app.cli;

import newsflow.app.run.Pipeline;
import newsflow.app.run.Preflight;
import newsflow.app.run.StageName;
import newsflow.app.stack.LocalStack;
import newsflow.common.config.NewsflowConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Set;
import java.util.concurrent.Callable;

/** The long-running service. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run pipeline stages as a service until stopped (SIGTERM/Ctrl-C stops gracefully).")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--stages", paramLabel = "LIST", defaultValue = "all",
            description = "comma-separated: ingest,enrich,index,search (default all)")
    String stages;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = options.load();
        Set<StageName> selected = StageName.parse(stages);
        // before anything starts: ports taken, configured services that do not answer (all named at once)
        Preflight.check(config, selected);
        LocalStack stack = LocalStack.start(config);
        Pipeline pipeline = new Pipeline(stack.config(), selected, options.config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pipeline.close();
            stack.close();
        }, "newsflow-shutdown"));
        pipeline.start();
        // a failed stage exits non-zero, so a supervisor (systemd Restart=on-failure, Kubernetes) restarts the process
        return pipeline.awaitStop().isPresent() ? 1 : 0;
    }
}
