package newsflow.lab.chaos;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.lab.chaos.ChaosPipeline.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A chaos run: the chaos site and the internal server, the pipeline as separate processes, a kill with SIGKILL
 * every {@code killEvery} of a random stage, the broker or the node (the first three kills are one of each), and at
 * the end, once every article is accounted for and the index has been quiet a while, the {@link ChaosReport}.
 */
public final class ChaosRun {

    private static final Logger log = LoggerFactory.getLogger(ChaosRun.class);
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofSeconds(20);
    private static final Duration QUIET_AT_MOST = Duration.ofMinutes(3);

    private enum Target { STAGE, BROKER, NODE }

    private final ChaosOptions options;
    private final Random random;
    private final List<String> kills = new ArrayList<>();
    private final List<Target> firstTargets = new ArrayList<>(List.of(Target.values()));
    private long started;

    ChaosRun(ChaosOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
        Collections.shuffle(firstTargets, random);
    }

    /** Runs it, prints the report to {@code out} and returns whether every invariant held. */
    public static boolean runAndReport(ChaosOptions options, java.io.PrintStream out) throws Exception {
        ChaosReport report = new ChaosRun(options).run();
        out.print(report.text());
        out.flush();
        return report.ok();
    }

    ChaosReport run() throws Exception {
        started = System.nanoTime();
        Path dir = options.dataDir().toAbsolutePath().normalize();
        requireEmpty(dir);
        Files.createDirectories(dir.resolve("logs"));
        try (InternalServer internal = InternalServer.start();
             ChaosSite site = ChaosSite.start(options.articles(), options.hostilePerKind(), options.nestingDepth(),
                     internal.port(), options.seed());
             ChaosPipeline pipeline = ChaosPipeline.startServices(options.home(), dir)) {
            Path yaml = dir.resolve("newsflow.yaml");
            Files.writeString(yaml, ChaosConfig.yaml(dir, pipeline.bootstrapServers(), pipeline.elasticsearchUrl(),
                    site.port(), options.totalTimeout(), site.feedUrls()));
            NewsflowConfig config = ConfigLoader.load(yaml);
            List<ChaosArticle> articles = site.articles();
            log.info("chaos run: {} legitimate and {} hostile article links in {} feeds on 127.0.0.1:{}; internal server on port {}{}; data {}",
                    options.articles(), articles.size() - options.articles(), site.feedUrls().size(), site.port(),
                    internal.port(), internal.listensOnIpv6() ? " (127.0.0.1 and ::1)" : " (127.0.0.1 only)", dir);
            pipeline.startStages(yaml);
            ChaosCheck check = new ChaosCheck(config, articles);

            boolean accounted = driveWithKills(pipeline, check);
            List<String> timedOut = accounted ? List.of()
                    : List.of("not every article was accounted for within " + options.timeout().toMinutes() + " min");
            ChaosCheck.IndexState index = awaitQuiet(pipeline, check);
            ChaosReport report = check.report(index, internal.requests(), site.requests(), kills,
                    pipeline.unexpectedExits(), Duration.ofNanos(System.nanoTime() - started));
            if (!timedOut.isEmpty()) {
                List<String> violations = new ArrayList<>(timedOut);
                violations.addAll(report.violations());
                report = new ChaosReport(report.legitimate(), report.legitimateIndexedOnce(), report.legitimateMissing(),
                        report.legitimateDuplicated(), report.legitimateFromFeed(), report.hostile(), report.hostileOutcomes(),
                        report.hostileReasons(), report.documents(), report.deadLetters(), report.internalRequests(),
                        report.leaks(), report.siteRequests(), report.kills(), report.unexpectedExits(), report.elapsed(),
                        violations);
            }
            log.info("chaos run over; stopping the stages, the node and the broker (logs under {})", dir.resolve("logs"));
            return report;
        }
    }

    /** Kills on schedule until the kills are made and every article is accounted for; false on timeout. */
    private boolean driveWithKills(ChaosPipeline pipeline, ChaosCheck check) throws InterruptedException {
        long deadline = started + options.timeout().toNanos();
        long nextKill = System.nanoTime() + options.killEvery().toNanos();
        long nextProgress = System.nanoTime();
        boolean accounted = false;
        int legitimate = options.articles();
        while (System.nanoTime() < deadline) {
            pipeline.restartExited();
            boolean moreKills = options.kills() > 0 ? kills.size() < options.kills() : !accounted;
            if (moreKills && System.nanoTime() >= nextKill) {
                kill(pipeline);
                nextKill = System.nanoTime() + options.killEvery().toNanos();
                continue;
            }
            if (System.nanoTime() >= nextProgress) {
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                try {
                    long documents = check.documentCount();
                    long unaccounted = documents >= legitimate ? check.unaccounted(check.readIndex()) : -1;
                    log.info("progress at {} s: {} documents indexed for {} legitimate articles{}, {} kills so far",
                            seconds(), documents, legitimate,
                            unaccounted < 0 ? "" : ", " + unaccounted + " article(s) not accounted for yet", kills.size());
                    accounted = unaccounted == 0;
                } catch (IOException | RuntimeException unavailable) {
                    log.info("progress at {} s: cannot read the index or topics right now ({})", seconds(), unavailable.toString());
                }
            }
            if (accounted && !moreKills) {
                return true;
            }
            Thread.sleep(TICK.toMillis());
        }
        return false;
    }

    private void kill(ChaosPipeline pipeline) throws InterruptedException {
        Target target = kills.size() < firstTargets.size() ? firstTargets.get(kills.size())
                : Target.values()[random.nextInt(Target.values().length)];
        long at = seconds();
        long t0 = System.nanoTime();
        String what;
        switch (target) {
            case STAGE -> {
                Stage stage = Stage.values()[random.nextInt(Stage.values().length)];
                what = "stage " + stage.cliName();
                log.info("chaos: kill -9 the {} process", stage.cliName());
                pipeline.killAndRestart(stage);
            }
            case BROKER -> {
                what = "broker";
                log.info("chaos: kill -9 the Kafka broker");
                pipeline.killAndRestartBroker();
            }
            case NODE -> {
                what = "node";
                log.info("chaos: kill -9 the Elasticsearch node");
                pipeline.killAndRestartNode();
            }
            default -> throw new IllegalStateException();
        }
        long restart = (System.nanoTime() - t0) / 1_000_000_000L;
        kills.add("+" + at + "s " + what + " (back in " + restart + " s)");
    }

    /** Waits until the document count stays the same for {@link #QUIET}, then reads the index in full. */
    private ChaosCheck.IndexState awaitQuiet(ChaosPipeline pipeline, ChaosCheck check) throws Exception {
        long giveUp = System.nanoTime() + QUIET_AT_MOST.toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < giveUp) {
            pipeline.restartExited();
            long now;
            try {
                now = check.documentCount();
            } catch (IOException | RuntimeException unavailable) {
                now = -1;
            }
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (now >= 0 && System.nanoTime() - stableSince >= QUIET.toNanos()) {
                break;
            }
            Thread.sleep(TICK.toMillis());
        }
        return check.readIndex();
    }

    private long seconds() {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--data-dir " + dir + " is not empty: a chaos run needs a fresh directory");
                }
            }
        }
    }
}
