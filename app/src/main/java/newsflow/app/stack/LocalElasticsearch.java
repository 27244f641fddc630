package newsflow.app.stack;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * A single-node Elasticsearch (security off, loopback only) run from the distribution zip in
 * {@code <home>/elasticsearch}, with the plugins of {@code <home>/es-plugins} installed. Under its directory: {@code home/} (the unpacked distribution, kept across
 * runs), {@code data/} (indices), {@code logs/} (the node's own logs and {@code console.log}).
 * When newsflow runs as root the node runs as an unprivileged account, {@code newsflow} by default,
 * created when missing, because Elasticsearch refuses to run as root.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);

    /** The account the node runs as when newsflow runs as root. */
    public static final String DEFAULT_USER = "newsflow";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);
    private static final String PID_FILE = "node.pid";

    private final ChildProcess process;
    private final String url;
    private final Path dir;

    private LocalElasticsearch(ChildProcess process, String url, Path dir) {
        this.process = process;
        this.url = url;
        this.dir = dir;
    }

    /**
     * Starts the node with everything under {@code dir} on a loopback port (the one it had last time if free)
     * and returns once the cluster is at least yellow.
     *
     * @param home the packaged layout whose {@code elasticsearch/} holds the distribution zip
     * @param dir  the node's own directory, for example {@code <dataDir>/elasticsearch}
     * @throws IllegalStateException when it cannot be started or is not ready within 90 s; the message
     *                               carries the end of the node's log
     */
    public static LocalElasticsearch start(Path home, Path dir) {
        return start(home, dir, 0, "512m");
    }

    /**
     * As {@link #start(Path, Path)}, on the given HTTP port ({@code 0}: the one it had last time if free, else
     * any) with the given heap ({@code -Xms}/{@code -Xmx} value).
     */
    public static LocalElasticsearch start(Path home, Path dir, int httpPort, String heap) {
        return start(home, dir, httpPort, heap, false);
    }

    /** As {@link #start(Path, Path, int, String)}; {@code c1Only}: see {@link #jvmOptions}. */
    public static LocalElasticsearch start(Path home, Path dir, int httpPort, String heap, boolean c1Only) {
        Path zip = ElasticsearchDistribution.findZip(home);
        Path javaHome = JavaHomeFinder.forThisProcess().find(); // before anything is unpacked: a missing JDK fails first
        Path abs = dir.toAbsolutePath().normalize();
        Path esHome = abs.resolve("home");
        Path data = abs.resolve("data");
        Path logs = abs.resolve("logs");
        try {
            Files.createDirectories(data);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Elasticsearch directories under " + abs, e);
        }
        Path pidFile = abs.resolve(PID_FILE);
        ElasticsearchDistribution.unpack(zip, esHome);
        List<Path> plugins = ElasticsearchPlugins.findZips(home);
        if (plugins.isEmpty()) {
            log.warn("no Elasticsearch plugin in {}: the local node lacks newsflow's analysis filters, so article text "
                    + "falls back to the standard analyzer (mvn package puts the plugin there)", home.resolve(ElasticsearchPlugins.DIR));
        }
        ElasticsearchPlugins.install(plugins, esHome);

        Ports ports = new Ports(abs.resolve("ports.properties"));
        int http = httpPort > 0 ? httpPort : ports.pick("http");
        int transport = ports.pick("transport");
        ports.save();
        LocalKafka.write(esHome.resolve("config/elasticsearch.yml"), settings(data, logs, http, transport));
        try {
            Files.createDirectories(esHome.resolve("config/jvm.options.d"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + esHome.resolve("config/jvm.options.d"), e);
        }
        LocalKafka.write(esHome.resolve("config/jvm.options.d/newsflow.options"), jvmOptions(heap, c1Only));

        List<String> command = new ArrayList<>();
        if (ServiceUser.runningAsRoot()) {
            ServiceUser user = ServiceUser.ensure(DEFAULT_USER);
            log.info("running as root: starting Elasticsearch as user {} ({})", user.name(), user.created() ? "created" : "existing");
            user.requireReachable(abs.getParent() == null ? abs : abs.getParent());
            user.own(abs);
            command.addAll(user.commandPrefix());
        }
        command.add(esHome.resolve("bin/elasticsearch").toString());

        Map<String, String> env = new HashMap<>();
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_JAVA_OPTS", ""); // the operator's options for some other node must not leak into ours
        env.put("ES_PATH_CONF", esHome.resolve("config").toString());

        String url = "http://127.0.0.1:" + http;
        long started = System.nanoTime();
        ChildProcess process = ChildProcess.start("Elasticsearch node", command, env, logs, logs.resolve("console.log"), pidFile);
        LocalElasticsearch node = new LocalElasticsearch(process, url, abs);
        try {
            node.awaitReady();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        log.info("local Elasticsearch ready at {} in {} ms (pid {}, data {}, logs {})", url,
                (System.nanoTime() - started) / 1_000_000, process.pid(), data, logs);
        return node;
    }

    /**
     * Stops a node a crashed newsflow left running on {@code dir}. Only to be called while holding the data
     * directory's lock ({@link DataDirLock}): with the lock free, no live newsflow owns that node.
     */
    static void stopLeftover(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        ChildProcess.stopLeftover("Elasticsearch node", abs.resolve(PID_FILE), abs.resolve("home").toString(), STOP_GRACE);
    }

    /** The node's URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return url;
    }

    /** The node's directory (distribution, data, logs). */
    public Path directory() {
        return dir;
    }

    /** Stops the node (SIGTERM to it and its server process; SIGKILL after 45 s). */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    /**
     * The node's JVM options beyond Elasticsearch's own: the heap, and with {@code c1Only} ({@code
     * localStack.elasticsearchC1Only}) {@code -XX:TieredStopAtLevel=1}. A freshly started node spends about half its
     * CPU for many minutes on C2 compilations of Elasticsearch's code whatever the article rate; C1 alone saves that,
     * and its code searches, aggregates and merges more slowly (measured in docs/measurements.md, "Where the node's
     * CPU goes"), so it is the operator's choice.
     */
    static String jvmOptions(String heap, boolean c1Only) {
        return "-Xms" + heap + "\n-Xmx" + heap + "\n" + (c1Only ? "-XX:TieredStopAtLevel=1\n" : "");
    }

    static String settings(Path data, Path logs, int httpPort, int transportPort) {
        return String.join("\n",
                "# written by newsflow at every start of the local node: edits are overwritten",
                "cluster.name: newsflow-local",
                "node.name: newsflow-local",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + data,
                "path.logs: " + logs,
                "xpack.security.enabled: false",
                // a nearly full development disk must not turn the indices read-only under the pipeline
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "");
    }

    /**
     * The node that answers must be the one we started (its pid is our child's or a descendant's: the launcher
     * script starts the server JVM): a stale node on the same port, while ours failed to bind, is an error,
     * never adopted, or the pipeline would index into someone else's data.
     */
    private void requireOurNode(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/_nodes/_local/process?filter_path=nodes.*.process.id"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Set<Long> ours = new HashSet<>();
        ours.add(process.pid());
        ProcessHandle.of(process.pid()).ifPresent(h -> h.descendants().forEach(d -> ours.add(d.pid())));
        requireOurNode(url, response.body(), ours);
    }

    static void requireOurNode(String url, String nodesProcessJson, Set<Long> ourPids) {
        JsonNode nodes = Json.read(nodesProcessJson, JsonNode.class).path("nodes");
        List<Long> answered = new ArrayList<>();
        nodes.elements().forEachRemaining(n -> answered.add(n.path("process").path("id").asLong(-1)));
        if (answered.size() != 1 || !ourPids.contains(answered.getFirst())) {
            throw new IllegalStateException("the Elasticsearch node answering at " + url + " runs as pid " + answered
                    + ", not as the node this stack started (pids " + ourPids + ")"
                    + ": another node holds that port (stop it, or set localStack.elasticsearchPort to a free port)");
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI health = URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=5s");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the local Elasticsearch node exited while starting; end of "
                            + process.logFile() + ":\n" + process.tail(40));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the local Elasticsearch node at " + url + " was not ready within "
                            + READY_TIMEOUT.toSeconds() + " s; end of " + process.logFile() + ":\n" + process.tail(40));
                }
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        requireOurNode(http);
                        return;
                    }
                    log.debug("node at {} not ready yet: HTTP {} {}", url, response.statusCode(), response.body());
                } catch (IOException e) {
                    log.debug("node at {} not ready yet: {}", url, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Elasticsearch at " + url, e);
                }
                LocalKafka.sleep(250);
            }
        }
    }
}
