package newsflow.common.kafka;

import newsflow.common.model.DeadLetter;
import newsflow.common.model.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Future;

/** Sends records a stage could not process to the dead-letter topic, with the original payload and the cause. */
public final class DeadLetters {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String stage;

    public DeadLetters(Producer<String, byte[]> producer, String topic, String stage) {
        this.producer = producer;
        this.topic = topic;
        this.stage = stage;
    }

    /** Dead-letters a consumed record. The returned future completes when the broker acknowledged it. */
    public Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, String error, String errorType) {
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        return send(new DeadLetter(Schema.VERSION, stage, record.topic(), record.partition(), record.offset(),
                record.key(), payload, error, errorType, Instant.now()));
    }

    /** Dead-letters something that did not come from Kafka (for example a feed item that could not be mapped). */
    public Future<RecordMetadata> send(String key, String payload, String error, String errorType) {
        return send(new DeadLetter(Schema.VERSION, stage, null, -1, -1, key, payload, error, errorType, Instant.now()));
    }

    private Future<RecordMetadata> send(DeadLetter letter) {
        return producer.send(new ProducerRecord<>(topic, letter.key(), JsonCodec.DEAD_LETTER.encode(letter)));
    }
}
