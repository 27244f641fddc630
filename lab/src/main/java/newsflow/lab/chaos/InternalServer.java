package newsflow.lab.chaos;

import com.sun.net.httpserver.HttpServer;
import newsflow.common.server.HttpServers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * The "internal service" hostile links point at: a loopback port the pipeline's allow list does not cover, on
 * 127.0.0.1 and, when the machine has IPv6 loopback, on {@code [::1]} with the same port. It must never receive a
 * request; each one it gets is recorded. Its pages carry {@link #SECRET}, which must never reach the index.
 */
final class InternalServer implements AutoCloseable {

    static final String SECRET = "INTERNAL-ONLY-7c1e9b: the payroll database password is hunter2";

    private final List<HttpServer> servers = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
    private final int port;
    private final boolean ipv6;

    private InternalServer() throws IOException {
        HttpServer v4 = bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        port = v4.getAddress().getPort();
        boolean v6 = false;
        try {
            bind(new InetSocketAddress(InetAddress.getByName("::1"), port));
            v6 = true;
        } catch (IOException noIpv6Loopback) {
            // the [::1] links are then refused or unreachable either way; the report says which loopbacks listened
        }
        ipv6 = v6;
    }

    static InternalServer start() throws IOException {
        return new InternalServer();
    }

    private HttpServer bind(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServers.create(address, 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRemoteAddress() + " " + ex.getRequestMethod() + " " + ex.getRequestURI());
            byte[] page = ("<html><head><title>Internal</title></head><body><article><h1>Internal</h1><p>" + SECRET
                    + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            try (var out = ex.getResponseBody()) {
                out.write(page);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        servers.add(server);
        return server;
    }

    int port() {
        return port;
    }

    boolean listensOnIpv6() {
        return ipv6;
    }

    /** Every request received, as {@code remote method uri}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
