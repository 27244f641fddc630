package newsflow.search.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.json.Json;
import newsflow.common.kafka.Batch;
import newsflow.common.kafka.BatchProcessor;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.PoisonRecordException;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.Article;
import newsflow.index.document.ArticleDocument;
import newsflow.index.document.ArticleDocuments;
import newsflow.search.saved.SavedSearch;
import newsflow.search.saved.SavedSearchStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Matches each article of the articles topic against every saved search and writes one alert per match, once per
 * article and saved search ever:
 * <ul>
 *   <li>the alert's key is {@code savedSearchId:articleId}, and before each batch the processor reads the alerts
 *   topic to its end ({@link AlertedKeys}); a key already there is not written again, whichever instance wrote it
 *   and however the article came back (a replay after a crash, enrich redoing it, a retag, a reset consumer
 *   group);</li>
 *   <li>the batch's offsets are committed only after every alert of it was acknowledged, so a crash loses none:
 *   the replay writes those that did not make it and skips those that did;</li>
 *   <li>alerts expire after {@code alerts.retention}, and an article enrich made longer ago than that is not
 *   matched: an article young enough to match is one whose earlier alert (written after the article was made)
 *   is still on the topic;</li>
 *   <li>an article made before a saved search existed (or before its query last changed) does not match it:
 *   alerts are about what is new.</li>
 * </ul>
 */
final class MatchProcessor implements BatchProcessor<Article> {

    private static final Logger log = LoggerFactory.getLogger(MatchProcessor.class);

    private final SavedSearchStore store;
    private final AlertedKeys alerted;
    /** Set once the stage knows the index's analyzer, before the first batch. */
    private final Supplier<SavedSearchMatcher> matcher;
    private final Producer<String, byte[]> producer;
    private final String alertsTopic;
    private final Duration retention;
    private final Clock clock;
    private final MeterRegistry meters;

    MatchProcessor(SavedSearchStore store, AlertedKeys alerted, Supplier<SavedSearchMatcher> matcher,
                   Producer<String, byte[]> producer, String alertsTopic, Duration retention, Clock clock,
                   MeterRegistry meters) {
        this.store = store;
        this.alerted = alerted;
        this.matcher = matcher;
        this.producer = producer;
        this.alertsTopic = alertsTopic;
        this.retention = retention;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Article decode(ConsumerRecord<String, byte[]> record) throws PoisonRecordException {
        return JsonCodec.ARTICLE.decodeRecord(record.value(), "undecodable");
    }

    @Override
    public void process(Batch<Article> batch) throws Exception {
        List<SavedSearch> searches = store.all();
        SavedSearchMatcher matcher = this.matcher.get();
        matcher.retain(searches);
        if (searches.isEmpty()) {
            return;
        }
        alerted.catchUp();
        Instant now = clock.instant();
        Instant oldest = now.minus(retention);
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Set<String> written = new HashSet<>();
        int matched = 0;
        for (Batch.Item<Article> item : batch.items()) {
            if (batch.isCancelled()) {
                return; // abandoned: nothing of it is committed
            }
            Article article = item.value();
            Instant made = article.processedAt() != null ? article.processedAt() : Instant.ofEpochMilli(item.record().timestamp());
            if (made.isBefore(oldest)) {
                continue; // its alerts may have expired: matching it again could alert twice
            }
            List<SavedSearch> eligible = searches.stream().filter(s -> !made.isBefore(s.matchesSince())).toList();
            if (eligible.isEmpty()) {
                continue;
            }
            ArticleDocument doc;
            try {
                doc = ArticleDocuments.from(article, now);
            } catch (IllegalArgumentException e) {
                log.warn("article at {}-{}@{} not matched: {}", item.record().topic(), item.record().partition(),
                        item.record().offset(), e.getMessage());
                continue; // the index stage dead-letters it
            }
            matched++;
            for (SavedSearch search : matcher.matching(doc, eligible)) {
                String key = Alert.key(search.id(), doc.id());
                if (alerted.contains(key) || !written.add(key)) {
                    continue;
                }
                Alert alert = Alert.of(search, doc, now);
                sends.add(producer.send(new ProducerRecord<>(alertsTopic, key, Json.writeBytes(alert))));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(); // not acknowledged: the batch fails, is not committed, and is replayed
        }
        written.forEach(alerted::add);
        meters.counter(MeterNames.ALERTS_ARTICLES_MATCHED).increment(matched);
        meters.counter(MeterNames.ALERTS_CREATED).increment(written.size());
        if (!written.isEmpty()) {
            log.info("{} alerts from {} articles against {} saved searches", written.size(), matched, searches.size());
        }
    }
}
