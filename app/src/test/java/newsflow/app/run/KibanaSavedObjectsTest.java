package newsflow.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.ConfigLoader;
import newsflow.common.json.Json;
import newsflow.index.schema.MappedField;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kibana saved objects under {@code deploy/kibana/} against the article mapping: every field a panel aggregates
 * on must be mapped and aggregatable (keyword, date, numeric; never text, nor a field inside {@code nested}); the
 * latest-articles table's columns must be mapped and its sort field aggregatable; the data view must sit on the alias
 * the deployed configuration writes, with {@code published} as time field; every reference must point at an object
 * of the file. Kibana itself cannot run here, so this is what holds the dashboards to the index.
 */
class KibanaSavedObjectsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SAVED_OBJECTS = ROOT.resolve("deploy/kibana/newsflow.ndjson");
    /** Lens's pseudo-field for "count of records". */
    private static final String RECORDS = "___records___";

    @Test
    void theDataViewIsOnTheDeployedAliasWithPublishedAsTimeField() throws IOException {
        JsonNode dataView = objects(SAVED_OBJECTS).stream().filter(o -> o.path("type").asText().equals("index-pattern"))
                .findFirst().orElseThrow();
        String alias = ConfigLoader.load(Files.readString(ROOT.resolve("deploy/newsflow.yaml")), Map.of())
                .elasticsearch().index();

        assertThat(dataView.at("/attributes/title").asText()).isEqualTo(alias);
        assertThat(dataView.at("/attributes/timeFieldName").asText()).isEqualTo("published");
    }

    @Test
    void theCoverageDashboardHasItsPanels() throws IOException {
        JsonNode dashboard = objects(SAVED_OBJECTS).stream()
                .filter(o -> o.path("id").asText().equals("newsflow-coverage")).findFirst().orElseThrow();
        List<String> titles = new ArrayList<>();
        Json.read(dashboard.at("/attributes/panelsJSON").asText(), JsonNode.class).forEach(p -> titles.add(p.path("title").asText()));

        assertThat(dashboard.at("/attributes/title").asText()).isEqualTo("Coverage");
        assertThat(titles).contains("Articles over time by IPTC topic", "Top sources", "Languages", "Top authors",
                "Largest stories", "Latest articles");
    }

    @Test
    void everyPanelUsesMappedAggregatableFieldsAndKnownObjects() throws IOException {
        assertThat(problems(objects(SAVED_OBJECTS), MappedField.article())).isEmpty();
    }

    @Test
    void theCheckFindsTextMissingAndNestedFieldsAndDanglingReferences() {
        String panels = Json.write(List.of(Map.of("type", "lens", "panelIndex", "p1", "embeddableConfig", Map.of(
                "attributes", Map.of("state", Map.of("datasourceStates", Map.of("formBased", Map.of("layers", Map.of(
                        "l1", Map.of("columns", Map.of(
                                "a", Map.of("operationType", "terms", "sourceField", "title"),
                                "b", Map.of("operationType", "terms", "sourceField", "no_such_field"),
                                "c", Map.of("operationType", "terms", "sourceField", "topic_scores.name"),
                                "d", Map.of("operationType", "count", "sourceField", RECORDS),
                                "e", Map.of("operationType", "last_value", "sourceField", "source",
                                        "params", Map.of("sortField", "body"))))))))))),
                Map.of("type", "search", "panelIndex", "p2", "panelRefName", "panel_p2")));
        JsonNode dashboard = Json.mapper().valueToTree(Map.of("type", "dashboard", "id", "d",
                "attributes", Map.of("panelsJSON", panels), "references", List.of(
                        Map.of("type", "search", "id", "missing-search", "name", "p2:panel_p2"))));

        assertThat(problems(List.of(dashboard), MappedField.article())).containsExactlyInAnyOrder(
                "d, panel p1: layer l1 has no reference to a data view",
                "d, panel p1, column a: title is text (not aggregatable)",
                "d, panel p1, column b: no_such_field is not mapped",
                "d, panel p1, column c: topic_scores.name is nested (not aggregatable)",
                "d, panel p1, column e: body is text (not aggregatable)",
                "d: reference p2:panel_p2 points to search missing-search, which is not in the file");
    }

    static List<String> problems(List<JsonNode> objects, List<MappedField> mapping) {
        Map<String, MappedField> fields = mapping.stream().collect(Collectors.toMap(MappedField::path, Function.identity()));
        Set<String> ids = objects.stream().map(o -> o.path("type").asText() + "/" + o.path("id").asText())
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (JsonNode o : objects) {
            String id = o.path("id").asText();
            Set<String> referenceNames = new HashSet<>();
            for (JsonNode r : o.path("references")) {
                referenceNames.add(r.path("name").asText());
                if (!ids.contains(r.path("type").asText() + "/" + r.path("id").asText())) {
                    problems.add(id + ": reference " + r.path("name").asText() + " points to " + r.path("type").asText()
                            + " " + r.path("id").asText() + ", which is not in the file");
                }
            }
            switch (o.path("type").asText()) {
                case "index-pattern" -> aggregatable(fields, o.at("/attributes/timeFieldName").asText(), id + ": time field", problems);
                case "search" -> {
                    o.at("/attributes/columns").forEach(c -> {
                        if (!fields.containsKey(c.asText())) {
                            problems.add(id + ": column " + c.asText() + " is not mapped");
                        }
                    });
                    o.at("/attributes/sort").forEach(s -> aggregatable(fields, s.get(0).asText(), id + ": sort", problems));
                }
                case "dashboard" -> {
                    for (JsonNode panel : Json.read(o.at("/attributes/panelsJSON").asText(), JsonNode.class)) {
                        String where = id + ", panel " + panel.path("panelIndex").asText();
                        if (panel.has("panelRefName")
                                && !referenceNames.contains(panel.path("panelIndex").asText() + ":" + panel.path("panelRefName").asText())) {
                            problems.add(where + ": no reference named " + panel.path("panelIndex").asText() + ":"
                                    + panel.path("panelRefName").asText());
                        }
                        lens(panel.at("/embeddableConfig/attributes"), where, panel.path("panelIndex").asText() + ":",
                                referenceNames, fields, problems);
                    }
                }
                case "lens" -> lens(o.path("attributes"), id, "", referenceNames, fields, problems);
                default -> problems.add(id + ": unexpected saved object type " + o.path("type").asText());
            }
        }
        return problems;
    }

    /** A Lens visualization's layers: each refers to the data view, each column's fields are aggregatable. */
    private static void lens(JsonNode attributes, String where, String referencePrefix, Set<String> referenceNames,
                             Map<String, MappedField> fields, List<String> problems) {
        attributes.at("/state/datasourceStates/formBased/layers").properties().forEach(layer -> {
            if (!referenceNames.contains(referencePrefix + "indexpattern-datasource-layer-" + layer.getKey())) {
                problems.add(where + ": layer " + layer.getKey() + " has no reference to a data view");
            }
            layer.getValue().path("columns").properties().forEach(column -> {
                String at = where + ", column " + column.getKey();
                String source = column.getValue().path("sourceField").asText("");
                if (!source.isEmpty() && !source.equals(RECORDS)) {
                    aggregatable(fields, source, at, problems);
                }
                String sort = column.getValue().at("/params/sortField").asText("");
                if (!sort.isEmpty()) {
                    aggregatable(fields, sort, at, problems);
                }
            });
        });
    }

    private static void aggregatable(Map<String, MappedField> fields, String field, String where, List<String> problems) {
        MappedField f = fields.get(field);
        if (f == null) {
            problems.add(where + ": " + field + " is not mapped");
        } else if (f.aggregatable() == MappedField.Aggregatable.NESTED) {
            problems.add(where + ": " + field + " is nested (not aggregatable)");
        } else if (f.aggregatable() != MappedField.Aggregatable.YES) {
            problems.add(where + ": " + field + " is " + f.type() + " (not aggregatable)");
        }
    }

    private static List<JsonNode> objects(Path ndjson) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(ndjson)) {
            if (!line.isBlank()) {
                out.add(Json.read(line, JsonNode.class));
            }
        }
        assertThat(out).as(ndjson + " holds saved objects").isNotEmpty();
        return out;
    }
}
