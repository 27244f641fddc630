package newsflow.lab.bench;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.server.HttpServers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * HTTP servers on many loopback hosts: host {@code h} is the address {@code 127.1.x.y} (Linux routes all of 127/8 to
 * loopback), so a client sees distinct hosts and its per-host limits apply while every request stays on this
 * machine. One pool of handler threads, named {@code threadPrefix} and a number, serves them all.
 */
final class LoopbackHosts implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> baseUrls = new ArrayList<>();
    private final ExecutorService handlers;

    /** @param handler host number → the handler of its {@code context} */
    LoopbackHosts(int hosts, int threads, String threadPrefix, String context, IntFunction<HttpHandler> handler)
            throws IOException {
        if (hosts < 1 || hosts > 250 * 250) {
            throw new IllegalArgumentException("need 1 ≤ hosts ≤ 62500, got " + hosts);
        }
        AtomicInteger n = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadPrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int h = 0; h < hosts; h++) {
                String address = address(h);
                HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getByName(address), 0), 256);
                server.createContext(context, handler.apply(h));
                server.setExecutor(handlers);
                server.start();
                servers.add(server);
                baseUrls.add("http://" + address + ":" + server.getAddress().getPort());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Host h's loopback address: 127.1.0.1, 127.1.0.2, … 127.1.0.250, 127.1.1.1, … */
    static String address(int host) {
        return "127.1." + host / 250 + "." + (host % 250 + 1);
    }

    int size() {
        return servers.size();
    }

    /** {@code http://127.1.x.y:port} of host h. */
    String baseUrl(int host) {
        return baseUrls.get(host);
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
