package newsflow.app.stack;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackTest {

    @TempDir
    Path dir;

    @Test
    void withExternalServicesItStartsNothingAndChangesNothing() {
        NewsflowConfig config = ConfigLoader.load(null, Map.of(
                "NEWSFLOW_DATA_DIR", dir.toString(),
                "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "broker.example:9092",
                "NEWSFLOW_ELASTICSEARCH_URL", "http://search.example:9200"));

        try (LocalStack stack = LocalStack.start(config, null)) {
            assertThat(stack.config()).isEqualTo(config);
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aHomeWithoutTheBrokerJarsFailsWithTheReason() throws IOException {
        Files.createDirectories(dir.resolve("home/lib"));
        Files.createDirectories(dir.resolve("home/elasticsearch"));
        NewsflowConfig config = ConfigLoader.load(null, Map.of(
                "NEWSFLOW_DATA_DIR", dir.resolve("data").toString(),
                "NEWSFLOW_ELASTICSEARCH_URL", "http://search.example:9200"));

        assertThatThrownBy(() -> LocalStack.start(config, dir.resolve("home")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the local stack did not start")
                .hasMessageContaining("no Kafka broker jar (kafka_2.13-*.jar) in " + dir.resolve("home/lib"));
    }

    @Test
    void aHomePropertyThatIsNotALayoutIsRejected() {
        String before = System.getProperty(LocalStack.HOME_PROPERTY);
        System.setProperty(LocalStack.HOME_PROPERTY, dir.toString());
        try {
            assertThatThrownBy(LocalStack::defaultHome)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("not a newsflow layout");
        } finally {
            if (before == null) {
                System.clearProperty(LocalStack.HOME_PROPERTY);
            } else {
                System.setProperty(LocalStack.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void brokerPropertiesDescribeOneCombinedLoopbackNode() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(LocalKafka.serverProperties(Path.of("/var/lib/newsflow/kafka/data"), 19092, 19093)));

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("log.dirs", "/var/lib/newsflow/kafka/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void nodeSettingsKeepItLocalAndOpen() {
        String yml = LocalElasticsearch.settings(Path.of("/d/data"), Path.of("/d/logs"), 19200, 19300);

        assertThat(yml.lines()).contains("discovery.type: single-node", "network.host: 127.0.0.1", "http.port: 19200",
                "transport.port: 19300", "path.data: /d/data", "path.logs: /d/logs", "xpack.security.enabled: false");
    }

    @Test
    void nodeJvmGetsTheHeapAndC1OnlyWhenAsked() {
        assertThat(LocalElasticsearch.jvmOptions("256m", false).lines()).containsExactly("-Xms256m", "-Xmx256m");
        assertThat(LocalElasticsearch.jvmOptions("256m", true).lines())
                .containsExactly("-Xms256m", "-Xmx256m", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void configuredLocalPortsInUseAreRefusedTogetherBeforeAnythingStarts() throws IOException {
        try (var kafkaTaken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             var elasticsearchTaken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var local = new newsflow.common.config.LocalStackConfig(kafkaTaken.getLocalPort(), 0,
                    elasticsearchTaken.getLocalPort(), "256m", false);

            assertThatThrownBy(() -> LocalStack.requireConfiguredPortsFree(local, true, true))
                    .hasMessageContaining("localStack.kafkaPort " + kafkaTaken.getLocalPort() + " is already in use")
                    .hasMessageContaining("localStack.elasticsearchPort " + elasticsearchTaken.getLocalPort() + " is already in use")
                    .hasMessageNotContaining("kafkaControllerPort");
            // a service the configuration points elsewhere does not need its local port
            LocalStack.requireConfiguredPortsFree(local, false, false);
        }
    }

    @Test
    void aBrokerAnsweringWithAnotherClusterIdIsNotAdopted() {
        assertThatThrownBy(() -> LocalKafka.requireSameCluster("127.0.0.1:19092", "other-cluster", "our-cluster", dir))
                .hasMessageContaining("has cluster id other-cluster, not our-cluster")
                .hasMessageContaining("localStack.kafkaPort");
        LocalKafka.requireSameCluster("127.0.0.1:19092", "our-cluster", "our-cluster", dir);
    }

    @Test
    void theClusterIdIsReadFromTheFormattedStorage() throws IOException {
        Files.writeString(dir.resolve("meta.properties"), "version=1\ncluster.id=Q1w2E3r4T5y6U7i8O9p0Aa\nnode.id=1\n");
        assertThat(LocalKafka.clusterId(dir)).isEqualTo("Q1w2E3r4T5y6U7i8O9p0Aa");
    }

    @Test
    void aNodeRunningAsAnotherProcessIsNotAdopted() {
        String answer = "{\"nodes\":{\"n1\":{\"process\":{\"id\":4242}}}}";
        assertThatThrownBy(() -> LocalElasticsearch.requireOurNode("http://127.0.0.1:19200", answer, java.util.Set.of(100L, 101L)))
                .hasMessageContaining("runs as pid [4242]")
                .hasMessageContaining("localStack.elasticsearchPort");
        LocalElasticsearch.requireOurNode("http://127.0.0.1:19200", answer, java.util.Set.of(100L, 4242L));
    }
}
