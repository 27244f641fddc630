package newsflow.app.run;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.InvalidConfigException;
import newsflow.common.config.NewsflowConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PreflightTest {

    /** A loopback port nothing listens on (bound, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aServerPortInUseAndUnreachableServicesAreNamedTogether() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NewsflowConfig config = ConfigLoader.load(null, Map.of(
                    "NEWSFLOW_SERVER_PORT", Integer.toString(taken.getLocalPort()),
                    "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort(),
                    "NEWSFLOW_ELASTICSEARCH_URL", "http://127.0.0.1:" + closedPort(),
                    "NEWSFLOW_HEALTH_STARTUP_WAIT", "0s"));

            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                    () -> Preflight.check(config, EnumSet.allOf(StageName.class)));

            assertThat(e.problems()).hasSize(3);
            assertThat(e.problems().get(0)).startsWith("server.port: 127.0.0.1:" + taken.getLocalPort() + " is already in use");
            assertThat(e.problems().get(1)).startsWith("kafka.bootstrapServers " + config.kafka().bootstrapServers()
                    + ": unreachable within 0 s (health.startupWait)");
            assertThat(e.problems().get(2)).startsWith("elasticsearch.url " + config.elasticsearch().url() + ": unreachable");
        }
    }

    @Test
    void listeningServicesAndAFreePortPass() throws IOException {
        try (ServerSocket broker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket node = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            NewsflowConfig config = ConfigLoader.load(null, Map.of(
                    "NEWSFLOW_SERVER_PORT", "0",
                    "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort() + ",127.0.0.1:" + broker.getLocalPort(),
                    "NEWSFLOW_ELASTICSEARCH_URL", "http://127.0.0.1:" + node.getLocalPort(),
                    "NEWSFLOW_HEALTH_STARTUP_WAIT", "0s"));

            assertThat(Preflight.problems(config, EnumSet.allOf(StageName.class))).isEmpty();
        }
    }

    @Test
    void onlyTheServicesTheSelectedStagesNeedAreChecked() throws IOException {
        NewsflowConfig config = ConfigLoader.load(null, Map.of(
                "NEWSFLOW_SERVER_PORT", "0",
                "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort(),
                "NEWSFLOW_ELASTICSEARCH_URL", "http://127.0.0.1:" + closedPort(),
                "NEWSFLOW_HEALTH_STARTUP_WAIT", "0s"));

        assertThat(Preflight.problems(config, EnumSet.of(StageName.SEARCH))).singleElement().asString()
                .startsWith("elasticsearch.url");
    }

    @Test
    void aServiceThatStartsListeningWithinTheWaitCounts() throws IOException {
        int port = closedPort();
        try (ServerSocket late = new ServerSocket()) {
            Thread opener = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(600);
                    late.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> problems = Preflight.unreachable(
                    Map.of("kafka.bootstrapServers x", List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))),
                    java.time.Duration.ofSeconds(30));
            assertThat(problems).isEmpty();
            opener.interrupt();
        }
    }

    @Test
    void malformedAddressesAreNamed() {
        NewsflowConfig config = ConfigLoader.load(null, Map.of(
                "NEWSFLOW_SERVER_PORT", "0",
                "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:notaport",
                "NEWSFLOW_ELASTICSEARCH_URL", "not a url",
                "NEWSFLOW_HEALTH_STARTUP_WAIT", "0s"));

        assertThat(Preflight.problems(config, EnumSet.allOf(StageName.class))).containsExactly(
                "kafka.bootstrapServers: not a list of host:port, got '127.0.0.1:notaport'",
                "elasticsearch.url: not an http(s) URL with a host, got 'not a url'");
    }
}
