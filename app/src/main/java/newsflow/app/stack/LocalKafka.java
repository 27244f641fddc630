package newsflow.app.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one process) run as a child JVM from the jars
 * in {@code <home>/lib}. Everything it keeps is under one directory: {@code data/} (the log directories and
 * the metadata log), {@code server.properties}, {@code broker.log}. The directory is formatted once; later
 * starts reuse it, so topics, records and committed offsets survive restarts.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String PID_FILE = "broker.pid";

    private final ChildProcess process;
    private final String bootstrapServers;
    private final Path dir;

    private LocalKafka(ChildProcess process, String bootstrapServers, Path dir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
    }

    /**
     * Starts the broker with its data under {@code dir} on a loopback port (the one it had last time if free)
     * and returns once it answers clients.
     *
     * @param home the packaged layout whose {@code lib/} holds the broker's jars
     * @param dir  the broker's own directory, for example {@code <dataDir>/kafka}
     * @throws IllegalStateException when it cannot be started or is not ready within 60 s; the message
     *                               carries the end of the broker log
     */
    public static LocalKafka start(Path home, Path dir) {
        return start(home, dir, 0, 0, "512m");
    }

    /**
     * As {@link #start(Path, Path)}, on the given client and controller ports ({@code 0}: the one it had last
     * time if free, else any) with the given heap ({@code -Xmx} value).
     */
    public static LocalKafka start(Path home, Path dir, int port, int controllerPortWanted, String heap) {
        Path lib = home.resolve("lib");
        requireBrokerJars(lib);
        Path absDir = dir.toAbsolutePath().normalize();
        Path dataDir = absDir.resolve("data");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dataDir, e);
        }
        Path properties = absDir.resolve("server.properties");
        Path pidFile = absDir.resolve(PID_FILE);

        Ports ports = new Ports(absDir.resolve("ports.properties"));
        int clientPort = port > 0 ? port : ports.pick("client");
        int controllerPort = controllerPortWanted > 0 ? controllerPortWanted : ports.pick("controller");
        ports.save();

        Path logback = absDir.resolve("broker-logback.xml");
        write(properties, serverProperties(dataDir, clientPort, controllerPort));
        write(logback, LOGBACK);

        List<String> jvm = List.of(ChildProcess.currentJava(), "-Xmx" + heap, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + logback, "-cp", lib.toAbsolutePath() + "/*");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(jvm, properties, dataDir);
        }

        String bootstrap = "127.0.0.1:" + clientPort;
        long started = System.nanoTime();
        List<String> command = new java.util.ArrayList<>(jvm);
        command.addAll(List.of("kafka.Kafka", properties.toString()));
        ChildProcess process = ChildProcess.start("Kafka broker", command, Map.of(), absDir,
                absDir.resolve("broker.log"), pidFile);
        LocalKafka kafka = new LocalKafka(process, bootstrap, absDir);
        try {
            kafka.awaitReady(clientPort, clusterId(dataDir));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("local Kafka broker ready at {} in {} ms (pid {}, data {}, log {})", bootstrap,
                (System.nanoTime() - started) / 1_000_000, process.pid(), dataDir, process.logFile());
        return kafka;
    }

    /**
     * Stops a broker a crashed newsflow left running on {@code dir}. Only to be called while holding the data
     * directory's lock ({@link DataDirLock}): with the lock free, no live newsflow owns that broker.
     */
    static void stopLeftover(Path dir) {
        Path absDir = dir.toAbsolutePath().normalize();
        ChildProcess.stopLeftover("Kafka broker", absDir.resolve(PID_FILE), absDir.resolve("server.properties").toString(), STOP_GRACE);
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's directory (data, configuration, log). */
    public Path directory() {
        return dir;
    }

    /** Stops the broker (SIGTERM, so it closes its logs cleanly; SIGKILL after 30 s). */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    static String serverProperties(Path dataDir, int clientPort, int controllerPort) {
        return String.join("\n",
                "# written by newsflow at every start of the local broker: edits are overwritten",
                "node.id=1",
                "process.roles=broker,controller",
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                // static voters (not a dynamic quorum): the controller port may change between runs
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "log.dirs=" + dataDir,
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // topics are created deliberately (KafkaClients.ensureTopics) with their partitions and policies
                "auto.create.topics.enable=false",
                "");
    }

    private static void format(List<String> jvm, Path properties, Path dataDir) {
        List<String> command = new java.util.ArrayList<>(jvm);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString()));
        ChildProcess.Result result = ChildProcess.run(command, Duration.ofSeconds(60));
        if (!result.ok()) {
            throw new IllegalStateException("formatting the Kafka data directory " + dataDir + " failed (exit "
                    + result.exitCode() + "):\n" + lastLines(result.output(), 30));
        }
        log.info("formatted a new Kafka data directory {}", dataDir);
    }

    /** The cluster id the storage under {@code dataDir} was formatted with ({@code meta.properties}). */
    static String clusterId(Path dataDir) {
        Path meta = dataDir.resolve("meta.properties");
        Properties p = new Properties();
        try (var in = Files.newInputStream(meta)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka storage's " + meta, e);
        }
        String id = p.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(meta + " has no cluster.id: the Kafka storage is damaged");
        }
        return id;
    }

    /**
     * A broker answering with another cluster id is not ours (a stale broker on the same port, while ours
     * failed to bind): adopting it would write the pipeline's records into someone else's storage.
     */
    static void requireSameCluster(String bootstrap, String answered, String expected, Path dataDir) {
        if (!expected.equals(answered)) {
            throw new IllegalStateException("the Kafka broker answering at " + bootstrap + " has cluster id " + answered
                    + ", not " + expected + " of the storage under " + dataDir
                    + ": another broker holds that port (stop it, or set localStack.kafkaPort to a free port)");
        }
    }

    private void awaitReady(int clientPort, String expectedClusterId) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!portOpen(clientPort)) {
            checkAliveAndTime(deadline);
            sleep(100);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-local-stack-probe");
        try (Admin admin = Admin.create(p)) {
            while (true) {
                checkAliveAndTime(deadline);
                try {
                    var cluster = admin.describeCluster();
                    Collection<Node> nodes = cluster.nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        requireSameCluster(bootstrapServers, cluster.clusterId().get(5, TimeUnit.SECONDS),
                                expectedClusterId, dir.resolve("data"));
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    log.debug("broker at {} not ready yet: {}", bootstrapServers, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker at " + bootstrapServers, e);
                }
                sleep(200);
            }
        }
    }

    private void checkAliveAndTime(long deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the local Kafka broker exited while starting; end of " + process.logFile()
                    + ":\n" + process.tail(40));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the local Kafka broker at " + bootstrapServers + " was not ready within "
                    + READY_TIMEOUT.toSeconds() + " s; end of " + process.logFile() + ":\n" + process.tail(40));
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireBrokerJars(Path lib) {
        try (var jars = Files.list(lib)) {
            if (jars.noneMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new IllegalStateException("no Kafka broker jar (kafka_2.13-*.jar) in " + lib
                        + ": is this a packaged newsflow layout (mvn package builds app/target/newsflow)?");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the newsflow lib directory " + lib + ": " + e.getMessage()
                    + " (mvn package builds app/target/newsflow; or set -Dnewsflow.home)", e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a local service", e);
        }
    }

    private static String lastLines(String text, int lines) {
        String[] all = text.split("\\R");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    /** The broker logs through logback (it is on lib/): INFO, without the multi-page configuration dumps. */
    private static final String LOGBACK = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.apache.kafka.common.config" level="WARN"/>
              <logger name="kafka.server.KafkaConfig" level="WARN"/>
              <logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
              <logger name="state.change.logger" level="WARN"/>
              <root level="INFO"><appender-ref ref="out"/></root>
            </configuration>
            """;
}
