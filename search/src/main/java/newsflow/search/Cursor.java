package newsflow.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonGenerator;
import newsflow.common.json.Json;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code search_after} paging cursor: the sort values of a page's last hit, as an opaque URL-safe token
 * (base64url of a JSON array), so clients never need to know the sort.
 */
final class Cursor {

    private Cursor() {
    }

    static String encode(List<FieldValue> sortValues) {
        // written with the mapper's generator, not through a tree and data binding: every full page pays for this
        ByteArrayOutputStream json = new ByteArrayOutputStream(64);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(json)) {
            g.writeStartArray();
            for (FieldValue v : sortValues) {
                if (v.isLong()) {
                    g.writeNumber(v.longValue());
                } else if (v.isDouble()) {
                    g.writeNumber(v.doubleValue());
                } else if (v.isString()) {
                    g.writeString(v.stringValue());
                } else if (v.isBoolean()) {
                    g.writeBoolean(v.booleanValue());
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toByteArray());
    }

    /** @throws IllegalArgumentException when the token is not a cursor of a sort with {@code expectedValues} keys */
    static List<FieldValue> decode(String token, int expectedValues) {
        JsonNode array;
        try {
            byte[] json = Base64.getUrlDecoder().decode(token);
            array = Json.mapper().readTree(json);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException("'after' is not a cursor returned by this API: " + e.getMessage(), e);
        }
        if (array == null || !array.isArray() || array.size() != expectedValues) {
            throw new IllegalArgumentException("'after' does not belong to this query (a cursor only pages the query that returned it)");
        }
        return values(array);
    }

    /**
     * Sort values as the node writes them (a hit's {@code sort} array) or as {@link #encode} wrote them.
     *
     * @throws IllegalArgumentException when a value is not a number, string, boolean or null
     */
    static List<FieldValue> values(JsonNode array) {
        List<FieldValue> values = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isIntegralNumber()) {
                values.add(FieldValue.of(n.longValue()));
            } else if (n.isNumber()) {
                values.add(FieldValue.of(n.doubleValue()));
            } else if (n.isTextual()) {
                values.add(FieldValue.of(n.textValue()));
            } else if (n.isBoolean()) {
                values.add(FieldValue.of(n.booleanValue()));
            } else if (n.isNull()) {
                values.add(FieldValue.NULL);
            } else {
                throw new IllegalArgumentException("'after' is not a cursor returned by this API: unexpected value " + n);
            }
        }
        return values;
    }
}
