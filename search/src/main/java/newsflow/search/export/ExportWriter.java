package newsflow.search.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import newsflow.common.json.Json;
import newsflow.search.HitSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes exported rows in one {@link ExportFormat} to a stream, page after page, flushing each page so the
 * client receives rows while later pages are still being fetched. The CSV header goes first, even with no rows.
 */
public final class ExportWriter {

    /** The CSV header, the columns in order, and the keys of an NDJSON line: the stored fields' names. */
    public static final List<String> COLUMNS = List.of("id", "published", "source", "site_name", "language", "title",
            "url", "authors", "topics", "story_id");
    /** How a list (authors, topics) is written in one CSV cell. */
    private static final String LIST_SEPARATOR = "; ";

    private final ExportFormat format;
    private final Writer out;
    /** NDJSON lines go straight to the stream as UTF-8 bytes: no string per row (a 10,000-row export made 10,000). */
    private final JsonGenerator json;

    public ExportWriter(ExportFormat format, OutputStream stream) throws IOException {
        this.format = format;
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.json = Json.mapper().getFactory().createGenerator(stream, JsonEncoding.UTF8);
        // one object per line, and nothing between lines but the newline
        json.setRootValueSeparator(null);
    }

    /** Writes what comes before the rows (the CSV header). */
    public void start() throws IOException {
        if (format == ExportFormat.CSV) {
            out.write(Csv.line(COLUMNS));
        }
        out.flush();
    }

    public void page(List<HitSource> rows) throws IOException {
        if (format == ExportFormat.CSV) {
            for (HitSource row : rows) {
                out.write(Csv.line(cells(row)));
            }
            out.flush();
            return;
        }
        for (HitSource row : rows) {
            // one line: the generator writes no raw newline (they are escaped inside strings)
            writeJson(row);
            json.writeRaw('\n');
        }
        json.flush();
    }

    /** The CSV cells, in {@link #COLUMNS} order, before escaping. */
    private static List<String> cells(HitSource r) {
        return Arrays.asList(r.id(), r.published(), r.source(), r.siteName(), r.language(), r.title(), r.url(),
                String.join(LIST_SEPARATOR, r.authors()), String.join(LIST_SEPARATOR, r.topics()), r.storyId());
    }

    /** The NDJSON keys, encoded once rather than on every row. */
    private static final SerializedString ID = key(0), PUBLISHED = key(1), SOURCE = key(2), SITE_NAME = key(3),
            LANGUAGE = key(4), TITLE = key(5), URL = key(6), AUTHORS = key(7), TOPICS = key(8), STORY_ID = key(9);

    private static SerializedString key(int column) {
        return new SerializedString(COLUMNS.get(column));
    }

    /**
     * The NDJSON object: the {@link #COLUMNS} as keys, in order, absent values left out, lists as arrays. Written
     * field by field rather than by the mapper's reflection over the record, which was most of a large export's
     * own writing time.
     */
    private void writeJson(HitSource r) throws IOException {
        json.writeStartObject();
        string(ID, r.id());
        string(PUBLISHED, r.published());
        string(SOURCE, r.source());
        string(SITE_NAME, r.siteName());
        string(LANGUAGE, r.language());
        string(TITLE, r.title());
        string(URL, r.url());
        list(AUTHORS, r.authors());
        list(TOPICS, r.topics());
        string(STORY_ID, r.storyId());
        json.writeEndObject();
    }

    private void string(SerializedString key, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(key);
            json.writeString(value);
        }
    }

    private void list(SerializedString key, List<String> values) throws IOException {
        json.writeFieldName(key);
        json.writeStartArray();
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
