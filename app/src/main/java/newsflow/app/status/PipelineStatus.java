package newsflow.app.status;

import newsflow.common.kafka.ConsumerGroups;
import newsflow.ingest.status.FeedStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code newsflow status} reports. A section that could not be read is null, and {@code problems} says why.
 *
 * @param stages        each stage's consumer group on its topic
 * @param feeds         the registered feeds, null when Kafka could not be read
 * @param deadLetters   dead letters of the last hour, null when Kafka could not be read
 * @param elasticsearch the cluster and the article alias, null when it could not be read
 * @param disk          the local stack's data directory, null when it could not be measured
 * @param problems      what could not be read, each with the reason
 */
public record PipelineStatus(Instant at, List<Stage> stages, Feeds feeds, DeadLetters deadLetters,
                             Elasticsearch elasticsearch, Disk disk, List<String> problems) {

    /**
     * @param topic   the topic its group is on (ingest: feed-state, where the group shares the feeds out)
     * @param members the instances running, with the partitions each holds
     * @param lag     records of the topic not yet processed, null for ingest (it polls feeds, not the topic)
     */
    public record Stage(String stage, String group, String topic, String state, List<ConsumerGroups.Member> members,
                        Long lag) {
    }

    /** @param failing the feeds whose last poll failed, most failures in a row first */
    public record Feeds(int registered, int notPolled, List<FeedStatus> failing) {
    }

    /** Dead letters since {@code since}, by the stage that gave up. */
    public record DeadLetters(Instant since, long total, Map<String, Long> byStage) {
    }

    /**
     * @param health        green, yellow or red
     * @param liveVersions  the schema versions behind the alias (one, except during a switch; none before the first
     *                      document)
     * @param buildVersion  the schema version this build writes
     * @param documents     documents behind the alias, null when it does not exist yet
     * @param alertMatching how the alerts stage matches saved searches against this node, and why
     *                      ({@code newsflow.search.alerts.MatchingPath#summary})
     */
    public record Elasticsearch(String url, String health, int nodes, String alias, Set<Integer> liveVersions,
                                int buildVersion, Long documents, String alertMatching) {
    }

    /**
     * The local stack's data directory: what the broker ({@code kafka/}) and the node ({@code elasticsearch/})
     * keep there, all of it, and the space left. Both 0 when the stack keeps nothing there (external Kafka and
     * Elasticsearch, or never started).
     *
     * @param freeBytes usable space left on its file system, null when the directory does not exist
     */
    public record Disk(String dataDir, long kafkaBytes, long elasticsearchBytes, long totalBytes, Long freeBytes) {
    }
}
