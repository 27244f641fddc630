package newsflow.app.cli;

import newsflow.app.stack.LocalStack;
import newsflow.common.config.KafkaConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.KafkaClients;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * The Kafka cluster the {@code feeds} and {@code alerts} commands talk to: the configured one, else the local broker
 * {@code newsflow stack|run|demo} started on {@code localStack.kafkaPort}. They never start a broker themselves: an
 * operator editing the feed list or the saved searches wants the cluster the stages read, not a new empty one.
 */
final class FeedsKafka {

    private static final int PROBE_MILLIS = 3000;

    private FeedsKafka() {
    }

    /**
     * @throws IllegalStateException telling the operator what to start or configure, when no broker answers
     */
    static KafkaClients connect(NewsflowConfig config) {
        KafkaConfig kafka = LocalStack.addressesOfRunningStack(config).kafka();
        if (config.kafka().embedded()) {
            int port = config.localStack().kafkaPort();
            String local = kafka.bootstrapServers();
            if (!answers("127.0.0.1", port)) {
                throw new IllegalStateException("no Kafka to talk to: kafka.bootstrapServers is not configured and no "
                        + "local broker answers on " + local + ". Start one with `newsflow stack` (or `newsflow run`) "
                        + "in another terminal, or configure kafka.bootstrapServers (NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS).");
            }
        } else if (Arrays.stream(kafka.bootstrapServers().split(",")).map(String::strip).noneMatch(FeedsKafka::answers)) {
            throw new IllegalStateException("no broker of kafka.bootstrapServers=" + kafka.bootstrapServers()
                    + " accepts connections; check the configuration or start the cluster.");
        }
        KafkaClients clients = new KafkaClients(kafka);
        // creates the compacted feeds topic before anything reads it (a read would let the broker auto-create it
        // with the default delete policy)
        clients.ensureTopics();
        return clients;
    }

    private static boolean answers(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            return answers(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
