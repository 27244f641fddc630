package newsflow.common.kafka;

import newsflow.common.json.Json;
import newsflow.common.model.Article;
import newsflow.common.model.DeadLetter;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.function.ToIntFunction;

/**
 * Encodes and decodes one record type on the wire. Consumers read raw bytes and decode with
 * {@link #decode(byte[])} inside their own error handling, so a record that cannot be decoded goes to the
 * dead-letter topic instead of wedging the consumer in its poll loop.
 */
public final class JsonCodec<T> {

    public static final JsonCodec<FeedEntry> FEED_ENTRY = new JsonCodec<>(FeedEntry.class, FeedEntry::schemaVersion);
    public static final JsonCodec<Article> ARTICLE = new JsonCodec<>(Article.class, Article::schemaVersion);
    public static final JsonCodec<DeadLetter> DEAD_LETTER = new JsonCodec<>(DeadLetter.class, DeadLetter::schemaVersion);

    /** Reason (dead letter, failure metric tag) of a record written by code with a newer schema. */
    public static final String NEWER_SCHEMA = "schema-version";

    private final Class<T> type;
    private final ToIntFunction<T> versionOf;

    private JsonCodec(Class<T> type, ToIntFunction<T> versionOf) {
        this.type = type;
        this.versionOf = versionOf;
    }

    /**
     * Decodes a consumed record for a stage. A record written by newer code ({@code schemaVersion} above
     * {@link Schema#VERSION}) is poison with reason {@value #NEWER_SCHEMA}, also when that is what keeps it from
     * decoding; any other record that cannot be decoded is poison with {@code unreadableReason}.
     */
    public T decodeRecord(byte[] payload, String unreadableReason) throws PoisonRecordException {
        T value;
        try {
            value = decode(payload);
        } catch (RuntimeException e) {
            requireKnownVersion(versionIn(payload));
            throw new PoisonRecordException(unreadableReason, e);
        }
        requireKnownVersion(versionOf.applyAsInt(value));
        return value;
    }

    private static void requireKnownVersion(int version) throws PoisonRecordException {
        try {
            Schema.requireKnown(version);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(NEWER_SCHEMA, e);
        }
    }

    /** The {@code schemaVersion} of a payload that did not decode, 0 when it has none or is no JSON at all. */
    private static int versionIn(byte[] payload) {
        if (payload == null) {
            return 0;
        }
        try {
            return Json.mapper().readTree(payload).path("schemaVersion").asInt(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
