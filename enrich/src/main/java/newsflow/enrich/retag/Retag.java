package newsflow.enrich.retag;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.model.Article;
import newsflow.enrich.topics.TopicTagger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code newsflow retag}: re-tags the whole articles topic of a configuration with the topics, watch-topics and
 * model that configuration names (see {@link Retagger}). Replaying Kafka rather than scrolling the index because
 * the topic holds the complete {@link Article} (feed entry, extraction record, every field), while an index
 * document is a projection of it; writing back to the topic keeps the log, from which the index can always be
 * rebuilt, in step with the index, and lets the index stage do the writing with its usual guarantees.
 */
public final class Retag {

    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

    private Retag() {
    }

    /**
     * @param write false: count what would change, write nothing
     * @throws newsflow.enrich.watch.WatchQueryException when a watch query of the configuration does not parse
     * @throws newsflow.enrich.classify.ClassifierException when its model cannot be loaded
     * @throws IllegalStateException when the topic does not exist or cannot be read
     */
    public static RetagReport archive(NewsflowConfig config, boolean write) throws InterruptedException {
        TopicTagger tagger = TopicTagger.configured(config.enrich()); // a bad query or model fails before any client exists
        KafkaClients kafka = new KafkaClients(config.kafka());
        String topic = kafka.topics().articles();
        String clientId = "retag-" + ProcessHandle.current().pid();
        List<String> warnings = new ArrayList<>(retentionWarnings(kafka, topic));
        try (KafkaConsumer<String, byte[]> reader = kafka.readerWithoutGroup(clientId);
             KafkaProducer<String, Article> producer = write ? kafka.producer(clientId, JsonCodec.ARTICLE.serializer()) : null) {
            TopicScan scan = new TopicScan(reader, topic, STALL_TIMEOUT);
            long lost = 0;
            for (Map.Entry<TopicPartition, Long> first : scan.beginningOffsets().entrySet()) {
                lost += first.getValue();
            }
            if (lost > 0) {
                warnings.add(lost + " records of " + topic + " were already deleted by retention; the articles only they "
                        + "held keep their old topics in the index");
            }
            RetagReport report = new Retagger(scan, tagger, producer, topic).run();
            return report.withWarnings(warnings);
        }
    }

    /** A topic that deletes by age cannot be replayed whole: say so. Not reading the settings is no reason to stop. */
    private static List<String> retentionWarnings(KafkaClients kafka, String topic) throws InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = kafka.admin()) {
            Config settings = admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource);
            String policy = value(settings, TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
            long retentionMs = Long.parseLong(value(settings, TopicConfig.RETENTION_MS_CONFIG, "-1"));
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) && retentionMs >= 0) {
                return List.of(topic + " deletes records after " + Duration.ofMillis(retentionMs).toHours() + " h ("
                        + "cleanup.policy=" + policy + "): older articles are not replayed and keep their old topics in "
                        + "the index; set cleanup.policy=compact on it to keep the latest record of every article");
            }
            return List.of();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return List.of("could not read the settings of " + topic + " (" + e + "); whether retention deleted "
                    + "articles is unknown");
        }
    }

    private static String value(Config settings, String name, String fallback) {
        ConfigEntry entry = settings == null ? null : settings.get(name);
        return entry == null || entry.value() == null ? fallback : entry.value();
    }
}
