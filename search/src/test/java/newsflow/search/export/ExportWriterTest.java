package newsflow.search.export;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.HitSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportWriterTest {

    private static final HitSource HIT = new HitSource("a1", "2026-11-03T08:00:00Z", "Harbour Post", "Harbour Post Online",
            "en", "Floods, again: \"worst\" in years", "http://h.example/a1", List.of("Ruth Kaminski", "=cmd"),
            List.of("weather", "local"), "s1");
    private static final HitSource BARE = new HitSource("a2", null, "Coast Times", null, null, null, "http://h.example/a2",
            null, null, null);

    private static String write(ExportFormat format, List<HitSource> hits) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter writer = new ExportWriter(format, out);
        writer.start();
        writer.page(hits);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvHasTheDocumentedColumnsThenOneEscapedLinePerArticle() throws Exception {
        String csv = write(ExportFormat.CSV, List.of(HIT, BARE));

        assertThat(csv.split("\r\n")).containsExactly(
                "id,published,source,site_name,language,title,url,authors,topics,story_id",
                "a1,2026-11-03T08:00:00Z,Harbour Post,Harbour Post Online,en,\"Floods, again: \"\"worst\"\" in years\","
                        + "http://h.example/a1,Ruth Kaminski; =cmd,weather; local,s1",
                "a2,,Coast Times,,,,http://h.example/a2,,,");
    }

    @Test
    void aListCellStartingWithAFormulaIsMadeText() throws Exception {
        HitSource formulaAuthor = new HitSource("a3", null, "s", null, null, "t", "u", List.of("@evil", "x"), List.of(),
                null);
        assertThat(write(ExportFormat.CSV, List.of(formulaAuthor))).contains(",'@evil; x,");
    }

    @Test
    void csvWithoutRowsIsTheHeaderAlone() throws Exception {
        assertThat(write(ExportFormat.CSV, List.of())).isEqualTo(String.join(",", ExportWriter.COLUMNS) + "\r\n");
    }

    @Test
    void ndjsonIsOneObjectPerLineWithTheSameFields() throws Exception {
        String ndjson = write(ExportFormat.NDJSON, List.of(HIT, BARE));

        String[] lines = ndjson.split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = Json.read(lines[0], JsonNode.class);
        assertThat(first.get("id").asText()).isEqualTo("a1");
        assertThat(first.get("title").asText()).isEqualTo("Floods, again: \"worst\" in years");
        assertThat(first.get("site_name").asText()).isEqualTo("Harbour Post Online");
        assertThat(first.get("story_id").asText()).isEqualTo("s1");
        assertThat(first.get("published").asText()).isEqualTo("2026-11-03T08:00:00Z");
        assertThat(first.get("authors")).extracting(JsonNode::asText).containsExactly("Ruth Kaminski", "=cmd");
        assertThat(Json.read(lines[1], JsonNode.class).has("title")).as("unknown fields are left out").isFalse();
        assertThat(ExportWriter.COLUMNS).allSatisfy(c -> assertThat(first.has(c)).as(c).isTrue());
        assertThat(lines[0]).as("keys in column order, no space between lines").startsWith("{\"id\":\"a1\",\"published\":");
        assertThat(lines[1]).isEqualTo("{\"id\":\"a2\",\"source\":\"Coast Times\",\"url\":\"http://h.example/a2\","
                + "\"authors\":[],\"topics\":[]}");
        assertThat(ndjson).endsWith("}\n");
    }

    @Test
    void ndjsonLinesAreTheMappersOwnJsonOfTheRow() throws Exception {
        // the row written field by field reads back as the mapper reads it: the same values under the same keys
        String line = write(ExportFormat.NDJSON, List.of(HIT)).strip();

        assertThat(Json.read(line, JsonNode.class)).isEqualTo(Json.mapper().valueToTree(java.util.Map.of(
                "id", "a1", "published", "2026-11-03T08:00:00Z", "source", "Harbour Post", "site_name", "Harbour Post Online",
                "language", "en", "title", "Floods, again: \"worst\" in years", "url", "http://h.example/a1",
                "authors", List.of("Ruth Kaminski", "=cmd"), "topics", List.of("weather", "local"), "story_id", "s1")));
    }

    @Test
    void formatsByName() {
        assertThat(ExportFormat.of("CSV")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of("ndjson")).isEqualTo(ExportFormat.NDJSON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportFormat.of("xlsx")).hasMessageContaining("'format'");
    }
}
