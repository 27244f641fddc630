package newsflow.search.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import newsflow.common.json.Json;
import newsflow.search.SearchHit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes exported rows in one {@link ExportFormat} to a stream, page after page, flushing each page so the
 * client receives rows while later pages are still being fetched. The CSV header goes first, even with no rows.
 */
public final class ExportWriter {

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
            out.write(Csv.line(ExportRow.COLUMNS));
        }
        out.flush();
    }

    public void page(List<SearchHit> hits) throws IOException {
        if (format == ExportFormat.CSV) {
            for (SearchHit hit : hits) {
                out.write(Csv.line(ExportRow.of(hit).cells()));
            }
            out.flush();
            return;
        }
        for (SearchHit hit : hits) {
            // one line: the generator writes no raw newline (they are escaped inside strings)
            ExportRow.of(hit).writeJson(json);
            json.writeRaw('\n');
        }
        json.flush();
    }
}
