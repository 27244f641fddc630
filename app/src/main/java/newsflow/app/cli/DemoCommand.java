package newsflow.app.cli;

import newsflow.app.demo.DemoSite;
import newsflow.app.run.Pipeline;
import newsflow.app.run.Preflight;
import newsflow.app.run.ProgressReport;
import newsflow.app.run.StageName;
import newsflow.app.stack.LocalStack;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One command that shows the whole product: serves the bundled demo site on 127.0.0.1, starts the local stack,
 * runs every stage over the demo feeds with visible progress, and ends with searchable articles.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline over the bundled demo corpus, then serve search until Ctrl-C.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the local stack keeps its data (default ./data)")
    Path dataDir;

    @Option(names = "--exit-when-done", description = "stop once every demo article is indexed instead of serving search")
    boolean exitWhenDone;

    @Option(names = "--port", defaultValue = "8080", description = "port of the search page and API (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--site-port", defaultValue = "8079",
            description = "port of the demo news site; fixed so article URLs, and so their ids, stay the same across runs (default ${DEFAULT-VALUE})")
    int sitePort;

    @Option(names = "--timeout", defaultValue = "10m", description = "give up if the demo articles are not all indexed by then")
    String timeout;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long started = System.nanoTime();
        NewsflowConfig config = ConfigLoader.load(demoYaml(), System.getenv());
        if (dataDir != null) {
            config = config.withDataDir(dataDir.toString());
        }
        DemoSite site = DemoSite.start(sitePort);
        config = config.withFeeds(site.feeds())
                .withServer(new ServerConfig(config.server().host(), port, config.server().apiKeys()))
                // the demo's own loopback site, and no other non-public address
                .withHttp(config.http().withAllowPrivate(List.of(site.allowRule())));
        out.printf("demo site: %s (%d feeds, %d articles)%n", site.baseUrl(), site.feeds().size(), site.articleCount());
        out.println("starting the local stack (Kafka broker, Elasticsearch node) under " + Path.of(config.dataDir()).toAbsolutePath() + " …");

        Preflight.check(config, EnumSet.allOf(StageName.class)); // a taken --port is reported now, not after the stack started
        LocalStack stack = LocalStack.start(config);
        Pipeline pipeline = new Pipeline(stack.config(), EnumSet.allOf(StageName.class));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pipeline.close();
            stack.close();
            site.close();
        }, "newsflow-shutdown"));
        pipeline.start();

        ProgressReport progress = new ProgressReport(stack.config(), site.feeds().size(), site.articleUrls());
        boolean complete = progress.awaitAllIndexed(ConfigLoader.parseDuration(timeout), line -> out.println("  " + line));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        out.println();
        out.println(progress.summary(wall));
        String searchUrl = "http://" + stack.config().server().host() + ":" + pipeline.httpPort() + "/";
        if (!complete) {
            out.println("not every demo article was indexed within " + timeout + ": see the log above and the dead-letter topic");
        }
        if (exitWhenDone) {
            return complete ? 0 : 1;
        }
        out.printf("%nsearch page: %s%nsearch API:  %sapi/search?q=budget%nCLI:         ./newsflow search \"water rights\"%nCtrl-C stops everything.%n",
                searchUrl, searchUrl);
        return pipeline.awaitStop().isPresent() ? 1 : 0;
    }

    private static String demoYaml() {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/newsflow/demo-config.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing /newsflow/demo-config.yaml on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
