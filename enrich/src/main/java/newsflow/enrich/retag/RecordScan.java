package newsflow.enrich.retag;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Consumer;

/** A log of records that can be read from its start more than once, always up to the same end. */
@FunctionalInterface
interface RecordScan {

    /** Hands every record up to the end fixed when the scan was created to {@code each}, in offset order per partition. */
    void forEach(Consumer<ConsumerRecord<String, byte[]>> each);
}
