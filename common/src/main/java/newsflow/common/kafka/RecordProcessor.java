package newsflow.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;

/**
 * What a stage that works record by record does with each record; the {@link RecordLoop} consumes, commits and
 * retries. Unlike a {@link BatchProcessor}, records are handed over one at a time as they arrive, each on its own
 * thread, so a slow record does not hold up the ones after it.
 *
 * @param <T> a record's decoded value
 */
public interface RecordProcessor<T> {

    /** Decodes one record; a record that can never be processed throws and is dead-lettered by the loop. */
    T decode(ConsumerRecord<String, byte[]> record) throws PoisonRecordException;

    /**
     * Processes one record and returns once every output of it (records produced, dead letters) is acknowledged;
     * only then may its offset be committed. Throwing fails the record's partition: the loop rewinds it to its
     * first unacknowledged record and retries after a backoff, so throw only for failures that are not the record's
     * fault (a broker down); dead-letter a record that is. Should finish by {@code deadline} and stop early when its
     * thread is interrupted (the loop gave the record up: its partition was revoked, failed or the loop stops).
     */
    void process(ConsumerRecord<String, byte[]> record, T value, Instant deadline) throws Exception;
}
