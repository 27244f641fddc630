package newsflow.common.model;

import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Field provenance is typed in code and keeps the JSON it was written with as a map of strings. */
class FieldSourcesJsonTest {

    /** Every field and provenance name records were ever written with, from before they were enums. */
    private static final String EVERY_NAME_WRITTEN = """
            {"title":"json-ld","byline":"meta","authors":"html","published":"heuristic","modified":"feed",\
            "leadImage":"amp","siteName":"print","description":"meta","canonicalUrl":"html","language":"heuristic",\
            "body":"feed"}""";

    @Test
    void everyNameEverWrittenReadsAsItsEnumAndWritesBackTheSame() {
        FieldSources read = Json.read(EVERY_NAME_WRITTEN, FieldSources.class);

        assertThat(read.byField()).hasSize(ArticleField.values().length)
                .containsEntry(ArticleField.TITLE, Provenance.JSON_LD)
                .containsEntry(ArticleField.LEAD_IMAGE, Provenance.AMP)
                .containsEntry(ArticleField.SITE_NAME, Provenance.PRINT)
                .containsEntry(ArticleField.CANONICAL_URL, Provenance.HTML)
                .containsEntry(ArticleField.BODY, Provenance.FEED);
        assertThat(Json.write(read)).isEqualTo(EVERY_NAME_WRITTEN);
    }

    @Test
    void writesTheObjectOfNamesInFieldOrder() {
        EnumMap<ArticleField, Provenance> sources = new EnumMap<>(ArticleField.class);
        sources.put(ArticleField.BODY, Provenance.HTML);
        sources.put(ArticleField.TITLE, Provenance.JSON_LD);

        assertThat(Json.write(new FieldSources(sources))).isEqualTo("{\"title\":\"json-ld\",\"body\":\"html\"}");
        assertThat(Json.write(FieldSources.NONE)).isEqualTo("{}");
    }

    @Test
    void anExtractionRecordOnTheWireRoundTripsByteForByte() {
        String old = """
                {"method":"PAGE","httpStatus":200,"fieldSources":{"title":"json-ld","published":"meta","body":"html"},\
                "extractor":"newsflow-extractor/1"}""";

        Extraction read = Json.read(old, Extraction.class);

        assertThat(read.fieldSources().of(ArticleField.PUBLISHED)).isEqualTo(Provenance.META);
        assertThat(Json.write(read)).isEqualTo(old);
    }

    @Test
    void entriesANewerVersionAddedAreDroppedAndTheRestKept() {
        FieldSources read = Json.read("{\"title\":\"meta\",\"section\":\"meta\",\"body\":\"ocr\",\"byline\":null}",
                FieldSources.class);

        assertThat(read.byField()).containsExactly(Map.entry(ArticleField.TITLE, Provenance.META));
    }

    @Test
    void aRecordWithoutSourcesReadsAsNone() {
        Extraction read = Json.read("{\"method\":\"FEED_SUMMARY\",\"httpStatus\":0}", Extraction.class);

        assertThat(read.fieldSources()).isEqualTo(FieldSources.NONE);
    }

    @Test
    void theMapIsACopyThatCannotBeChanged() {
        EnumMap<ArticleField, Provenance> sources = new EnumMap<>(ArticleField.class);
        sources.put(ArticleField.TITLE, Provenance.META);
        FieldSources held = new FieldSources(sources);
        sources.put(ArticleField.BODY, Provenance.HTML);

        assertThat(held.of(ArticleField.BODY)).isNull();
        assertThatThrownBy(() -> held.byField().put(ArticleField.BODY, Provenance.HTML))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
