package newsflow.common.kafka;

import newsflow.common.json.Json;
import newsflow.common.model.Article;
import newsflow.common.model.DeadLetter;
import newsflow.common.model.FeedEntry;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Encodes and decodes one record type on the wire. Consumers read raw bytes and decode with
 * {@link #decode(byte[])} inside their own error handling, so a record that cannot be decoded goes to the
 * dead-letter topic instead of wedging the consumer in its poll loop.
 */
public final class JsonCodec<T> {

    public static final JsonCodec<FeedEntry> FEED_ENTRY = new JsonCodec<>(FeedEntry.class);
    public static final JsonCodec<Article> ARTICLE = new JsonCodec<>(Article.class);
    public static final JsonCodec<DeadLetter> DEAD_LETTER = new JsonCodec<>(DeadLetter.class);

    private final Class<T> type;

    private JsonCodec(Class<T> type) {
        this.type = type;
    }

    public byte[] encode(T value) {
        return Json.writeBytes(value);
    }

    /** @throws java.io.UncheckedIOException when the payload is not a valid record of this type */
    public T decode(byte[] payload) {
        if (payload == null) {
            throw new IllegalArgumentException("empty payload (tombstone) where a " + type.getSimpleName() + " was expected");
        }
        return Json.read(payload, type);
    }

    /** A Kafka serializer for producers of this type. */
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }
}
