package newsflow.common.server;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The one way newsflow opens an HTTP server ({@code com.sun.net.httpserver}), with {@code TCP_NODELAY} on its
 * connections.
 *
 * <p>Why: the JDK's server writes a response's headers and, when the body is bigger than its 8 KB buffer, the body
 * as two writes. With Nagle's algorithm on (the JDK server's default), the body's last segment then waits for the
 * client's ACK of the headers, and a client on a kept-alive connection delays that ACK by 40 ms: every JSON answer
 * over 8 KB (a search page with its facets, an attention series) came 40 ms late to a client that reuses its
 * connection. The switch is a system property the JDK reads once, when its first server starts, so it is set here,
 * before any server of this JVM is created through this class.
 */
public final class HttpServers {

    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        System.setProperty(NO_DELAY, "true");
    }

    private HttpServers() {
    }

    /** @see HttpServer#create(InetSocketAddress, int) */
    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        return HttpServer.create(address, backlog);
    }
}
