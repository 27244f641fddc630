package newsflow.app.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the rendered corpus like a well-behaved web server: GET and HEAD, conditional GET (If-None-Match takes
 * precedence over If-Modified-Since, as RFC 9110 says), gzip when the client accepts it, 404 for unknown paths.
 */
final class DemoHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(DemoHandler.class);

    private static final byte[] NOT_FOUND = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>
            <body><h1>404 – Page not found</h1><p>The page you are looking for has been moved or removed.</p></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private final Map<String, DemoResource> resources;
    private final Instant lastModified;
    private final String lastModifiedHeader;

    DemoHandler(Map<String, DemoResource> resources, Instant lastModified) {
        this.resources = resources;
        this.lastModified = lastModified;
        this.lastModifiedHeader = DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Headers out = exchange.getResponseHeaders();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                out.set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean head = method.equals("HEAD");
            String path = exchange.getRequestURI().getPath();
            DemoResource resource = resources.get(path);
            if (resource == null) {
                log.debug("demo site: 404 for {}", path);
                out.set("Content-Type", DemoCorpus.HTML);
                send(exchange, 404, NOT_FOUND, head);
                return;
            }
            Headers in = exchange.getRequestHeaders();
            boolean gzip = acceptsGzip(in.getFirst("Accept-Encoding"));
            String etag = gzip ? resource.gzipEtag() : resource.identityEtag();
            out.set("Content-Type", resource.contentType());
            out.set("ETag", etag);
            out.set("Last-Modified", lastModifiedHeader);
            out.set("Vary", "Accept-Encoding");
            out.set("Cache-Control", "no-cache");
            if (notModified(in, etag)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (gzip) {
                out.set("Content-Encoding", "gzip");
            }
            send(exchange, 200, gzip ? resource.gzip() : resource.identity(), head);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private boolean notModified(Headers in, String etag) {
        String ifNoneMatch = in.getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                // If-None-Match uses the weak comparison: W/"x" matches "x"
                if (t.equals("*") || t.equals(etag) || (t.startsWith("W/") && t.substring(2).equals(etag))) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = in.getFirst("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // an unparseable date is ignored, as the RFC asks
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.strip().split(";");
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
                continue;
            }
            for (int i = 1; i < p.length; i++) {
                String param = p[i].strip().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    try {
                        return Double.parseDouble(param.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }
}
