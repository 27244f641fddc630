package newsflow.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One poll's decodable records, handed to a {@link BatchProcessor}.
 *
 * @param items     the records in poll order (per partition in offset order), each with its decoded value
 * @param deadline  when the processor should have finished: half of {@code max.poll.interval.ms} after the batch
 *                  started; work still pending then should be cut short (a fallback, or a failure of the batch)
 * @param cancelled true once the loop abandoned the batch (stopping, or past its hard limit): nothing of it
 *                  will be committed, so the processor may stop at once
 */
public record Batch<T>(List<Item<T>> items, Instant deadline, BooleanSupplier cancelled) {

    public Batch {
        items = List.copyOf(items);
    }

    /** A record and its decoded value. */
    public record Item<T>(ConsumerRecord<String, byte[]> record, T value) {
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
