package newsflow.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;
import newsflow.common.model.DeadLetter;
import newsflow.common.model.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends records a stage could not process to the dead-letter topic, with the original payload, where it was read
 * from and the cause, so that {@code newsflow dead-letter replay} can republish it after a fix. Counts what it
 * delivered ({@value MeterNames#DEAD_LETTERS}) and what it had to drop ({@value MeterNames#DEAD_LETTERS_DROPPED}).
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** Payload kept in a dead letter the broker refused as too large at full size. */
    public static final int MAX_TRUNCATED_PAYLOAD = 64 * 1024;

    /** How a dead letter ended up. */
    public enum Delivery {
        SENT,
        /** Refused at full size; sent again with the payload cut to {@value #MAX_TRUNCATED_PAYLOAD} bytes. */
        TRUNCATED,
        /** Refused even truncated: logged at ERROR and skipped, so one record cannot wedge its partition. */
        DROPPED
    }

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String stage;
    private final Counter delivered;
    private final Counter dropped;

    public DeadLetters(Producer<String, byte[]> producer, String topic, String stage) {
        this(producer, topic, stage, Metrics.registry());
    }

    public DeadLetters(Producer<String, byte[]> producer, String topic, String stage, MeterRegistry meters) {
        this.producer = producer;
        this.topic = topic;
        this.stage = stage;
        // registered now, so the series exist at 0 before the first failure (an alert on their increase needs that)
        this.delivered = meters.counter(MeterNames.DEAD_LETTERS, "stage", stage);
        this.dropped = meters.counter(MeterNames.DEAD_LETTERS_DROPPED, "stage", stage);
    }

    /** Dead-letters a consumed record. The returned future completes when the broker acknowledged it. */
    private Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, String error, String errorType) {
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        return send(new DeadLetter(Schema.VERSION, stage, record.topic(), record.partition(), record.offset(),
                record.key(), payload, error, errorType, Instant.now(), false));
    }

    /**
     * Dead-letters a consumed record and waits for the broker's acknowledgement. A refusal that is the letter's
     * own fault (too large, unserialisable) gets it sent again with the payload cut to
     * {@value #MAX_TRUNCATED_PAYLOAD} bytes, and if that is refused too, the record is logged and skipped.
     *
     * @throws ExecutionException the broker failed for another reason (down, timeout): the caller must not commit
     *                            past the record
     */
    public Delivery deliver(ConsumerRecord<String, byte[]> record, String error, String errorType)
            throws InterruptedException, ExecutionException {
        try {
            send(record, error, errorType).get();
            delivered.increment();
            return Delivery.SENT;
        } catch (ExecutionException e) {
            if (!isRecordsOwnFault(e.getCause())) {
                throw e;
            }
            log.warn("dead letter for {} rejected by the broker ({}); sending it truncated", where(record), e.getCause().toString());
            try {
                sendTruncated(record, error, errorType, e.getCause()).get();
                delivered.increment();
                return Delivery.TRUNCATED;
            } catch (ExecutionException again) {
                if (!isRecordsOwnFault(again.getCause())) {
                    throw again;
                }
                log.error("dead letter for {} rejected even truncated ({}); skipping the record, key={}: {}",
                        where(record), again.getCause().toString(), record.key(), error);
                dropped.increment();
                return Delivery.DROPPED;
            }
        }
    }

    /** True when the broker refused a record for something about the record itself, so resending it cannot help. */
    public static boolean isRecordsOwnFault(Throwable t) {
        return t instanceof RecordTooLargeException || t instanceof SerializationException
                || t instanceof InvalidRecordException;
    }

    private Future<RecordMetadata> sendTruncated(ConsumerRecord<String, byte[]> record, String error, String errorType,
                                                 Throwable cause) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        int kept = Math.min(value.length, MAX_TRUNCATED_PAYLOAD);
        String payload = new String(value, 0, kept, StandardCharsets.UTF_8);
        String why = error + " [from " + where(record) + "; payload truncated to " + kept + " of " + value.length
                + " bytes because the full dead letter was rejected: " + cause + "]";
        return send(new DeadLetter(Schema.VERSION, stage, record.topic(), record.partition(), record.offset(),
                record.key(), payload, why, errorType, Instant.now(), true));
    }

    /** {@code topic-partition@offset}, how log lines name a record. */
    public static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private Future<RecordMetadata> send(DeadLetter letter) {
        return producer.send(new ProducerRecord<>(topic, letter.key(), JsonCodec.DEAD_LETTER.encode(letter)));
    }
}
