package newsflow.search.api;

import com.sun.net.httpserver.HttpExchange;
import newsflow.search.SearchQuery;
import newsflow.search.SearchService;
import newsflow.search.export.ExportFormat;
import newsflow.search.export.ExportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code /api/search?format=csv|ndjson&limit=N}: the scope's articles streamed as a file (chunked), fetched page
 * by page with search_after so memory stays flat whatever the row count.
 *
 * <p>Errors before the first row are JSON errors like any other. A failure once rows have gone out cannot
 * change the status any more: the connection is then closed without the stream's last chunk, so the client sees
 * a broken download, never a short file that looks complete; the failure is logged with the row count.
 */
final class SearchExport {

    private static final Logger log = LoggerFactory.getLogger(SearchExport.class);

    private SearchExport() {
    }

    /** Parses {@code limit}: 1 to {@code search.exportMaxRows}, which is also its default. */
    static int limit(String value, int exportMaxRows) {
        if (value == null) {
            return exportMaxRows;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'limit' must be a whole number, got '" + value + "'");
        }
        if (limit < 1 || limit > exportMaxRows) {
            throw new newsflow.search.query.SearchLimitException("search.exportMaxRows", "'limit' must be between 1 and "
                    + "search.exportMaxRows (" + exportMaxRows + "), got " + limit);
        }
        return limit;
    }

    /** Streams the export and answers the exchange itself (null reply), or throws before anything is sent. */
    static JsonEndpoint.Reply stream(HttpExchange exchange, SearchService service, SearchQuery query, ExportFormat format,
                                     int limit) throws IOException {
        if (query.collapseStories()) {
            throw new IllegalArgumentException("'collapse' does not combine with 'format': an export lists every article");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            sendHeaders(exchange, format);
            return null;
        }
        Abortable body = new Abortable(exchange.getResponseBody());
        exchange.setStreams(null, body);
        ExportWriter writer = new ExportWriter(format, body);
        long[] rows = {0};
        boolean[] started = {false};
        try {
            service.export(query.scope(), query.searchAfter(), limit, page -> {
                if (!started[0]) {
                    started[0] = true;
                    sendHeaders(exchange, format);
                    writer.start();
                }
                writer.page(page);
                rows[0] += page.size();
            });
            if (!started[0]) {
                sendHeaders(exchange, format);
                writer.start();
            }
            return null;
        } catch (RuntimeException e) {
            if (!started[0]) {
                throw e;
            }
            log.warn("export {} stopped after {} rows, the download is cut off: {}", exchange.getRequestURI(), rows[0], e.toString());
            body.abort();
            return null;
        } catch (IOException e) {
            log.info("export {} stopped after {} rows: the client went away ({})", exchange.getRequestURI(), rows[0], e.toString());
            body.abort();
            return null;
        }
    }

    private static void sendHeaders(HttpExchange exchange, ExportFormat format) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", format.contentType());
        headers.set("Content-Disposition", "attachment; filename=\"" + format.fileName() + "\"");
        headers.set("Cache-Control", "no-store");
        // 0: chunked, the length is unknown until the last page; -1: no body (HEAD)
        exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : 0);
    }

    /**
     * The response body, which can be cut off: once aborted, closing it fails, and the server then closes the
     * connection instead of ending the chunked stream properly.
     */
    static final class Abortable extends FilterOutputStream {

        private volatile boolean aborted;

        Abortable(OutputStream out) {
            super(out);
        }

        void abort() {
            aborted = true;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (aborted) {
                throw new IOException("export aborted: the response is cut off");
            }
            super.close();
        }
    }
}
