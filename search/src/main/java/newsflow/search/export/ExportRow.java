package newsflow.search.export;

import com.fasterxml.jackson.core.JsonGenerator;
import newsflow.search.SearchHit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * One exported article: the columns of a CSV export, in order, and the keys of an NDJSON line
 * (docs/api.md#export).
 */
record ExportRow(
        String id,
        Instant published,
        String source,
        String siteName,
        String language,
        String title,
        String url,
        List<String> authors,
        List<String> topics,
        String storyId) {

    /** The CSV header, the columns in order. */
    static final List<String> COLUMNS = List.of("id", "published", "source", "site_name", "language", "title", "url",
            "authors", "topics", "story_id");
    /** How a list (authors, topics) is written in one CSV cell. */
    static final String LIST_SEPARATOR = "; ";

    static ExportRow of(SearchHit hit) {
        return new ExportRow(hit.id(), hit.published(), hit.source(), hit.siteName(), hit.language(), hit.title(),
                hit.url(), hit.authors(), hit.topics(), hit.storyId());
    }

    /**
     * The NDJSON object: the {@link #COLUMNS} as keys, in order, absent values left out, lists as arrays. Written
     * field by field rather than by the mapper's reflection over the record, which was most of a large export's
     * own writing time.
     */
    void writeJson(JsonGenerator g) throws IOException {
        g.writeStartObject();
        string(g, "id", id);
        string(g, "published", published == null ? null : published.toString());
        string(g, "source", source);
        string(g, "site_name", siteName);
        string(g, "language", language);
        string(g, "title", title);
        string(g, "url", url);
        list(g, "authors", authors);
        list(g, "topics", topics);
        string(g, "story_id", storyId);
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String key, String value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value);
        }
    }

    private static void list(JsonGenerator g, String key, List<String> values) throws IOException {
        if (values != null) {
            g.writeArrayFieldStart(key);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /** The CSV cells, in {@link #COLUMNS} order, before escaping. */
    List<String> cells() {
        return java.util.Arrays.asList(id, published == null ? null : published.toString(), source, siteName, language,
                title, url, String.join(LIST_SEPARATOR, authors), String.join(LIST_SEPARATOR, topics), storyId);
    }
}
