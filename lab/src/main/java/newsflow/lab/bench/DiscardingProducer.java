package newsflow.lab.bench;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * An in-memory stand-in for the broker: serializes each record as the real producer would, acknowledges it at
 * once, counts it and forgets it (a plain MockProducer keeps every record, which would show up as heap the
 * scheduler does not use).
 */
final class DiscardingProducer<K, V> extends MockProducer<K, V> {

    private final LongAdder sent = new LongAdder();

    DiscardingProducer(Serializer<K> keys, Serializer<V> values) {
        super(true, null, keys, values);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        Future<RecordMetadata> ack = super.send(record, callback);
        sent.increment();
        clear();
        return ack;
    }

    long sent() {
        return sent.sum();
    }
}
