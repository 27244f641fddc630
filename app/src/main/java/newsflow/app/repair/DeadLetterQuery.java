package newsflow.app.repair;

import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.model.DeadLetter;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which dead letters an operator means: of a stage, since a time, with given ids or a given record key. Empty
 * criteria select everything.
 *
 * @param stage the stage that gave up, null for any
 * @param since dead-lettered at or after, null for any time
 * @param ids   dead-letter ids ({@code partition@offset}), empty for any
 * @param key   the original record's key (the article id), null for any
 */
public record DeadLetterQuery(String stage, Instant since, Set<String> ids, String key) {

    public DeadLetterQuery {
        ids = Set.copyOf(ids);
        for (String id : ids) {
            if (!id.matches("\\d{1,9}@\\d{1,19}")) {
                throw new IllegalArgumentException("'" + id + "' is not a dead-letter id: they look like 0@17 "
                        + "(partition@offset in the dead-letter topic, as `newsflow dead-letter list` shows them)");
            }
        }
    }

    public boolean isEmpty() {
        return stage == null && since == null && ids.isEmpty() && key == null;
    }

    boolean matches(StoredDeadLetter d) {
        DeadLetter l = d.letter();
        return (stage == null || stage.equals(l.stage()))
                && (since == null || (l.time() != null && !l.time().isBefore(since)))
                && (ids.isEmpty() || ids.contains(d.id()))
                && (key == null || key.equals(l.key()));
    }

    /** What a read of the dead-letter topic found. */
    public record Found(List<StoredDeadLetter> letters, long unreadable) {
    }

    /**
     * Reads the dead-letter topic (from {@link #since} when set, through the broker's time index) to its end and
     * hands every matching dead letter to {@code each}, oldest first per partition.
     *
     * @return how many records were not readable as dead letters
     */
    public long read(KafkaClients kafka, Duration timeout, Consumer<StoredDeadLetter> each) {
        Set<Integer> partitions = null;
        if (!ids.isEmpty()) {
            partitions = new LinkedHashSet<>();
            for (String id : ids) {
                partitions.add(Integer.parseInt(id.substring(0, id.indexOf('@'))));
            }
        }
        long[] unreadable = {0};
        try (KafkaConsumer<String, byte[]> reader = kafka.readerWithoutGroup("newsflow-dead-letters-" + ProcessHandle.current().pid())) {
            CompactedTopic.readToEnd(reader, kafka.topics().deadLetter(), partitions, since, timeout, r -> {
                DeadLetter letter;
                try {
                    letter = JsonCodec.DEAD_LETTER.decode(r.value());
                } catch (RuntimeException e) {
                    unreadable[0]++;
                    return;
                }
                StoredDeadLetter stored = new StoredDeadLetter(r.partition(), r.offset(), letter);
                if (matches(stored)) {
                    each.accept(stored);
                }
            });
        }
        return unreadable[0];
    }

    /** Every matching dead letter. */
    public Found readAll(KafkaClients kafka, Duration timeout) {
        List<StoredDeadLetter> letters = new ArrayList<>();
        long unreadable = read(kafka, timeout, letters::add);
        return new Found(letters, unreadable);
    }
}
