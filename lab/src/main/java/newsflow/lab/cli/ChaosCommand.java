package newsflow.lab.cli;

import newsflow.common.config.ConfigLoader;
import newsflow.lab.chaos.ChaosOptions;
import newsflow.lab.chaos.ChaosRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code newsflow chaos}: the hardening proven under SIGKILLs and hostile servers. */
@Command(name = "chaos", mixinStandardHelpOptions = true, description = {
        "Runs the pipeline as separate processes (local Kafka broker, local Elasticsearch node, one `newsflow run --stages X`",
        "per stage) against loopback sites it serves itself: feeds of legitimate articles, and hostile links and feeds",
        "(trickling, redirecting into an internal loopback server, [::1]/0x7f.1 spellings, 169.254.169.254, gzip bombs,",
        "oversize and deeply nested pages, XXE and entity bombs). Every --kill-every it kills -9 a random stage, the broker",
        "or the node and starts it again. At the end it checks the index and the dead-letter topic and prints a report;",
        "exit code 1 when an invariant broke (see docs/chaos.md)."})
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "10000", description = "legitimate articles (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--hostile-per-kind", defaultValue = "10", description = "hostile links of each kind (default ${DEFAULT-VALUE})")
    int hostilePerKind;

    @Option(names = "--nesting", defaultValue = "40000", description = "<div><span> levels of the deeply nested pages (default ${DEFAULT-VALUE})")
    int nesting;

    @Option(names = "--kill-every", defaultValue = "60s", description = "time between kills (default ${DEFAULT-VALUE})")
    String killEvery;

    @Option(names = "--kills", defaultValue = "0", description = "kills to make; 0 (default): until every article is accounted for")
    int kills;

    @Option(names = "--seed", defaultValue = "1", description = "seeds the kill schedule and the articles' text (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    StackOptions stack;

    @Option(names = "--total-timeout", defaultValue = "5s", description = "the stages' http.totalTimeout (default ${DEFAULT-VALUE})")
    String totalTimeout;

    @Option(names = "--timeout", defaultValue = "4h", description = "give up waiting for the articles after this (default ${DEFAULT-VALUE})")
    String timeout;

    @Override
    public Integer call() throws Exception {
        ChaosOptions options = new ChaosOptions(articles, hostilePerKind, nesting, ConfigLoader.parseDuration(killEvery),
                kills, seed, stack.dataDir("newsflow-chaos-"), stack.home(), ConfigLoader.parseDuration(totalTimeout),
                ConfigLoader.parseDuration(timeout));
        return ChaosRun.runAndReport(options, System.out) ? 0 : 1;
    }

    /**
     * The app's layout: {@code -Dnewsflow.home} when it is one, else {@code app/target/newsflow} of the checkout the
     * lab's layout was built in ({@code <root>/lab/target/newsflow-lab}), else of the working directory.
     */
    public static Path appHome() {
        String property = System.getProperty("newsflow.home");
        if (property != null && !property.isBlank()) {
            Path given = Path.of(property).toAbsolutePath().normalize();
            if (isLayout(given)) {
                return given;
            }
            Path root = given.getParent() != null && given.getParent().getParent() != null ? given.getParent().getParent().getParent() : null;
            if (root != null && isLayout(root.resolve("app/target/newsflow"))) {
                return root.resolve("app/target/newsflow");
            }
        }
        Path local = Path.of("app/target/newsflow").toAbsolutePath().normalize();
        if (isLayout(local)) {
            return local;
        }
        throw new IllegalStateException("cannot find the app's layout (lib/ and elasticsearch/): build it with mvn package "
                + "(app/target/newsflow) or give --home");
    }

    private static boolean isLayout(Path dir) {
        return Files.isDirectory(dir.resolve("lib")) && Files.isDirectory(dir.resolve("elasticsearch"));
    }
}
