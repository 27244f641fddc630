package newsflow.app.repair;

import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.DeadLetter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Republishes the original records of dead letters to the topics they were read from (a stage's input), so the
 * stage processes them again, after the cause was fixed. The record goes out with its original key and payload;
 * the stages' writes are keyed by article id, so a record that is processed twice ends up once.
 *
 * <p>Skipped, each with its reason: a dead letter whose original did not come from Kafka, was a tombstone, or
 * was truncated when dead-lettered (the original is not all there); one whose source is not an input topic of
 * this configuration's stages; a second dead letter of a record already selected.
 */
public final class DeadLetterReplay {

    private static final long ACK_SECONDS = 60;

    private DeadLetterReplay() {
    }

    /**
     * @param replayed where each republished record went, by dead-letter id ({@code topic-partition@offset})
     * @param skipped  why each other dead letter was not republished, by dead-letter id
     */
    public record Outcome(Map<String, String> replayed, Map<String, String> skipped) {
    }

    /** Which of {@code letters} would be replayed, and why the others would not. */
    public static Outcome plan(Topics topics, List<StoredDeadLetter> letters) {
        Set<String> inputs = Set.of(topics.entries(), topics.articles());
        Map<String, String> replay = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> firstOfSource = new HashMap<>();
        for (StoredDeadLetter d : letters) {
            DeadLetter l = d.letter();
            String why = null;
            if (l.sourceTopic() == null) {
                why = "the record did not come from Kafka: nothing to republish";
            } else if (l.payload() == null) {
                why = "the record was a tombstone: republishing it would delete the key from " + l.sourceTopic();
            } else if (l.payloadTruncated()) {
                why = "its payload was truncated when it was dead-lettered: the original is not all there";
            } else if (!inputs.contains(l.sourceTopic())) {
                why = "read from " + l.sourceTopic() + ", not the input of a stage of this configuration (" + inputs
                        + "; check kafka.topicPrefix)";
            } else if (firstOfSource.containsKey(d.source())) {
                why = "the same record as dead letter " + firstOfSource.get(d.source());
            }
            if (why == null) {
                firstOfSource.put(d.source(), d.id());
                replay.put(d.id(), l.sourceTopic());
            } else {
                skipped.put(d.id(), why);
            }
        }
        return new Outcome(replay, skipped);
    }

    /**
     * Republishes what {@link #plan} selects and waits until the broker acknowledged every record.
     *
     * @throws IllegalStateException when the broker did not take them all; the ones it did are named
     */
    public static Outcome replay(KafkaClients kafka, List<StoredDeadLetter> letters) throws InterruptedException {
        Outcome plan = plan(kafka.topics(), letters);
        Map<String, StoredDeadLetter> byId = new HashMap<>();
        letters.forEach(d -> byId.put(d.id(), d));
        Map<String, String> replayed = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = kafka.bytesProducer("newsflow-dead-letter-replay-" + ProcessHandle.current().pid())) {
            Map<String, Future<RecordMetadata>> sends = new LinkedHashMap<>();
            for (String id : plan.replayed().keySet()) {
                DeadLetter l = byId.get(id).letter();
                sends.put(id, producer.send(new ProducerRecord<>(l.sourceTopic(), l.key(),
                        l.payload().getBytes(StandardCharsets.UTF_8))));
            }
            List<String> failed = new ArrayList<>();
            for (Map.Entry<String, Future<RecordMetadata>> send : sends.entrySet()) {
                try {
                    RecordMetadata m = send.getValue().get(ACK_SECONDS, TimeUnit.SECONDS);
                    replayed.put(send.getKey(), m.topic() + "-" + m.partition() + "@" + m.offset());
                } catch (ExecutionException | TimeoutException e) {
                    failed.add(send.getKey() + " (" + (e.getCause() != null ? e.getCause() : e) + ")");
                }
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException("the broker did not take " + failed.size() + " of " + sends.size()
                        + " records: " + failed + "; republished: " + replayed.keySet()
                        + ". Replaying those again is harmless (writes are keyed by article id).");
            }
        }
        return new Outcome(replayed, plan.skipped());
    }
}
