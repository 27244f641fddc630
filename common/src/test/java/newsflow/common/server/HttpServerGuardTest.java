package newsflow.common.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard every endpoint of newsflow's HTTP servers goes through, on a loopback server. */
class HttpServerGuardTest {

    private HttpServer server;
    private int port;

    private void serve(HttpGuard guard) throws IOException {
        server.createContext("/read", guard.read(ex -> HttpReplies.json(ex, 200, Map.of("ok", true))));
        server.createContext("/write", guard.write(Set.of("POST"), ex -> HttpReplies.json(ex, 200, Map.of("written", true))));
        server.createContext("/things", guard.readWrite(Set.of("POST", "DELETE"), 64, ex -> {
            if (!ex.getRequestMethod().equals("POST")) {
                HttpReplies.json(ex, 200, Map.of("method", ex.getRequestMethod()));
                return;
            }
            try {
                HttpReplies.json(ex, 200, Map.of("got", JsonBodies.readObject(ex, 64)));
            } catch (JsonBodies.BodyException e) {
                HttpReplies.error(ex, e.status(), e.getMessage());
            }
        }));
        server.createContext("/page", guard.page(ex -> HttpReplies.send(ex, 200, "text/html; charset=utf-8",
                "<!doctype html>".getBytes(StandardCharsets.UTF_8))));
        server.createContext("/feed", guard.feed(ex -> HttpReplies.send(ex, 200, "application/atom+xml",
                "<feed/>".getBytes(StandardCharsets.UTF_8))));
        server.createContext("/boom", guard.read(ex -> {
            throw new IllegalStateException("bug");
        }));
        server.start();
    }

    private void start(boolean loopback, List<String> keys) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        port = server.getAddress().getPort();
        serve(new HttpGuard(loopback, port, keys));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void readEndpointsAnswerGetAndHeadWithSecurityHeaders() throws IOException {
        start(true, List.of());
        String get = request("GET", "/read", "127.0.0.1:" + port);
        assertThat(get).startsWith("HTTP/1.1 200").contains("{\"ok\":true}");
        assertThat(get.toLowerCase()).contains("x-content-type-options: nosniff", "referrer-policy: no-referrer",
                "x-frame-options: deny", "content-security-policy: default-src 'none'; script-src 'self'",
                "frame-ancestors 'none'");
        assertThat(HttpGuard.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline", "unsafe-eval");
        String head = request("HEAD", "/read", "localhost:" + port);
        assertThat(head).startsWith("HTTP/1.1 200").doesNotContain("{\"ok\"");
    }

    @Test
    void otherMethodsGet405WithAllowAndAJsonError() throws IOException {
        start(true, List.of());
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            String reply = request(method, "/read", "127.0.0.1:" + port);
            assertThat(reply).as(method).startsWith("HTTP/1.1 405").containsIgnoringCase("allow: GET, HEAD")
                    .contains("\"status\":405", "method " + method + " not allowed");
        }
        assertThat(request("GET", "/write", "127.0.0.1:" + port)).startsWith("HTTP/1.1 405").containsIgnoringCase("allow: POST");
    }

    @Test
    void aFailingHandlerIsAJson500() throws IOException {
        start(true, List.of());
        assertThat(request("GET", "/boom", "127.0.0.1:" + port)).startsWith("HTTP/1.1 500")
                .contains("application/json", "\"error\":\"internal error: IllegalStateException\"");
    }

    @Test
    void onLoopbackOnlyLoopbackHostNamesAreServed() throws IOException {
        start(true, List.of());
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST:" + port)) {
            assertThat(request("GET", "/read", host)).as(host).startsWith("HTTP/1.1 200");
        }
        for (String host : List.of("evil.example:" + port, "localhost", "127.0.0.1:1", "localhost.evil.example:" + port)) {
            assertThat(request("GET", "/read", host)).as(host).startsWith("HTTP/1.1 421").contains("\"status\":421");
        }
        assertThat(request("GET", "/read", null)).startsWith("HTTP/1.1 421");
    }

    @Test
    void offLoopbackAnyHostIsServedButWritingNeedsAKey() throws IOException {
        start(false, List.of());
        assertThat(request("GET", "/read", "news.example.org")).startsWith("HTTP/1.1 200");
        assertThat(request("POST", "/write", "news.example.org")).startsWith("HTTP/1.1 403").contains("server.apiKeys");
    }

    @Test
    void onLoopbackWritingNeedsNoKeyWhenNoneIsConfigured() throws IOException {
        start(true, List.of());
        assertThat(request("POST", "/write", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
    }

    @Test
    void withApiKeysEveryEndpointNeedsOne() throws IOException {
        start(false, List.of("k-one", "k-two"));
        assertThat(request("GET", "/read", "h", "X-Api-Key: wrong")).startsWith("HTTP/1.1 401")
                .containsIgnoringCase("www-authenticate: Bearer").contains("\"status\":401");
        assertThat(request("GET", "/read", "h")).startsWith("HTTP/1.1 401");
        assertThat(request("GET", "/read", "h", "Authorization: Bearer k-one")).startsWith("HTTP/1.1 200");
        assertThat(request("GET", "/read", "h", "X-Api-Key: k-two")).startsWith("HTTP/1.1 200");
        assertThat(request("GET", "/read", "h", "Authorization: Bearer k-on")).startsWith("HTTP/1.1 401");
        assertThat(request("POST", "/write", "h", "Authorization: bearer k-two")).startsWith("HTTP/1.1 200");
        assertThat(request("POST", "/write", "h", "X-Api-Key: k-three")).startsWith("HTTP/1.1 401");
    }

    @Test
    void aFeedTakesTheKeyAlsoAsTheBasicPasswordAndChallengesForIt() throws IOException {
        start(false, List.of("k-one"));
        // a feed reader asks for a user name and password when challenged with Basic
        String refused = request("GET", "/feed", "h");
        assertThat(refused).startsWith("HTTP/1.1 401").containsIgnoringCase("www-authenticate: Basic realm=\"newsflow feeds\"")
                .containsIgnoringCase("www-authenticate: Bearer").contains("Basic", "\"status\":401");
        assertThat(request("GET", "/feed", "h", "Authorization: Basic " + basic("anyone:k-one"))).startsWith("HTTP/1.1 200")
                .contains("<feed/>");
        assertThat(request("GET", "/feed", "h", "Authorization: basic " + basic(":k-one"))).startsWith("HTTP/1.1 200");
        // the password may hold a colon; only the first one ends the user name
        assertThat(request("GET", "/feed", "h", "Authorization: Basic " + basic("k-one:x"))).startsWith("HTTP/1.1 401");
        assertThat(request("GET", "/feed", "h", "Authorization: Basic " + basic("k-one"))).startsWith("HTTP/1.1 401");
        assertThat(request("GET", "/feed", "h", "Authorization: Basic not*base64")).startsWith("HTTP/1.1 401");
        assertThat(request("GET", "/feed", "h", "X-Api-Key: k-one")).startsWith("HTTP/1.1 200");
        assertThat(request("GET", "/feed", "h", "Authorization: Bearer k-one")).startsWith("HTTP/1.1 200");
        // elsewhere Basic is not taken, and not asked for
        assertThat(request("GET", "/read", "h", "Authorization: Basic " + basic("anyone:k-one"))).startsWith("HTTP/1.1 401")
                .doesNotContainIgnoringCase("www-authenticate: Basic");
        assertThat(HttpGuard.basicPassword(basic("u:p:q"))).isEqualTo("p:q");
    }

    private static String basic(String pair) {
        return java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPagesStaticFilesNeedNoKeyButKeepEveryOtherCheck() throws IOException {
        start(true, List.of("k-one"));
        String host = "127.0.0.1:" + port;
        // a browser opens the page without a header; the page then sends the key with every API request
        assertThat(request("GET", "/page", host)).startsWith("HTTP/1.1 200").contains("<!doctype html>")
                .containsIgnoringCase("content-security-policy: default-src 'none'");
        assertThat(request("GET", "/read", host)).startsWith("HTTP/1.1 401");
        assertThat(request("GET", "/page", "evil.example:" + port)).startsWith("HTTP/1.1 421");
        assertThat(request("POST", "/page", host)).startsWith("HTTP/1.1 405");
    }

    @Test
    void aReadWriteEndpointTakesOnlyBoundedJsonBodies() throws IOException {
        start(true, List.of());
        String host = "127.0.0.1:" + port;
        assertThat(request("GET", "/things", host)).startsWith("HTTP/1.1 200").contains("\"method\":\"GET\"");
        assertThat(request("DELETE", "/things", host)).startsWith("HTTP/1.1 200").contains("\"method\":\"DELETE\"");
        assertThat(request("PUT", "/things", host)).startsWith("HTTP/1.1 405");
        assertThat(withBody("POST", host, "application/json; charset=utf-8", "{\"a\":1}", false))
                .startsWith("HTTP/1.1 200").contains("\"got\":{\"a\":1}");
        // what a cross-site HTML form can send is refused before the handler runs
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            assertThat(withBody("POST", host, type, "{\"a\":1}", false)).as(type).startsWith("HTTP/1.1 415")
                    .contains("Content-Type must be application/json");
        }
        assertThat(withBody("POST", host, null, "{}", false)).startsWith("HTTP/1.1 415");
        String big = "{\"a\":\"" + "x".repeat(100) + "\"}";
        assertThat(withBody("POST", host, "application/json", big, false)).startsWith("HTTP/1.1 413");
        // a body of undeclared length (chunked) is cut at the same bound while it is read
        assertThat(withBody("POST", host, "application/json", big, true)).startsWith("HTTP/1.1 413");
        assertThat(withBody("POST", host, "application/json", "{\"a\":", false)).startsWith("HTTP/1.1 400")
                .contains("not valid JSON");
        assertThat(withBody("POST", host, "application/json", "[1]", false)).startsWith("HTTP/1.1 400")
                .contains("must be a JSON object");
        assertThat(withBody("POST", host, "application/json", "", false)).startsWith("HTTP/1.1 400").contains("empty");
    }

    @Test
    void offLoopbackAReadWriteEndpointReadsFreelyButWritesWithAKeyOnly() throws IOException {
        start(false, List.of());
        assertThat(request("GET", "/things", "news.example.org")).startsWith("HTTP/1.1 200");
        assertThat(request("DELETE", "/things", "news.example.org")).startsWith("HTTP/1.1 403");
        assertThat(withBody("POST", "news.example.org", "application/json", "{}", false)).startsWith("HTTP/1.1 403");
    }

    private String withBody(String method, String host, String contentType, String body, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder(method + " /things HTTP/1.1\r\nHost: " + host + "\r\n");
            if (contentType != null) {
                req.append("Content-Type: ").append(contentType).append("\r\n");
            }
            req.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes.length + "\r\n");
            req.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            if (chunked) {
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(bytes);
            }
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loopbackIsRecognisedFromTheBindAddress() {
        assertThat(HttpGuard.isLoopback("127.0.0.1")).isTrue();
        assertThat(HttpGuard.isLoopback("::1")).isTrue();
        assertThat(HttpGuard.isLoopback("localhost")).isTrue();
        assertThat(HttpGuard.isLoopback("0.0.0.0")).isFalse();
    }

    /** A raw HTTP/1.1 exchange: the Host header (or none) is exactly what the test says. */
    private String request(String method, String path, String host, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (host != null) {
                req.append("Host: ").append(host).append("\r\n");
            }
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            req.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
