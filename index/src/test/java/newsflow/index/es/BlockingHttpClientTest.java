package newsflow.index.es;

import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockingHttpClientTest {

    private static final Timeout SECONDS = Timeout.ofSeconds(5);
    private static final String JSON = "{\"acknowledged\":true}";

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<BlockingHttpClient> clients = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        for (BlockingHttpClient c : clients) {
            c.close();
        }
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void sendsMethodPathParametersHeadersAndBodyAndReadsTheAnswer() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        URI node = serve(exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("query", exchange.getRequestURI().getRawQuery());
            seen.put("type", exchange.getRequestHeaders().getFirst("Content-Type"));
            seen.put("auth", exchange.getRequestHeaders().getFirst("Authorization"));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Warning", "one");
            exchange.getResponseHeaders().add("Warning", "two");
            answer(exchange, 201, JSON.getBytes(StandardCharsets.UTF_8));
        });
        BlockingHttpClient client = client(List.of(node), false, 1 << 20);

        try (TransportHttpClient.Response response = client.performRequest("test", null,
                request("POST", "/articles/_search", Map.of("q", "oil & gas/2", "typed_keys", "true"), "{\"size\":1}"),
                new DefaultTransportOptions())) {
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers("warning")).containsExactly("one", "two");
            assertThat(new String(response.body().asInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(JSON);
            assertThat(response.node().uri().getPort()).isEqualTo(node.getPort());
        }
        assertThat(seen).containsEntry("method", "POST").containsEntry("path", "/articles/_search")
                .containsEntry("type", "application/json").containsEntry("auth", "ApiKey k")
                .containsEntry("body", "{\"size\":1}");
        // each parameter encoded on its own: a space, an ampersand and a slash inside a value come back as written
        assertThat(java.util.Arrays.stream(seen.get("query").split("&"))
                .map(p -> java.net.URLDecoder.decode(p, StandardCharsets.UTF_8)))
                .containsExactlyInAnyOrder("q=oil & gas/2", "typed_keys=true");
    }

    @Test
    void asksTheNextNodeWhenOneRefusesConnections() throws Exception {
        URI live = serve(exchange -> answer(exchange, 200, JSON.getBytes(StandardCharsets.UTF_8)));
        BlockingHttpClient client = client(List.of(closedPort(), live), false, 1 << 20);

        // the turn starts on each node in rotation: every request still lands on the live one
        for (int i = 0; i < 4; i++) {
            try (TransportHttpClient.Response response = client.performRequest("test", null, request("GET", "/", Map.of(), null),
                    new DefaultTransportOptions())) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.node().uri().getPort()).isEqualTo(live.getPort());
            }
        }
    }

    @Test
    void failsWithEveryNodesReasonWhenNoneAccepts() throws Exception {
        BlockingHttpClient client = client(List.of(closedPort(), closedPort()), false, 1 << 20);

        assertThatThrownBy(() -> client.performRequest("test", null, request("GET", "/", Map.of(), null), new DefaultTransportOptions()))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void refusesAnAnswerLongerThanItsBound() throws Exception {
        URI node = serve(exchange -> answer(exchange, 200, new byte[Integer.parseInt(exchange.getRequestURI().getQuery().substring(2))]));
        BlockingHttpClient client = client(List.of(node), false, 1000);

        try (TransportHttpClient.Response atTheBound = client.performRequest("test", null, request("GET", "/", Map.of("n", "1000"), null),
                new DefaultTransportOptions())) {
            assertThat(atTheBound.body().size()).isEqualTo(1000);
        }
        assertThatThrownBy(() -> client.performRequest("test", null, request("GET", "/", Map.of("n", "1001"), null),
                new DefaultTransportOptions()))
                .isInstanceOf(IOException.class).hasMessageContaining("more than 1000 bytes");
    }

    @Test
    void givesUpOnAnAnswerThatStalls() throws Exception {
        URI node = serve(exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, JSON.getBytes(StandardCharsets.UTF_8));
        });
        BlockingHttpClient client = new BlockingHttpClient(List.of(node), new Header[0], SECONDS, Timeout.ofMilliseconds(300),
                false, 1 << 20);
        clients.add(client);

        assertThatThrownBy(() -> client.performRequest("test", null, request("GET", "/", Map.of(), null), new DefaultTransportOptions()))
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void gzipsBodiesAndReadsGzippedAnswersWhenCompressionIsOn() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        URI node = serve(exchange -> {
            seen.put("encoding", exchange.getRequestHeaders().getFirst("Content-Encoding"));
            seen.put("body", new String(new GZIPInputStream(exchange.getRequestBody()).readAllBytes(), StandardCharsets.UTF_8));
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(JSON.getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            answer(exchange, 200, zipped.toByteArray());
        });
        BlockingHttpClient client = client(List.of(node), true, 1 << 20);

        try (TransportHttpClient.Response response = client.performRequest("test", null,
                request("POST", "/_count", Map.of(), "{\"query\":{}}"), new DefaultTransportOptions())) {
            assertThat(new String(response.body().asInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(JSON);
        }
        assertThat(seen).containsEntry("encoding", "gzip").containsEntry("body", "{\"query\":{}}");
    }

    @Test
    void asynchronousCallsRunOnPlatformThreadsAndReportFailures() throws Exception {
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        URI node = serve(exchange -> answer(exchange, 200, JSON.getBytes(StandardCharsets.UTF_8)));
        BlockingHttpClient client = client(List.of(node), false, 1 << 20);

        TransportHttpClient.Response response = client.performRequestAsync("test", null, request("GET", "/", Map.of(), null),
                new DefaultTransportOptions()).thenApply(r -> {
                    virtual.add(Thread.currentThread().isVirtual());
                    return r;
                }).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(virtual).containsExactly(false);

        BlockingHttpClient down = client(List.of(closedPort()), false, 1 << 20);
        assertThatThrownBy(() -> down.performRequestAsync("test", null, request("GET", "/", Map.of(), null),
                new DefaultTransportOptions()).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
    }

    private BlockingHttpClient client(List<URI> nodes, boolean compression, int maxAnswerBytes) {
        BlockingHttpClient client = new BlockingHttpClient(nodes,
                new Header[] {new org.apache.hc.core5.http.message.BasicHeader("Authorization", "ApiKey k")}, SECONDS,
                SECONDS, compression, maxAnswerBytes);
        clients.add(client);
        return client;
    }

    private static TransportHttpClient.Request request(String method, String path, Map<String, String> params, String json) {
        return new TransportHttpClient.Request(method, path, params,
                json == null ? Map.of() : Map.of("Content-Type", "application/json"),
                json == null ? null : List.of(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8))));
    }

    private URI serve(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A loopback port nothing listens on (bound, then closed). */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
