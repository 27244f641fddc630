package newsflow.app.testing;

import newsflow.app.stack.LocalStack;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka broker and Elasticsearch node every integration test in this JVM shares. With
 * {@code NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS} and {@code NEWSFLOW_ELASTICSEARCH_URL} set, those services are used;
 * whatever is not set is started locally once (data under a fresh {@code /tmp/newsflow-it-*}, removed at exit).
 * When a service cannot start, {@link #config()} throws: integration tests fail, they never skip.
 */
public final class TestStack {

    public static final String KAFKA_ENV = "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS";
    public static final String ELASTICSEARCH_ENV = "NEWSFLOW_ELASTICSEARCH_URL";

    private static NewsflowConfig config;
    private static RuntimeException failure;

    private TestStack() {
    }

    /** The configuration to test against: defaults, plus the running services' addresses. */
    public static synchronized NewsflowConfig config() {
        if (failure != null) {
            throw new IllegalStateException("the test stack failed to start earlier in this JVM", failure);
        }
        if (config == null) {
            try {
                config = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return config;
    }

    /** The packaged layout the local services run from ({@code -Dnewsflow.home}, set by the build). */
    public static Path home() {
        return LocalStack.defaultHome();
    }

    /**
     * A fresh directory under {@code /tmp} every user can enter (the local Elasticsearch runs as an unprivileged
     * account when the tests run as root), deleted at JVM exit.
     */
    public static Path newDataDir(String purpose) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "newsflow-it-" + purpose + "-");
            // createTempDirectory makes it 700
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "newsflow-it-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the test stack", e);
        }
    }

    /** Default configuration (no operator file, only the two service variables from the environment) over {@code dataDir}. */
    public static NewsflowConfig baseConfig(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSFLOW_DATA_DIR", dataDir.toString());
        // any free ports: a developer's own local stack on the default ports must not collide with the tests'
        env.put("NEWSFLOW_LOCAL_STACK_KAFKA_PORT", "0");
        env.put("NEWSFLOW_LOCAL_STACK_KAFKA_CONTROLLER_PORT", "0");
        env.put("NEWSFLOW_LOCAL_STACK_ELASTICSEARCH_PORT", "0");
        copyEnv(KAFKA_ENV, env);
        copyEnv(ELASTICSEARCH_ENV, env);
        return ConfigLoader.load(null, env);
    }

    private static NewsflowConfig start() {
        Path dataDir = newDataDir("stack");
        NewsflowConfig base = baseConfig(dataDir);
        if (!base.kafka().embedded() && !base.elasticsearch().embedded()) {
            return base;
        }
        LocalStack stack = LocalStack.start(base, home());
        // stop the services before the data directory goes (both hooks run at exit; close() is idempotent)
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "newsflow-it-stack-stop"));
        return stack.config();
    }

    private static void copyEnv(String name, Map<String, String> into) {
        String value = System.getenv(name);
        if (value != null && !value.isBlank()) {
            into.put(name, value);
        }
    }

    private static void deleteQuietly(Path dir) {
        // wait for the services writing into it: the stack's close() is running in another hook
        for (int i = 0; i < 600 && stillInUse(dir); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("newsflow-it: could not delete " + dir + ": " + e);
        }
    }

    /** A pid file of a local service still exists while that service runs (ChildProcess deletes it on stop). */
    private static boolean stillInUse(Path dir) {
        return Files.exists(dir.resolve("kafka/broker.pid")) || Files.exists(dir.resolve("elasticsearch/node.pid"));
    }
}
