package newsflow.ingest.publish;

import newsflow.common.model.FeedEntry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Produces entries to the entries topic keyed by article id and waits until the broker acknowledged all of them. */
public final class EntryPublisher implements AutoCloseable {

    private final Producer<String, FeedEntry> producer;
    private final String topic;
    private final Duration timeout;

    /** @param timeout how long to wait for the acknowledgements of one batch */
    public EntryPublisher(Producer<String, FeedEntry> producer, String topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    /**
     * Sends every entry and returns once all are acknowledged.
     *
     * @throws PublishException when any entry was not acknowledged; the caller must then not record the batch
     *                          as published (sending it again later is harmless: consumers are idempotent by id)
     */
    public void publish(List<FeedEntry> entries) throws PublishException {
        if (entries.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(entries.size());
        try {
            for (FeedEntry e : entries) {
                acks.add(producer.send(new ProducerRecord<>(topic, e.id(), e)));
            }
            // No flush(): the producer sends within linger.ms anyway, and waiting on each future is what tells
            // acknowledged from failed.
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < acks.size(); i++) {
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    acks.get(i).get(left, TimeUnit.NANOSECONDS);
                } catch (ExecutionException ex) {
                    throw new PublishException("entry " + entries.get(i).id() + " (" + entries.get(i).link()
                            + ") not acknowledged: " + ex.getCause().getMessage(), ex.getCause());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing " + entries.size() + " entries", ex);
        } catch (TimeoutException ex) {
            throw new PublishException("entries not acknowledged within " + timeout, ex);
        } catch (RuntimeException ex) {
            throw new PublishException("cannot publish entries: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
