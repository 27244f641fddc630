package newsflow.index.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of the article mapping under its dotted path ({@code title.keyword}, {@code iptc.code},
 * {@code topic_scores.name}), as a dashboard or a query names it. The mapping is a product interface (dashboards
 * query the index directly, {@code docs/index.md} documents every field); this is how that document and the
 * shipped dashboards are checked against it.
 *
 * @param type         the Elasticsearch type; {@code object} for an object without one
 * @param aggregatable whether a terms, histogram or date aggregation can use the field as it stands
 */
public record MappedField(String path, String type, Aggregatable aggregatable) {

    public enum Aggregatable {
        /** Doc values on a top-level or object field: any aggregation, Kibana included. */
        YES,
        /** Doc values, but inside a {@code nested} field: only under a nested aggregation (not in Kibana Lens). */
        NESTED,
        /** Text, a container (object, nested) or a field without doc values. */
        NO
    }

    /** Every field of the article mapping as shipped. */
    public static List<MappedField> article() {
        return of(ArticleIndex.mapping());
    }

    /** Every field of {@code mapping} (a mapping body with {@code properties}), parents before their children. */
    public static List<MappedField> of(JsonNode mapping) {
        List<MappedField> out = new ArrayList<>();
        collect(mapping.path("properties"), "", false, out);
        return List.copyOf(out);
    }

    private static void collect(JsonNode properties, String prefix, boolean inNested, List<MappedField> out) {
        properties.properties().forEach(e -> {
            String path = prefix + e.getKey();
            JsonNode def = e.getValue();
            String type = def.path("type").asText(def.has("properties") ? "object" : "");
            out.add(new MappedField(path, type, aggregatable(type, def, inNested)));
            if (def.has("properties")) {
                collect(def.get("properties"), path + ".", inNested || type.equals("nested"), out);
            }
            // multi-fields: the same value indexed another way
            def.path("fields").properties().forEach(f -> {
                String subType = f.getValue().path("type").asText();
                out.add(new MappedField(path + "." + f.getKey(), subType, aggregatable(subType, f.getValue(), inNested)));
            });
        });
    }

    private static Aggregatable aggregatable(String type, JsonNode def, boolean inNested) {
        boolean noDocValues = switch (type) {
            case "text", "match_only_text", "object", "nested", "" -> true;
            default -> !def.path("doc_values").asBoolean(true);
        };
        if (noDocValues) {
            return Aggregatable.NO;
        }
        return inNested ? Aggregatable.NESTED : Aggregatable.YES;
    }
}
