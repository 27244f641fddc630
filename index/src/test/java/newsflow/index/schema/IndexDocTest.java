package newsflow.index.schema;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/index.md} documents the article mapping field for field: this fails when a mapped field is missing from
 * its table, is listed with another type or aggregatability than the mapping gives it, or is listed but no longer
 * mapped. The mapping is read from {@code article-mapping.json} as shipped, so a field added there fails here until
 * its row is written.
 */
class IndexDocTest {

    private static final Path DOC = Path.of("..", "docs", "index.md");

    /** A row of the fields table. */
    record Row(String field, String type, String aggregatable, String stable, String meaning) {
    }

    @Test
    void everyMappedFieldIsDocumentedWithItsTypeAndAggregatability() throws IOException {
        List<String> problems = problems(MappedField.article(), rows(Files.readString(DOC)));

        assertThat(problems).as("docs/index.md against article-mapping.json").isEmpty();
    }

    @Test
    void namesTheAliasIndexPatternAndTimeField() throws IOException {
        String doc = Files.readString(DOC);
        IndexNames names = IndexNames.current("newsflow-articles");

        assertThat(doc).contains("`" + names.forMonth(Instant.parse("2026-11-15T00:00:00Z")) + "`");
        assertThat(doc).contains("`<alias>-v<version>-<yyyy.MM>`");
        assertThat(doc).contains("`<alias>-v<version>-archive`", "`" + names.archive() + "`");
        assertThat(section(doc, "## Freshness and bulk sizes")).contains("`elasticsearch.refreshInterval`", "`elasticsearch.bulkLinger`");
        assertThat(section(doc, "## Time field")).contains("`published`");
        assertThat(MappedField.article()).filteredOn(f -> f.path().equals("published")).singleElement()
                .extracting(MappedField::type).isEqualTo("date");
    }

    @Test
    void theCheckFindsUndocumentedMistypedAndVanishedFields() {
        JsonNode mapping = Json.read("""
                {"properties": {
                  "title": {"type": "text", "fields": {"keyword": {"type": "keyword"}}},
                  "lead_image": {"type": "keyword", "index": false, "doc_values": false},
                  "scores": {"type": "nested", "properties": {"name": {"type": "keyword"}}},
                  "published": {"type": "date"}}}""", JsonNode.class);
        List<Row> rows = rows("""
                ## Fields

                | field | type | aggregatable | stable | meaning |
                |-------|------|--------------|--------|---------|
                | `title` | text | no | yes | the title |
                | `lead_image` | keyword | yes | yes | a picture |
                | `scores` | nested | no | no | scores |
                | `scores.name` | keyword | nested | maybe | a name |
                | `published` | keyword | yes | yes | when |
                | `gone` | keyword | yes | yes | no longer mapped |
                """);

        assertThat(problems(MappedField.of(mapping), rows)).containsExactlyInAnyOrder(
                "title.keyword (keyword) is mapped but not documented",
                "lead_image: documented as aggregatable 'yes', the mapping makes it 'no'",
                "scores.name: stable must be yes or no, not 'maybe'",
                "published: documented as type keyword, mapped as date",
                "gone is documented but not mapped");
    }

    static List<String> problems(List<MappedField> mapped, List<Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<String, Row> documented = new LinkedHashMap<>();
        for (Row r : rows) {
            if (documented.put(r.field(), r) != null) {
                problems.add(r.field() + " is documented twice");
            }
        }
        Set<String> mappedPaths = new java.util.HashSet<>();
        for (MappedField f : mapped) {
            mappedPaths.add(f.path());
            Row row = documented.get(f.path());
            if (row == null) {
                problems.add(f.path() + " (" + f.type() + ") is mapped but not documented");
                continue;
            }
            if (!row.type().equals(f.type())) {
                problems.add(f.path() + ": documented as type " + row.type() + ", mapped as " + f.type());
            }
            String agg = f.aggregatable().name().toLowerCase(Locale.ROOT);
            if (!row.aggregatable().equals(agg)) {
                problems.add(f.path() + ": documented as aggregatable '" + row.aggregatable() + "', the mapping makes it '"
                        + agg + "'");
            }
            if (!Set.of("yes", "no").contains(row.stable())) {
                problems.add(f.path() + ": stable must be yes or no, not '" + row.stable() + "'");
            }
            if (row.meaning().isBlank()) {
                problems.add(f.path() + ": no meaning given");
            }
        }
        documented.keySet().stream().filter(p -> !mappedPaths.contains(p))
                .forEach(p -> problems.add(p + " is documented but not mapped"));
        return problems;
    }

    /** The rows of the table under "## Fields": {@code | `field` | type | aggregatable | stable | meaning |}. */
    static List<Row> rows(String markdown) {
        List<Row> rows = new ArrayList<>();
        for (String line : section(markdown, "## Fields").split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
            if (cells.length != 5) {
                throw new AssertionError("docs/index.md: a fields row needs 5 cells: " + line);
            }
            rows.add(new Row(cells[0].strip().replace("`", ""), cells[1].strip(), cells[2].strip(), cells[3].strip(),
                    cells[4].strip()));
        }
        return rows;
    }

    /** From a heading to the next heading of the same level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0 && markdown.startsWith(heading + "\n")) {
            start = 0;
        }
        assertThat(start).as("heading " + heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }
}
