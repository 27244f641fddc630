package newsflow.index.upgrade;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.ConsumerGroups;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.metrics.Metrics;
import newsflow.common.model.Article;
import newsflow.common.retry.Backoff;
import newsflow.index.IndexStage;
import newsflow.index.bulk.BulkIndexer;
import newsflow.index.bulk.BulkResult;
import newsflow.index.bulk.IndexItem;
import newsflow.index.document.ArticleDocuments;
import newsflow.index.schema.AliasTargets;
import newsflow.index.schema.ArticleIndex;
import newsflow.index.schema.IndexNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code newsflow index upgrade}: moves the read alias to another index schema version without losing an article.
 *
 * <ol>
 *   <li>Refuses while the index stage's consumer group has members: a stage writing the old version meanwhile
 *   would advance the group past articles the new version never got.</li>
 *   <li>Builds the target version from nothing: its stale indices (an earlier, interrupted run; a version switched
 *   away from) are deleted, its template is put without the alias, and the whole articles topic is replayed into
 *   it with this build's document mapping. The topic is compacted and keeps the latest record of every article
 *   for good, so it holds the whole archive, more faithfully than the old index (every field of the
 *   {@link Article}, not the projection the old mapping kept).</li>
 *   <li>Checks that the target holds exactly one document per article read and that the index stage did not run
 *   meanwhile, and only then switches the alias atomically ({@link ArticleIndex#makeLive}). Searches are served
 *   from the old version until that instant, from the new one after it.</li>
 * </ol>
 * Articles enrich produces during the upgrade wait in the topic; the index stage of the new build, started after
 * the switch, goes on from its group's committed offsets and writes them. Writes are idempotent (the document id
 * is the article id), so what the replay and the stage both write ends up once.
 */
public final class SchemaUpgrade {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpgrade.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BULK_BACKOFF_CAP = Duration.ofSeconds(30);
    /** A bulk chunk still failing after this long ends the upgrade (Elasticsearch down): nothing is switched. */
    private static final Duration CHUNK_DEADLINE = Duration.ofMinutes(10);

    /**
     * What an upgrade did.
     *
     * @param previous    the versions behind the alias before
     * @param records     records read from the articles topic
     * @param superseded  records skipped because a later record of the same article followed, or a tombstone
     *                    deleted it
     * @param undecodable records that are not articles (the index stage dead-lettered them)
     * @param articles    distinct articles written into the target version
     * @param documents   documents the target version holds after the replay
     * @param rejected    articles Elasticsearch refused, each with why
     * @param switched    whether the alias now points at the target version
     * @param problem     why it was not switched, null when it was or when nothing was to be done
     */
    public record Report(int target, Set<Integer> previous, long records, long superseded, long undecodable,
                         long articles, long documents, List<String> rejected, boolean switched, String problem) {

        public boolean nothingToDo() {
            return previous.equals(Set.of(target)) && !switched;
        }
    }

    private final NewsflowConfig config;
    private final KafkaClients kafka;
    private final ElasticsearchClient es;
    private final int target;
    private final ArticleIndex index;
    private final IndexNames names;

    public SchemaUpgrade(NewsflowConfig config, KafkaClients kafka, ElasticsearchClient es, int targetVersion) {
        this.config = config;
        this.kafka = kafka;
        this.es = es;
        this.target = targetVersion;
        this.index = new ArticleIndex(es, config.elasticsearch(), targetVersion);
        this.names = index.names();
    }

    /**
     * @throws ConsumerGroups.GroupActiveException the index stage runs somewhere: nothing was changed
     * @throws IOException                         Elasticsearch cannot be reached: the alias was not switched
     */
    public Report run() throws IOException, InterruptedException {
        AliasTargets before = AliasTargets.read(es, names.alias());
        if (before.versions().equals(Set.of(target))) {
            return new Report(target, before.versions(), 0, 0, 0, 0, 0, List.of(), false, null);
        }
        String group = config.kafka().groupPrefix() + IndexStage.STAGE;
        String topic = kafka.topics().articles();
        ConsumerGroups.Group groupBefore;
        try (ConsumerGroups groups = new ConsumerGroups(kafka, KAFKA_TIMEOUT)) {
            groupBefore = groups.describe(group, topic);
            if (groupBefore.active()) {
                throw new ConsumerGroups.GroupActiveException("the index stage is running (consumer group " + group
                        + ": " + groupBefore.members().size() + " member(s)). Stop every index stage before the "
                        + "upgrade; searches go on being served from the current version meanwhile. Nothing was changed.");
            }
        }
        dropStaleIndicesOfTarget(before);
        index.ensureUnaliased();
        Replay replay = replay(topic);
        es.indices().refresh(r -> r.index(names.pattern()).allowNoIndices(true).ignoreUnavailable(true));
        long documents = es.count(c -> c.index(names.pattern()).allowNoIndices(true).ignoreUnavailable(true)).count();

        String problem = null;
        if (!replay.rejected.isEmpty()) {
            problem = replay.rejected.size() + " article(s) refused by Elasticsearch under version " + target;
        } else if (documents != replay.ids.size()) {
            problem = "version " + target + " holds " + documents + " documents for " + replay.ids.size() + " articles";
        } else {
            try (ConsumerGroups groups = new ConsumerGroups(kafka, KAFKA_TIMEOUT)) {
                ConsumerGroups.Group groupAfter = groups.describe(group, topic);
                if (groupAfter.active() || !committed(groupAfter).equals(committed(groupBefore))) {
                    problem = "the index stage ran during the replay (consumer group " + group + " moved): what it "
                            + "wrote meanwhile went to the old version only. Stop it and run the upgrade again";
                }
            }
        }
        boolean switched = false;
        if (problem == null) {
            index.makeLive(AliasTargets.read(es, names.alias()));
            switched = true;
        }
        return new Report(target, before.versions(), replay.records, replay.superseded, replay.undecodable,
                replay.ids.size(), documents, replay.rejected, switched, problem);
    }

    private static Map<Integer, Long> committed(ConsumerGroups.Group group) {
        Map<Integer, Long> offsets = new HashMap<>();
        group.partitions().forEach(p -> offsets.put(p.partition(), p.committed() == null ? -1 : p.committed()));
        return offsets;
    }

    /** The target version's indices that are not live hold whatever an earlier run left: rebuilt from nothing. */
    private void dropStaleIndicesOfTarget(AliasTargets live) throws IOException {
        if (live.versions().contains(target)) {
            return; // a half-switched alias (two versions behind it): keep what serves reads, write over it
        }
        List<String> stale = new ArrayList<>(es.indices().get(g -> g.index(names.pattern()).allowNoIndices(true)
                .ignoreUnavailable(true)).indices().keySet());
        if (!stale.isEmpty()) {
            log.info("deleting {} stale indices of version {} before rebuilding it: {}", stale.size(), target, stale);
            es.indices().delete(d -> d.index(stale));
        }
    }

    /** Everything of one replay of the topic. */
    private static final class Replay {
        long records;
        long superseded;
        long undecodable;
        /** Article id → the index its latest record went to. */
        final Map<String, String> ids = new HashMap<>();
        /**
         * Id → indices a record of the article was written to before a later record sent it elsewhere (another
         * month) or deleted it (a tombstone).
         */
        final Map<String, Set<String>> earlierIndices = new HashMap<>();
        final List<String> rejected = new ArrayList<>();
        final List<IndexItem<String>> pending = new ArrayList<>();
    }

    private Replay replay(String topic) throws IOException, InterruptedException {
        Replay replay = new Replay();
        BulkIndexer indexer = new BulkIndexer(es, new Backoff(Duration.ofMillis(250), BULK_BACKOFF_CAP, 0.5), Metrics.registry());
        int chunk = Math.max(1, config.elasticsearch().bulkActions());
        Clock clock = Clock.systemUTC();
        try (KafkaConsumer<String, byte[]> reader = kafka.readerWithoutGroup("newsflow-index-upgrade-" + ProcessHandle.current().pid())) {
            CompactedTopic.readToEnd(reader, topic, null, Duration.ofHours(6), record -> {
                replay.records++;
                add(replay, record, clock);
                if (replay.pending.size() >= chunk) {
                    flush(indexer, replay);
                }
                if (replay.records % 10_000 == 0) {
                    log.info("upgrade to version {}: {} records of {} replayed", target, replay.records, topic);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (InterruptedRuntime e) {
            throw e.interrupted;
        }
        flush(indexer, replay);
        deleteMisplacedAndDeleted(replay);
        log.info("upgrade to version {}: {} records replayed, {} articles written, {} refused", target, replay.records,
                replay.ids.size(), replay.rejected.size());
        return replay;
    }

    private void add(Replay replay, ConsumerRecord<String, byte[]> record, Clock clock) {
        if (record.value() == null) {
            // a tombstone deletes the article: drop what an earlier record of it wrote
            if (record.key() != null && replay.ids.containsKey(record.key())) {
                replay.earlierIndices.computeIfAbsent(record.key(), k -> new HashSet<>()).add(replay.ids.remove(record.key()));
            }
            replay.superseded++;
            return;
        }
        Article article;
        String month;
        try {
            article = JsonCodec.ARTICLE.decode(record.value());
            month = names.forArticle(article).orElseThrow();
        } catch (RuntimeException e) {
            replay.undecodable++;
            return;
        }
        String earlier = replay.ids.put(article.id(), month);
        if (earlier != null) {
            replay.superseded++;
            if (!earlier.equals(month)) {
                replay.earlierIndices.computeIfAbsent(article.id(), k -> new HashSet<>()).add(earlier);
            }
        }
        replay.pending.add(new IndexItem<>(month, ArticleDocuments.from(article, clock.instant()), article.id()));
    }

    private void flush(BulkIndexer indexer, Replay replay) {
        if (replay.pending.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + CHUNK_DEADLINE.toNanos();
        try {
            BulkResult<String> result = indexer.index(List.copyOf(replay.pending), Thread::sleep,
                    () -> System.nanoTime() > deadline);
            result.rejected().forEach(r -> {
                replay.rejected.add(r.item().id() + ": " + r.errorType() + " " + r.error());
                replay.ids.remove(r.item().id());
            });
        } catch (BulkIndexer.StoppedException e) {
            throw new UncheckedIOException(new IOException("Elasticsearch did not take the articles within "
                    + CHUNK_DEADLINE.toMinutes() + " minutes; nothing was switched", e));
        } catch (InterruptedException e) {
            throw new InterruptedRuntime(e);
        }
        replay.pending.clear();
    }

    /** An article whose month changed between its records, or that was deleted, leaves no stray document. */
    private void deleteMisplacedAndDeleted(Replay replay) throws IOException {
        for (Map.Entry<String, Set<String>> stray : replay.earlierIndices.entrySet()) {
            String id = stray.getKey();
            for (String earlier : stray.getValue()) {
                if (earlier.equals(replay.ids.get(id))) {
                    continue; // moved back to where it is now
                }
                try {
                    es.delete(d -> d.index(earlier).id(id));
                } catch (ElasticsearchException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Carries an interruption out of the topic reader's callback. */
    private static final class InterruptedRuntime extends RuntimeException {
        final InterruptedException interrupted;

        InterruptedRuntime(InterruptedException interrupted) {
            super(interrupted);
            this.interrupted = interrupted;
        }
    }
}
