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
 * @param elasticsearchC1Only the node's JVM compiles with C1 only ({@code -XX:TieredStopAtLevel=1}): no C2 warm-up
 *                            (about half the fresh node's CPU while it indexes), slower searches and merges
 *                            (docs/local-stack.md)
 */
public record LocalStackConfig(int kafkaPort, int kafkaControllerPort, int elasticsearchPort, String heap,
                               boolean elasticsearchC1Only) {
}
