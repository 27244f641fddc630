package newsflow.app.run;

import newsflow.common.config.ServerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The status server's endpoints go through the shared HTTP guard: methods, JSON errors, Host, API keys, headers. */
class StatusServerTest {

    @Test
    void readsOnlyWithJsonErrorsAndSecurityHeaders() throws IOException {
        try (StatusServer server = StatusServer.start(new ServerConfig("127.0.0.1", 0), List.of(), null, Map::of)) {
            String host = "127.0.0.1:" + server.port();
            String health = request(server, "GET", "/health", host);
            assertThat(health).startsWith("HTTP/1.1 200").contains("\"status\":\"UP\"");
            assertThat(health.toLowerCase()).contains("x-content-type-options: nosniff", "referrer-policy: no-referrer");
            assertThat(request(server, "HEAD", "/ready", host)).startsWith("HTTP/1.1 200").doesNotContain("READY");
            for (String path : List.of("/health", "/ready", "/metrics", "/")) {
                for (String method : List.of("POST", "DELETE")) {
                    assertThat(request(server, method, path, host)).as(method + " " + path)
                            .startsWith("HTTP/1.1 405").containsIgnoringCase("allow: GET, HEAD")
                            .contains("application/json", "\"status\":405");
                }
            }
            assertThat(request(server, "GET", "/nothing", host)).startsWith("HTTP/1.1 404")
                    .contains("application/json", "\"status\":404");
            assertThat(request(server, "GET", "/health", "rebound.example:" + server.port())).startsWith("HTTP/1.1 421")
                    .contains("\"status\":421");
        }
    }

    @Test
    void withApiKeysEveryEndpointNeedsOne() throws IOException {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, List.of("s3cret"));
        try (StatusServer server = StatusServer.start(config, List.of(), null, Map::of)) {
            String host = "localhost:" + server.port();
            for (String path : List.of("/health", "/ready", "/metrics")) {
                assertThat(request(server, "GET", path, host)).as(path).startsWith("HTTP/1.1 401").contains("\"status\":401");
                assertThat(request(server, "GET", path, host, "Authorization: Bearer s3cret")).as(path).startsWith("HTTP/1.1 200");
            }
        }
    }

    /** Raw HTTP so that the Host header is exactly the test's. */
    private static String request(StatusServer server, String method, String path, String host, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            req.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
