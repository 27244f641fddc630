package newsflow.ingest.publish;

import newsflow.common.kafka.JsonCodec;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryPublisherTest {

    private static FeedEntry entry(String id) {
        return new FeedEntry(Schema.VERSION, id, "https://f.example/rss", "F", "https://f.example/" + id, null, "T " + id,
                null, null, List.of(), null, null, List.of(), List.of(), Instant.parse("2024-05-01T09:00:00Z"));
    }

    @Test
    void sendsEveryEntryKeyedByIdToTheEntriesTopic() throws Exception {
        MockProducer<String, FeedEntry> producer =
                new MockProducer<>(true, null, new StringSerializer(), JsonCodec.FEED_ENTRY.serializer());
        EntryPublisher publisher = new EntryPublisher(producer, "t.entries", Duration.ofSeconds(5));

        publisher.publish(List.of(entry("a"), entry("b")));

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("t.entries");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a", "b");
        assertThat(producer.history()).extracting(r -> r.value().title()).containsExactly("T a", "T b");
    }

    @Test
    void anyUnacknowledgedEntryFailsTheBatch() {
        MockProducer<String, FeedEntry> producer =
                new MockProducer<>(false, null, new StringSerializer(), JsonCodec.FEED_ENTRY.serializer());
        EntryPublisher publisher = new EntryPublisher(producer, "t.entries", Duration.ofSeconds(5));
        Thread broker = new Thread(() -> {
            while (!producer.completeNext()) {
                Thread.onSpinWait();
            }
            while (!producer.errorNext(new NotEnoughReplicasException("only 1 of 3 replicas"))) {
                Thread.onSpinWait();
            }
        });
        broker.start();

        assertThatThrownBy(() -> publisher.publish(List.of(entry("a"), entry("b"))))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("entry b")
                .hasMessageContaining("only 1 of 3 replicas");
    }

    @Test
    void missingAcknowledgementsTimeOut() {
        MockProducer<String, FeedEntry> producer =
                new MockProducer<>(false, null, new StringSerializer(), JsonCodec.FEED_ENTRY.serializer());
        EntryPublisher publisher = new EntryPublisher(producer, "t.entries", Duration.ofMillis(200));

        assertThatThrownBy(() -> publisher.publish(List.of(entry("a"))))
                .isInstanceOf(PublishException.class).hasMessageContaining("not acknowledged");
    }
}
