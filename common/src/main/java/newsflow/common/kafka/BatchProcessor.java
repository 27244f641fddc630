package newsflow.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a Kafka stage does with its records; the {@link StageLoop} does the consuming, committing and retrying.
 *
 * @param <T> a record's decoded value
 */
public interface BatchProcessor<T> {

    /** Decodes one record; a record that can never be processed throws and is dead-lettered by the loop. */
    T decode(ConsumerRecord<String, byte[]> record) throws PoisonRecordException;

    /**
     * Processes a batch and returns once every output of it (records produced, dead letters, documents written)
     * is acknowledged; only then are its offsets committed. Throwing fails the whole batch: the loop rewinds its
     * partitions and retries them after a backoff, so throw only for failures that are not one record's fault
     * (a broker or node down); dead-letter a record that is. Should finish by {@link Batch#deadline()} and stop
     * early when {@link Batch#cancelled()}.
     */
    void process(Batch<T> batch) throws Exception;
}
