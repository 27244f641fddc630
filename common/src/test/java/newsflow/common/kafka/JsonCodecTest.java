package newsflow.common.kafka;

import newsflow.common.model.Schema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a stage decodes what it consumes: records of a newer schema are refused with that reason. */
class JsonCodecTest {

    static final String ARTICLE = """
            {"schemaVersion":%d,"id":"a1","url":"https://harbour.example/news/ferry","title":"Ferry","body":"Boats.",
             "wordCount":1,"extraction":{"method":"PAGE","httpStatus":200,"extractor":"x"}}""";
    static final String ENTRY = """
            {"schemaVersion":%d,"id":"e1","feedUrl":"https://harbour.example/feed.xml","title":"Ferry"}""";

    static byte[] bytes(String template, int version) {
        return template.formatted(version).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsOfThisSchemaOrOlderDecode() throws Exception {
        assertThat(JsonCodec.ARTICLE.decodeRecord(bytes(ARTICLE, Schema.VERSION), "undecodable").id()).isEqualTo("a1");
        assertThat(JsonCodec.FEED_ENTRY.decodeRecord(bytes(ENTRY, 0), "decode").id()).isEqualTo("e1");
    }

    @Test
    void recordOfANewerSchemaIsPoisonWithTheVersionAsReason() {
        assertThatThrownBy(() -> JsonCodec.ARTICLE.decodeRecord(bytes(ARTICLE, 99), "undecodable"))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JsonCodec.NEWER_SCHEMA);
                    assertThat(e.getMessage()).isEqualTo("schema version 99 is newer than this code's " + Schema.VERSION);
                });
        assertThatThrownBy(() -> JsonCodec.FEED_ENTRY.decodeRecord(bytes(ENTRY, 99), "decode"))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> assertThat(e.reason()).isEqualTo("schema-version"));
    }

    @Test
    void newerSchemaIsTheReasonAlsoWhenItsFieldsDoNotDecode() {
        byte[] changed = """
                {"schemaVersion":99,"id":"a1","wordCount":{"words":1}}""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonCodec.ARTICLE.decodeRecord(changed, "undecodable"))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> assertThat(e.reason()).isEqualTo("schema-version"));
    }

    @Test
    void unreadableRecordIsPoisonWithTheStagesReason() {
        assertThatThrownBy(() -> JsonCodec.ARTICLE.decodeRecord("{not json".getBytes(StandardCharsets.UTF_8), "undecodable"))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> assertThat(e.reason()).isEqualTo("undecodable"));
        assertThatThrownBy(() -> JsonCodec.ARTICLE.decodeRecord(null, "undecodable"))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> assertThat(e.reason()).isEqualTo("undecodable"));
    }
}
