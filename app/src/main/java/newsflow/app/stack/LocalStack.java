package newsflow.app.stack;

import newsflow.common.config.LocalStackConfig;
import newsflow.common.config.NewsflowConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The services newsflow needs that the configuration does not point at: a local Kafka broker when
 * {@code kafka.bootstrapServers} is empty, a local Elasticsearch node when {@code elasticsearch.url} is empty.
 * Both keep their data under {@code dataDir} ({@code kafka/}, {@code elasticsearch/}), so a restart on the same
 * directory finds its topics, offsets and indices again. {@link #config()} is the configuration with their
 * addresses filled in. {@link #close()} stops them; a JVM shutdown hook does too if nobody else does.
 * One stack at a time owns {@code dataDir}: it holds the directory's lock ({@link DataDirLock}) from before it
 * touches anything there until its services have stopped.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** System property naming the packaged layout ({@code lib/}, {@code elasticsearch/}). */
    public static final String HOME_PROPERTY = "newsflow.home";
    /**
     * How long the shutdown hook leaves the application to call {@link #close()} itself, so a pipeline can
     * commit its last offsets while the broker is still up.
     */
    private static final Duration HOOK_GRACE = Duration.ofSeconds(10);

    private final NewsflowConfig config;
    private final LocalKafka kafka;
    private final LocalElasticsearch elasticsearch;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread hook;
    /** Held from before the first file is touched until both services have stopped; null with nothing local. */
    private final DataDirLock lock;
    private boolean closed;

    private LocalStack(NewsflowConfig config, LocalKafka kafka, LocalElasticsearch elasticsearch, DataDirLock lock) {
        this.config = config;
        this.lock = lock;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.hook = new Thread(this::closeAtExit, "newsflow-local-stack-shutdown");
    }

    /**
     * Starts what {@code config} leaves to the local stack (nothing when both addresses are configured), in
     * parallel, and waits until each answers.
     *
     * @param home the packaged layout, see {@link #defaultHome()}; unused when nothing is started
     * @throws IllegalStateException when another newsflow holds {@code dataDir} (nothing is touched then), a
     *                               configured local port is taken, or a service cannot start; whatever did
     *                               start is stopped again
     */
    public static LocalStack start(NewsflowConfig config) {
        boolean nothingToStart = !config.kafka().embedded() && !config.elasticsearch().embedded();
        return start(config, nothingToStart ? null : defaultHome());
    }

    /** As {@link #start(NewsflowConfig)} with an explicit layout (tests). */
    public static LocalStack start(NewsflowConfig config, Path home) {
        boolean wantKafka = config.kafka().embedded();
        boolean wantElasticsearch = config.elasticsearch().embedded();
        if (!wantKafka && !wantElasticsearch) {
            log.info("using external Kafka {} and Elasticsearch {}: no local services started",
                    config.kafka().bootstrapServers(), config.elasticsearch().url());
            return new LocalStack(config, null, null, null);
        }
        if (home == null) {
            throw new IllegalArgumentException("the local stack needs the newsflow layout (home) to start its services");
        }
        Path dataDir = Path.of(config.dataDir()).toAbsolutePath().normalize();
        LocalStackConfig local = config.localStack();
        // first of all, before anything under dataDir is read or changed: a second instance must touch nothing
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            // the lock was free, so no live newsflow owns what a crashed run may have left running
            if (wantKafka) {
                LocalKafka.stopLeftover(dataDir.resolve("kafka"));
            }
            if (wantElasticsearch) {
                LocalElasticsearch.stopLeftover(dataDir.resolve("elasticsearch"));
            }
            requireConfiguredPortsFree(local, wantKafka, wantElasticsearch);
            return start(config, home, dataDir, lock, wantKafka, wantElasticsearch);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static LocalStack start(NewsflowConfig config, Path home, Path dataDir, DataDirLock lock,
                                    boolean wantKafka, boolean wantElasticsearch) {
        LocalStackConfig local = config.localStack();
        log.info("starting the local stack under {}: {}{}", dataDir,
                wantKafka ? "Kafka broker" : "", wantElasticsearch ? (wantKafka ? " and " : "") + "Elasticsearch node" : "");
        long started = System.nanoTime();
        CompletableFuture<LocalKafka> kafka = wantKafka
                ? async("local-kafka-start", () -> LocalKafka.start(home, dataDir.resolve("kafka"),
                        local.kafkaPort(), local.kafkaControllerPort(), local.heap()))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<LocalElasticsearch> elasticsearch = wantElasticsearch
                ? async("local-elasticsearch-start", () -> LocalElasticsearch.start(home, dataDir.resolve("elasticsearch"),
                        local.elasticsearchPort(), local.heap(), local.elasticsearchC1Only()))
                : CompletableFuture.completedFuture(null);

        List<Throwable> failures = new ArrayList<>();
        LocalKafka k = join(kafka, failures);
        LocalElasticsearch e = join(elasticsearch, failures);
        if (!failures.isEmpty()) {
            if (k != null) {
                k.close();
            }
            if (e != null) {
                e.close();
            }
            IllegalStateException error = new IllegalStateException("the local stack did not start: "
                    + String.join("\n---\n", failures.stream().map(Throwable::getMessage).toList()), failures.getFirst());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }

        NewsflowConfig effective = config;
        if (k != null) {
            effective = effective.withKafka(effective.kafka().withBootstrapServers(k.bootstrapServers()));
        }
        if (e != null) {
            effective = effective.withElasticsearch(effective.elasticsearch().withUrl(e.url()));
        }
        if (k != null) {
            lock.describeOwner("kafka", k.bootstrapServers());
        }
        if (e != null) {
            lock.describeOwner("elasticsearch", e.url());
        }
        LocalStack stack = new LocalStack(effective, k, e, lock);
        try {
            Runtime.getRuntime().addShutdownHook(stack.hook);
        } catch (IllegalStateException shuttingDown) {
            stack.close();
            throw new IllegalStateException("the JVM began exiting while the local stack was starting; stopped it again", shuttingDown);
        }
        log.info("local stack ready in {} ms: Kafka {}{}, Elasticsearch {}{} (data under {})",
                (System.nanoTime() - started) / 1_000_000,
                effective.kafka().bootstrapServers(), k != null ? " (local)" : " (external)",
                effective.elasticsearch().url(), e != null ? " (local)" : " (external)", dataDir);
        return stack;
    }

    /**
     * A configured (non-zero) port of a local service that something else listens on would only show as a
     * bind error in the service's log a minute later: refuse it before anything starts, naming every such key.
     */
    static void requireConfiguredPortsFree(LocalStackConfig local, boolean kafka, boolean elasticsearch) {
        List<String> problems = new ArrayList<>();
        if (kafka) {
            requireFree("localStack.kafkaPort", local.kafkaPort(), problems);
            requireFree("localStack.kafkaControllerPort", local.kafkaControllerPort(), problems);
        }
        if (elasticsearch) {
            requireFree("localStack.elasticsearchPort", local.elasticsearchPort(), problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the local stack cannot start: " + String.join("; ", problems)
                    + " (set another port, or 0 for any free one)");
        }
    }

    private static void requireFree(String key, int port, List<String> problems) {
        if (port > 0 && !Ports.isFree(port)) {
            problems.add(key + " " + port + " is already in use on the loopback address");
        }
    }

    /**
     * For commands that talk to a stack another process runs ({@code newsflow search}, {@code feeds}, {@code retag}):
     * what the configuration leaves to the local stack is looked for on the local stack's configured ports, where
     * {@code newsflow demo|run|stack} started it. Configured external addresses are kept.
     */
    public static NewsflowConfig addressesOfRunningStack(NewsflowConfig config) {
        NewsflowConfig c = config;
        if (c.kafka().embedded()) {
            c = c.withKafka(c.kafka().withBootstrapServers("127.0.0.1:" + c.localStack().kafkaPort()));
        }
        if (c.elasticsearch().embedded()) {
            c = c.withElasticsearch(c.elasticsearch().withUrl("http://127.0.0.1:" + c.localStack().elasticsearchPort()));
        }
        return c;
    }

    /** The configuration the pipeline should use: the given one with the local services' addresses filled in. */
    public NewsflowConfig config() {
        return config;
    }

    /** Stops the local services (broker and node in parallel); later calls do nothing. */
    @Override
    public void close() {
        closing.countDown();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (kafka == null && elasticsearch == null) {
                if (lock != null) {
                    lock.close();
                }
                return;
            }
            CompletableFuture<Void> k = kafka == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(kafka::close, runnable -> new Thread(runnable, "local-kafka-stop").start());
            CompletableFuture<Void> e = elasticsearch == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(elasticsearch::close, runnable -> new Thread(runnable, "local-elasticsearch-stop").start());
            try {
                CompletableFuture.allOf(k, e).join();
            } catch (CompletionException ex) {
                log.warn("stopping the local stack: {}", ex.getCause().toString());
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDown) {
                // the JVM is exiting: the hook is running or about to, and will find the stack closed
            }
            lock.close(); // only now: the services are down, another instance may take the directory
            log.info("local stack stopped");
        }
    }

    private void closeAtExit() {
        try {
            // the application's own shutdown hook usually closes its pipeline, then this stack: give it the chance
            closing.await(HOOK_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /**
     * The packaged layout: the {@code newsflow.home} system property, else the directory above the {@code lib/}
     * holding the running jar, else {@code target/newsflow} next to the classes directory (running from a build).
     *
     * @throws IllegalStateException when none of them is a layout (lib/ and elasticsearch/ present)
     */
    public static Path defaultHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path home = Path.of(property).toAbsolutePath().normalize();
            if (!isLayout(home)) {
                throw new IllegalStateException("-D" + HOME_PROPERTY + "=" + property
                        + " is not a newsflow layout (it needs lib/ and elasticsearch/; mvn package builds app/target/newsflow)");
            }
            return home;
        }
        Path code = codeLocation();
        List<Path> candidates = new ArrayList<>();
        if (code != null) {
            if (code.getParent() != null && code.getParent().getParent() != null) {
                candidates.add(code.getParent().getParent()); // <home>/lib/newsflow-app.jar
            }
            if (code.getParent() != null) {
                candidates.add(code.getParent().resolve("newsflow")); // <module>/target/classes
            }
        }
        return candidates.stream().filter(LocalStack::isLayout).findFirst().orElseThrow(() -> new IllegalStateException(
                "cannot find the newsflow layout (lib/ and elasticsearch/) from " + code
                        + ": run the packaged build (java -cp 'app/target/newsflow/lib/*' newsflow.app.Main after mvn package)"
                        + " or set -D" + HOME_PROPERTY + "=<layout dir>"));
    }

    static boolean isLayout(Path dir) {
        return Files.isDirectory(dir.resolve("lib")) && Files.isDirectory(dir.resolve("elasticsearch"));
    }

    private static Path codeLocation() {
        try {
            var source = LocalStack.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> CompletableFuture<T> async(String threadName, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, runnable -> new Thread(runnable, threadName).start());
    }

    private static <T> T join(CompletableFuture<T> future, List<Throwable> failures) {
        try {
            return future.join();
        } catch (CompletionException e) {
            failures.add(e.getCause());
            return null;
        }
    }
}
