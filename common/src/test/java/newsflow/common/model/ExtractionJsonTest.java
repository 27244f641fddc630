package newsflow.common.model;

import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page flag was added to a record already on the wire: old records must still read, new ones carry it. */
class ExtractionJsonTest {

    @Test
    void recordWrittenBeforeThePageFlagReadsWithNoFlag() {
        String old = """
                {"method":"PAGE","httpStatus":200,"fallbackReason":null,"fieldSources":{"title":"meta"},"extractor":"newsflow-extractor/1"}""";
        Extraction e = Json.read(old, Extraction.class);
        assertThat(e).isEqualTo(new Extraction(Extraction.Method.PAGE, 200, null,
                new FieldSources(Map.of(ArticleField.TITLE, Provenance.META)), "newsflow-extractor/1"));
        assertThat(e.pageFlag()).isNull();
    }

    @Test
    void pageFlagRoundTrips() {
        Extraction e = new Extraction(Extraction.Method.FEED_CONTENT, 200, "page is a paywall stub (40 words)", FieldSources.NONE,
                "newsflow-extractor/1", Extraction.PageFlag.PAYWALL);
        String json = Json.write(e);
        assertThat(json).contains("\"pageFlag\":\"PAYWALL\"");
        assertThat(Json.read(json, Extraction.class)).isEqualTo(e);
    }

    @Test
    void truncatedIsWrittenOnlyWhenTrueAndReadsFalseFromRecordsWithoutIt() {
        Extraction whole = new Extraction(Extraction.Method.PAGE, 200, null, FieldSources.NONE, "newsflow-extractor/1");
        assertThat(whole.truncated()).isFalse();
        assertThat(Json.write(whole)).doesNotContain("truncated");

        Extraction cut = whole.asTruncated();
        String json = Json.write(cut);
        assertThat(json).contains("\"truncated\":true");
        assertThat(Json.read(json, Extraction.class)).isEqualTo(cut);
        assertThat(Json.read(Json.write(whole), Extraction.class).truncated()).isFalse();
    }
}
