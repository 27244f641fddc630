package newsflow.common.config;

import java.util.Map;

/**
 * @param bootstrapServers  broker list; empty means "start the embedded local broker"
 * @param topicPrefix       prefix of every topic name
 * @param partitions        partitions for topics newsflow creates (bounds how many instances of a stage share work)
 * @param replicationFactor replication for topics newsflow creates
 * @param groupPrefix       prefix of consumer group ids
 * @param properties        extra client properties passed verbatim (TLS, SASL, …)
 */
public record KafkaConfig(
        String bootstrapServers,
        String topicPrefix,
        int partitions,
        short replicationFactor,
        String groupPrefix,
        Map<String, String> properties) {

    public KafkaConfig {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }

    public KafkaConfig withBootstrapServers(String servers) {
        return new KafkaConfig(servers, topicPrefix, partitions, replicationFactor, groupPrefix, properties);
    }
}
