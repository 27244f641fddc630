package newsflow.search.export;

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

    public ExportWriter(ExportFormat format, OutputStream stream) {
        this.format = format;
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    /** Writes what comes before the rows (the CSV header). */
    public void start() throws IOException {
        if (format == ExportFormat.CSV) {
            out.write(Csv.line(ExportRow.COLUMNS));
        }
        out.flush();
    }

    public void page(List<SearchHit> hits) throws IOException {
        for (SearchHit hit : hits) {
            ExportRow row = ExportRow.of(hit);
            if (format == ExportFormat.CSV) {
                out.write(Csv.line(row.cells()));
            } else {
                // one line: the mapper writes no raw newline (they are escaped inside strings)
                out.write(Json.write(row));
                out.write('\n');
            }
        }
        out.flush();
    }
}
