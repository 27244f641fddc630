package newsflow.common.http;

import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.HttpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real HTTP server on 127.0.0.1. */
class HttpFetcherTest {

    private HttpServer server;
    private HttpFetcher fetcher;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/plain", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT");
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=\"ISO-8859-1\"");
            byte[] body = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/gzip", ex -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write("compressed body".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, buf.size());
            ex.getResponseBody().write(buf.toByteArray());
            ex.close();
        });
        server.createContext("/bomb", ex -> {
            // 1 MB of zeros compresses to about 1 KB: the cap applies to what it expands to
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(new byte[1_000_000]);
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, buf.size());
            ex.getResponseBody().write(buf.toByteArray());
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.createContext("/old", ex -> {
            ex.getResponseHeaders().add("Location", "/plain");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/temp", ex -> {
            ex.getResponseHeaders().add("Location", base + "/old");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(308, -1);
            ex.close();
        });
        server.createContext("/private", ex -> {
            String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("reader:s3cret pass".getBytes(StandardCharsets.UTF_8));
            int status = expected.equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401;
            ex.sendResponseHeaders(status, status == 200 ? 2 : -1);
            if (status == 200) {
                ex.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            }
            ex.close();
        });
        server.createContext("/brotli", ex -> {
            byte[] body = brotliStored("Brotli-encoded feed body".getBytes(StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("Content-Encoding", "br");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, 2);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        fetcher = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofMillis(800), 100_000, "newsflow-test")
                .allowingLoopbackPort(server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop(0);
    }

    @Test
    void returnsBodyValidatorsAndDeclaredCharset() throws Exception {
        FetchResponse response = fetcher.fetch(FetchRequest.get(base + "/plain"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.etag()).isEqualTo("\"v1\"");
        assertThat(response.lastModified()).isEqualTo("Wed, 25 Nov 2026 10:00:00 GMT");
        assertThat(response.declaredCharset()).contains(StandardCharsets.ISO_8859_1);
        assertThat(new String(response.body(), response.declaredCharset().orElseThrow())).isEqualTo("caf\u00e9");
    }

    @Test
    void conditionalGetYieldsNotModified() throws Exception {
        FetchResponse response = fetcher.fetch(new FetchRequest(URI.create(base + "/plain"), null, Map.of(), "\"v1\"", null));
        assertThat(response.notModified()).isTrue();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void decompressesGzip() throws Exception {
        assertThat(new String(fetcher.fetch(FetchRequest.get(base + "/gzip")).body(), StandardCharsets.UTF_8))
                .isEqualTo("compressed body");
    }

    @Test
    void capsTheDecompressedSize() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(base + "/bomb")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
    }

    @Test
    void errorStatusIsATypedFailureWithTheStatus() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(base + "/missing")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("/missing");
                });
    }

    @Test
    void followsRedirectsAndReportsTheFinalUri() throws Exception {
        FetchResponse response = fetcher.fetch(FetchRequest.get(base + "/old"));
        assertThat(response.uri().getPath()).isEqualTo("/plain");
    }

    @Test
    void aPermanentMoveIsReportedATemporaryOneIsNot() throws Exception {
        assertThat(fetcher.fetch(FetchRequest.get(base + "/old")).movedPermanentlyTo()).isEqualTo(URI.create(base + "/plain"));
        assertThat(fetcher.fetch(FetchRequest.get(base + "/plain")).movedPermanentlyTo()).isNull();
        // 302 then 301: the address the feed was given is still the one to use
        FetchResponse viaTemporary = fetcher.fetch(FetchRequest.get(base + "/temp"));
        assertThat(viaTemporary.status()).isEqualTo(200);
        assertThat(viaTemporary.movedPermanentlyTo()).isNull();
    }

    @Test
    void aRedirectLoopIsAProtocolFailure() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(base + "/loop")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.PROTOCOL))
                .hasMessageContaining("redirects");
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuth() throws Exception {
        String url = base.replace("http://", "http://reader:s3cret%20pass@") + "/private";
        assertThat(fetcher.fetch(FetchRequest.get(url)).body()).asString(StandardCharsets.UTF_8).isEqualTo("ok");
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(base + "/private")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void decodesBrotli() throws Exception {
        assertThat(fetcher.fetch(FetchRequest.get(base + "/brotli")).body()).asString(StandardCharsets.UTF_8)
                .isEqualTo("Brotli-encoded feed body");
    }

    /**
     * A valid Brotli stream holding {@code data} in one uncompressed meta-block (RFC 7932 §9.2), since the JDK
     * has no Brotli encoder: window bits 16; meta-block header ISLAST=0, MNIBBLES=4, MLEN-1, ISUNCOMPRESSED=1,
     * padded to a byte; the bytes; then an empty last meta-block.
     */
    private static byte[] brotliStored(byte[] data) {
        int header = ((data.length - 1) << 4) | (1 << 20);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(header & 0xFF);
        out.write((header >> 8) & 0xFF);
        out.write((header >> 16) & 0xFF);
        out.writeBytes(data);
        out.write(0x03); // ISLAST=1, ISLASTEMPTY=1
        return out.toByteArray();
    }

    @Test
    void slowServerTimesOut() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(base + "/slow")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT));
    }

    @Test
    void refusedConnectionIsAConnectFailure() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (HttpFetcher allowed = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofMillis(800), 100_000,
                "newsflow-test").allowingLoopbackPort(port))) {
            assertThatThrownBy(() -> allowed.fetch(FetchRequest.get("http://127.0.0.1:" + port + "/")))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.CONNECT));
        }
    }
}
