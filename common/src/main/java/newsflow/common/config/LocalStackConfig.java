package newsflow.common.config;

/**
 * Ports of the embedded local stack, used only when Kafka or Elasticsearch has no external address.
 * Fixed by default so dashboards (Kibana, Grafana) and the {@code newsflow search} command can find the node;
 * 0 picks any free port (tests).
 *
 * @param kafkaPort           broker listener port
 * @param kafkaControllerPort KRaft controller listener port
 * @param elasticsearchPort   Elasticsearch HTTP port
 * @param heap                heap of each embedded service, for example {@code 512m}
 */
public record LocalStackConfig(int kafkaPort, int kafkaControllerPort, int elasticsearchPort, String heap) {
}
