package newsflow.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per article field that has a value, where the value came from.
 *
 * <p>On the wire a JSON object of field name to provenance name, {@code {"title":"json-ld","body":"html"}}, as
 * records have carried it from the start, written in field order. An entry whose field or provenance this version
 * does not know (written by a newer one) is dropped on read, as the mapper drops fields it does not know.
 *
 * @param byField provenance per field, in field order; unmodifiable
 */
public record FieldSources(Map<ArticleField, Provenance> byField) {

    public static final FieldSources NONE = new FieldSources(Map.of());

    public FieldSources {
        EnumMap<ArticleField, Provenance> copy = new EnumMap<>(ArticleField.class);
        if (byField != null) {
            byField.forEach((field, provenance) -> copy.put(
                    Objects.requireNonNull(field, "field"), Objects.requireNonNull(provenance, "provenance")));
        }
        byField = Collections.unmodifiableMap(copy);
    }

    /** Where {@code field} came from, null when it has no recorded source. */
    public Provenance of(ArticleField field) {
        return byField.get(field);
    }

    /** A modifiable copy, for code that settles the sources field by field. */
    public EnumMap<ArticleField, Provenance> toEnumMap() {
        EnumMap<ArticleField, Provenance> copy = new EnumMap<>(ArticleField.class);
        copy.putAll(byField);
        return copy;
    }

    /** The wire form: field name to provenance name, in field order. */
    @JsonValue
    public Map<String, String> byWireName() {
        Map<String, String> out = new LinkedHashMap<>();
        byField.forEach((field, provenance) -> out.put(field.wireName(), provenance.wireName()));
        return out;
    }

    /** Reads the wire form; entries with a name this version does not know, or a null, are dropped. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FieldSources fromWire(Map<String, String> byName) {
        EnumMap<ArticleField, Provenance> read = new EnumMap<>(ArticleField.class);
        if (byName != null) {
            byName.forEach((name, provenanceName) -> {
                ArticleField field = ArticleField.fromWireName(name);
                Provenance provenance = Provenance.fromWireName(provenanceName);
                if (field != null && provenance != null) {
                    read.put(field, provenance);
                }
            });
        }
        return new FieldSources(read);
    }
}
