package newsflow.common.kafka;

import newsflow.common.model.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLettersTest {

    final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    final DeadLetters deadLetters = new DeadLetters(producer, "nf.dead-letter", "enrich");
    final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("nf.entries", 0, 7, "key-7",
            "x".repeat(200_000).getBytes(StandardCharsets.UTF_8));

    CompletableFuture<DeadLetters.Delivery> deliverInBackground() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return deadLetters.deliver(record, "decode: not json", "java.io.UncheckedIOException");
            } catch (InterruptedException | ExecutionException e) {
                throw new CompletionException(e);
            }
        });
    }

    void awaitSends(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producer.history().size() < n) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    @Test
    void deadLetterRejectedAsTooLargeIsResentTruncatedWithItsPosition() throws Exception {
        CompletableFuture<DeadLetters.Delivery> done = deliverInBackground();
        awaitSends(1);
        producer.errorNext(new RecordTooLargeException("dead letter too large"));
        awaitSends(2);
        producer.completeNext();

        assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(DeadLetters.Delivery.TRUNCATED);
        DeadLetter truncated = JsonCodec.DEAD_LETTER.decode(producer.history().get(1).value());
        assertThat(truncated.payload()).hasSize(DeadLetters.MAX_TRUNCATED_PAYLOAD);
        assertThat(truncated.key()).isEqualTo("key-7");
        assertThat(truncated.offset()).isEqualTo(7);
        assertThat(truncated.error()).startsWith("decode: not json").contains("from nf.entries-0@7")
                .contains("payload truncated to 65536 of 200000 bytes");
        assertThat(truncated.payloadTruncated()).isTrue();
        assertThat(truncated.replayable()).as("a cut payload is not the original").isFalse();
        assertThat(JsonCodec.DEAD_LETTER.decode(producer.history().get(0).value()).replayable()).isTrue();
    }

    @Test
    void deadLetterWrittenBeforeTheTruncationFlagReadsAsComplete() {
        DeadLetter old = JsonCodec.DEAD_LETTER.decode("""
                {"schemaVersion":1,"stage":"index","sourceTopic":"nf.articles","partition":2,"offset":40,"key":"k",
                 "payload":"{}","error":"invalid: no time","errorType":"x","time":"2026-01-01T00:00:00Z"}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(old.payloadTruncated()).isFalse();
        assertThat(old.replayable()).isTrue();
    }

    @Test
    void deadLetterRejectedEvenTruncatedIsDroppedRatherThanWedgingThePartition() throws Exception {
        CompletableFuture<DeadLetters.Delivery> done = deliverInBackground();
        awaitSends(1);
        producer.errorNext(new RecordTooLargeException("too large"));
        awaitSends(2);
        producer.errorNext(new RecordTooLargeException("still too large"));

        assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(DeadLetters.Delivery.DROPPED);
    }

    @Test
    void brokerFailureIsTheCallersToRetry() throws Exception {
        CompletableFuture<DeadLetters.Delivery> done = deliverInBackground();
        awaitSends(1);
        producer.errorNext(new TimeoutException("broker unavailable"));

        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(producer.history()).hasSize(1);
    }
}
