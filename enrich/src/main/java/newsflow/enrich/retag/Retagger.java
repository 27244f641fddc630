package newsflow.enrich.retag;

import newsflow.common.kafka.JsonCodec;
import newsflow.common.model.Article;
import newsflow.common.model.TopicScore;
import newsflow.enrich.topics.TopicTagger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Recomputes the topics of every article in the articles log without refetching anything: the latest record of
 * each article id is decoded, its title and body go through the {@link TopicTagger} (rules, watch-topics, model),
 * and when the topics differ the article, otherwise unchanged, is written back to the log under the same key. The
 * index stage then overwrites the same Elasticsearch document (its id is the article id), so the index is updated
 * in place, with the bulk, backoff and dead-letter handling it has for every article.
 *
 * <p>Two passes over the log keep memory to one position per article rather than one article: the first finds the
 * latest offset of every id, the second re-tags only the records at those offsets. An unchanged article is not
 * written, so re-running with the same configuration writes nothing.
 */
final class Retagger {

    private static final Logger log = LoggerFactory.getLogger(Retagger.class);

    private final RecordScan scan;
    private final TopicTagger tagger;
    private final Producer<String, Article> producer;
    private final String topic;

    /**
     * @param producer where changed articles go, or null for a dry run that only counts
     * @param topic    the topic they are written to (the log's own)
     */
    public Retagger(RecordScan scan, TopicTagger tagger, Producer<String, Article> producer, String topic) {
        this.scan = scan;
        this.tagger = tagger;
        this.producer = producer;
        this.topic = topic;
    }

    private record Position(int partition, long offset) {
    }

    public RetagReport run() throws InterruptedException {
        Map<String, Position> latest = new HashMap<>();
        scan.forEach(r -> {
            if (r.key() != null) {
                latest.put(r.key(), new Position(r.partition(), r.offset()));
            }
        });

        Counts counts = new Counts();
        List<Pending> sends = new ArrayList<>();
        scan.forEach(r -> {
            counts.records++;
            if (r.key() == null) {
                counts.articles++;
                counts.undecodable++;
                log.warn("retag: record without a key at {}; left alone", where(r));
                return;
            }
            if (!new Position(r.partition(), r.offset()).equals(latest.get(r.key()))) {
                return; // an older version: a later record replaces it
            }
            counts.articles++;
            Article article;
            try {
                article = JsonCodec.ARTICLE.decode(r.value());
            } catch (RuntimeException e) {
                counts.undecodable++;
                log.warn("retag: the latest record of article {} at {} is no readable article ({}); left alone",
                        r.key(), where(r), e.getMessage());
                return;
            }
            List<TopicScore> topics = tagger.tag(article.title(), article.body());
            if (topics.equals(article.topics())) {
                counts.unchanged++;
                return;
            }
            counts.changed++;
            diff(article.topics(), topics, counts);
            if (producer != null) {
                Article retagged = article.withTopics(topics);
                try {
                    sends.add(new Pending(retagged.id(), producer.send(new ProducerRecord<>(topic, r.key(), retagged))));
                } catch (KafkaException | UncheckedIOException e) {
                    // refused before it was sent (too large, not serializable): this article only
                    counts.failed++;
                    log.error("retag: article {} cannot be written back to {}: {}", retagged.id(), topic, e.toString());
                }
            }
        });
        if (producer != null) {
            producer.flush();
        }
        for (Pending p : sends) {
            try {
                p.ack().get();
                counts.written++;
            } catch (ExecutionException e) {
                counts.failed++;
                log.error("retag: writing article {} back to {} failed: {}", p.id(), topic, e.getCause().toString());
            }
        }
        return new RetagReport(counts.records, counts.articles, counts.changed, counts.unchanged, counts.undecodable,
                counts.written, counts.failed, counts.added, counts.removed, List.of());
    }

    private record Pending(String id, Future<RecordMetadata> ack) {
    }

    /** Mutable tallies of one run (the scan callback cannot assign locals). */
    private static final class Counts {
        long records;
        long articles;
        long changed;
        long unchanged;
        long undecodable;
        long written;
        long failed;
        final Map<String, Long> added = new TreeMap<>();
        final Map<String, Long> removed = new TreeMap<>();
    }

    private static void diff(List<TopicScore> before, List<TopicScore> after, Counts counts) {
        Set<String> was = labels(before);
        Set<String> is = labels(after);
        for (String label : is) {
            if (!was.contains(label)) {
                counts.added.merge(label, 1L, Long::sum);
            }
        }
        for (String label : was) {
            if (!is.contains(label)) {
                counts.removed.merge(label, 1L, Long::sum);
            }
        }
    }

    private static Set<String> labels(List<TopicScore> topics) {
        Set<String> out = new LinkedHashSet<>();
        for (TopicScore t : topics) {
            out.add(t.name() + "/" + t.source());
        }
        return out;
    }

    private static String where(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }
}
