package newsflow.search.alerts;

import newsflow.common.config.AlertsConfig;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import org.apache.kafka.common.config.TopicConfig;

import java.util.Map;

/**
 * Creates the topics of saved searches and alerts where missing, before anything reads them (a read would let the
 * broker create them with its defaults). Alerts and delivery states are compacted, one record per key, and also
 * expire after {@code alerts.retention}: see {@link MatchProcessor} for why that bound keeps matching exactly once.
 */
public final class AlertTopics {

    private AlertTopics() {
    }

    public static void ensure(KafkaClients kafka, AlertsConfig config) {
        Topics t = kafka.topics();
        kafka.ensureTopic(t.savedSearches(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        Map<String, String> expiring = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.retention().toMillis()));
        kafka.ensureTopic(t.alerts(), expiring);
        kafka.ensureTopic(t.alertDeliveries(), expiring);
    }
}
