package newsflow.lab.chaos;

import newsflow.app.stack.LocalElasticsearch;
import newsflow.app.stack.LocalKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline as separate processes, each of which can be killed with SIGKILL and started again on the same data:
 * a local Kafka broker, a local Elasticsearch node (both children of this JVM, started through the app's local
 * stack classes) and one {@code newsflow run --stages X} JVM per stage. The pipeline benchmark uses it too, with
 * processes of its own choice of stages ({@link #startProcess}).
 */
public final class ChaosPipeline implements AutoCloseable {

    enum Stage {
        INGEST, ENRICH, INDEX;

        String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ChaosPipeline.class);
    private static final String SERVICE_HEAP = "512m";
    private static final int START_ATTEMPTS = 3;

    private final Path home;
    private final Path dataDir;
    private final Map<Stage, Process> stages = new EnumMap<>(Stage.class);
    private final Map<Stage, Integer> starts = new EnumMap<>(Stage.class);
    private final List<String> unexpectedExits = new ArrayList<>();
    /** Processes started by {@link #startProcess}, by name: not watched or restarted like the chaos stages. */
    private final Map<String, Process> others = new java.util.LinkedHashMap<>();
    private LocalKafka kafka;
    private LocalElasticsearch elasticsearch;
    private int kafkaPort;
    private int elasticsearchPort;
    private Path yaml;

    private ChaosPipeline(Path home, Path dataDir) {
        this.home = home;
        this.dataDir = dataDir;
        // stopped by a signal before close(): take the stages along (the local stack's own hook stops broker and node)
        Runtime.getRuntime().addShutdownHook(new Thread(this::killStagesAtExit, "chaos-stages-shutdown"));
    }

    private void killStagesAtExit() {
        List<Process> running;
        synchronized (this) {
            running = List.copyOf(stages.values());
        }
        running.forEach(Process::destroyForcibly);
        List<Process> more;
        synchronized (this) {
            more = List.copyOf(others.values());
        }
        more.forEach(Process::destroyForcibly);
    }

    /** Starts the broker and the node under {@code dataDir}; the stages start with {@link #startStages(Path)}. */
    public static ChaosPipeline startServices(Path home, Path dataDir) {
        return startServices(home, dataDir, SERVICE_HEAP);
    }

    /** As {@link #startServices(Path, Path)}, both services with {@code heap} (an {@code -Xmx} value). */
    public static ChaosPipeline startServices(Path home, Path dataDir, String heap) {
        ChaosPipeline pipeline = new ChaosPipeline(home, dataDir);
        // both at once, as the local stack starts them: each takes tens of seconds
        var node = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> LocalElasticsearch.start(home, dataDir.resolve("elasticsearch"), 0, heap),
                runnable -> new Thread(runnable, "chaos-elasticsearch-start").start());
        try {
            pipeline.kafka = LocalKafka.start(home, dataDir.resolve("kafka"), 0, 0, heap);
            pipeline.kafkaPort = URI.create("kafka://" + pipeline.kafka.bootstrapServers()).getPort();
        } catch (RuntimeException e) {
            node.thenAccept(LocalElasticsearch::close);
            throw e;
        }
        try {
            pipeline.elasticsearch = node.join();
            pipeline.elasticsearchPort = URI.create(pipeline.elasticsearch.url()).getPort();
        } catch (java.util.concurrent.CompletionException e) {
            pipeline.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return pipeline;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    void startStages(Path config) {
        this.yaml = config;
        for (Stage stage : Stage.values()) {
            start(stage);
        }
    }

    /**
     * Starts {@code newsflow run --config config --stages stages} as a process named {@code name} (its log is
     * {@code logs/<name>.log}); returns its pid.
     */
    public synchronized long startProcess(String name, String stages, Path config, String heap) {
        Path logFile = dataDir.resolve("logs").resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        try {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
            command.addAll(stageJavaOptions());
            command.addAll(List.of("-Dnewsflow.home=" + home, "-cp", home.resolve("lib") + "/*",
                    "newsflow.app.Main", "run", "--config", config.toString(), "--stages", stages));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            others.put(name, p);
            log.info("started {} (stages {}, pid {}, log {})", name, stages, p.pid(), logFile);
            return p.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " process", e);
        }
    }

    /**
     * JVM options added to every process of {@link #startProcess}, from the environment variable
     * {@value #STAGE_JAVA_OPTS} (space-separated): a benchmark measures a JVM setting of the service (JIT, GC) on the
     * same phases without a build of its own.
     */
    static List<String> stageJavaOptions() {
        String options = System.getenv(STAGE_JAVA_OPTS);
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    static final String STAGE_JAVA_OPTS = "NEWSFLOW_BENCH_STAGE_JAVA_OPTS";

    /** Stops a process of {@link #startProcess} (SIGTERM, SIGKILL after 30 s) and waits for it. */
    public synchronized void stopProcess(String name) throws InterruptedException {
        Process p = others.remove(name);
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Whether a process of {@link #startProcess} is still running; an exit is a failure of the run. */
    public synchronized boolean alive(String name) {
        Process p = others.get(name);
        return p != null && p.isAlive();
    }

    public Path logOf(String name) {
        return dataDir.resolve("logs").resolve(name + ".log");
    }

    /** The Kafka broker's pid (the root of its process tree). */
    public long brokerPid() {
        return readPid(dataDir.resolve("kafka/broker.pid"), "Kafka broker");
    }

    /** The Elasticsearch node's pid (its launcher; the server JVM is a descendant). */
    public long nodePid() {
        return readPid(dataDir.resolve("elasticsearch/node.pid"), "Elasticsearch node");
    }

    private static long readPid(Path pidFile, String name) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the " + name + "'s pid from " + pidFile, e);
        }
    }

    /** SIGKILL to the stage's JVM, then a new one on the same configuration. */
    synchronized void killAndRestart(Stage stage) throws InterruptedException {
        Process p = stages.get(stage);
        p.destroyForcibly();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the " + stage.cliName() + " process (pid " + p.pid() + ") survived SIGKILL for 60 s");
        }
        start(stage);
    }

    /** SIGKILL to the broker's JVM, then a new broker on the same data directory and port. */
    synchronized void killAndRestartBroker() throws InterruptedException {
        killTree(dataDir.resolve("kafka/broker.pid"), "Kafka broker");
        kafka.close(); // the process is gone: this only forgets it
        kafka = withRetries("Kafka broker", () -> LocalKafka.start(home, dataDir.resolve("kafka"), kafkaPort, 0, SERVICE_HEAP));
    }

    /** SIGKILL to the node (its launcher and server JVM), then a new node on the same data directory and port. */
    synchronized void killAndRestartNode() throws InterruptedException {
        killTree(dataDir.resolve("elasticsearch/node.pid"), "Elasticsearch node");
        elasticsearch.close();
        elasticsearch = withRetries("Elasticsearch node",
                () -> LocalElasticsearch.start(home, dataDir.resolve("elasticsearch"), elasticsearchPort, SERVICE_HEAP));
    }

    /**
     * A service start, tried up to {@value #START_ATTEMPTS} times: on a loaded machine a restart can miss the local
     * stack's readiness wait, which says nothing about what the run checks.
     */
    private static <T> T withRetries(String name, java.util.function.Supplier<T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.get();
            } catch (RuntimeException e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                log.warn("restarting the {} failed (attempt {} of {}), trying again: {}", name, attempt, START_ATTEMPTS, e.getMessage());
            }
        }
    }

    /** Starts again any stage that exited without being killed, and remembers it: the report lists such exits. */
    synchronized void restartExited() {
        for (Stage stage : Stage.values()) {
            Process p = stages.get(stage);
            if (p != null && !p.isAlive()) {
                String exit = stage.cliName() + " exited on its own with code " + p.exitValue() + " (log "
                        + log(stage, starts.get(stage)) + ")";
                log.warn("{}: starting it again", exit);
                unexpectedExits.add(exit);
                start(stage);
            }
        }
    }

    synchronized List<String> unexpectedExits() {
        return List.copyOf(unexpectedExits);
    }

    private void start(Stage stage) {
        int n = starts.merge(stage, 1, Integer::sum);
        Path logFile = log(stage, n);
        String java = ProcessHandle.current().info().command().orElseThrow();
        try {
            Process p = new ProcessBuilder(java, "-Xmx384m", "-Dnewsflow.home=" + home, "-cp", home.resolve("lib") + "/*",
                    "newsflow.app.Main", "run", "--config", yaml.toString(), "--stages", stage.cliName())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            stages.put(stage, p);
            log.info("started {} (pid {}, log {})", stage.cliName(), p.pid(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + stage.cliName() + " process", e);
        }
    }

    private Path log(Stage stage, int n) {
        return dataDir.resolve("logs").resolve(stage.cliName() + "-" + n + ".log");
    }

    private static void killTree(Path pidFile, String name) throws InterruptedException {
        long pid = readPid(pidFile, name);
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(name + " process " + h.pid() + " survived SIGKILL for 60 s", e);
            }
        }
        log.info("killed the {} with SIGKILL (pids {})", name, all.stream().map(ProcessHandle::pid).toList());
    }

    /** Stops the stages (SIGTERM, then SIGKILL after 30 s), then the node and the broker. */
    @Override
    public synchronized void close() {
        List<Process> all = new ArrayList<>(stages.values());
        all.addAll(others.values());
        all.forEach(Process::destroy);
        for (Process p : all) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
