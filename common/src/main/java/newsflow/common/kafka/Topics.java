package newsflow.common.kafka;

import newsflow.common.config.KafkaConfig;

/**
 * The pipeline's topic names, defined once. All share the configured prefix so several pipelines can share
 * a cluster.
 *
 * @param entries    feed entries, keyed by article id (ingest → enrich)
 * @param articles   compacted: enriched articles, keyed by article id (enrich → index; replayed by retag)
 * @param deadLetter records a stage could not process
 * @param feedState  compacted: per-feed poll state (validators, ids already published), keyed by feed URL
 * @param feeds      compacted: the feed registry (each feed's configuration, a tombstone when removed), keyed by feed URL
 * @param savedSearches   compacted: saved searches (a tombstone when deleted), keyed by saved search id
 * @param alerts          compacted, with retention: one record per match, keyed {@code savedSearchId:articleId}
 * @param alertDeliveries compacted, with retention: each alert's webhook outcome, keyed as the alert
 * @param storyState      compacted, with retention: enrich's story memory, one small mark per article keyed by
 *                        article id (fingerprint, story id), shared by every enrich instance
 */
public record Topics(String entries, String articles, String deadLetter, String feedState, String feeds,
                     String savedSearches, String alerts, String alertDeliveries, String storyState) {

    public static Topics from(KafkaConfig config) {
        String p = config.topicPrefix();
        return new Topics(p + "entries", p + "articles", p + "dead-letter", p + "feed-state", p + "feeds",
                p + "saved-searches", p + "alerts", p + "alert-deliveries", p + "story-state");
    }
}
