package newsflow.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server written on a bare socket, to misbehave exactly: it counts the connections it accepts
 * and either trickles a body (headers at once, then one byte a second) or answers a fixed response.
 */
final class RawServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String response;
    final AtomicInteger connections = new AtomicInteger();
    /** Counted down when a client closed a trickled connection (our write failed). */
    final CountDownLatch cutOff;

    private RawServer(String response, int expectedCutOffs) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        this.response = response;
        this.cutOff = new CountDownLatch(expectedCutOffs);
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** Headers promptly, then a 100 kB body one byte per second. */
    static RawServer trickling(int expectedCutOffs) throws IOException {
        return new RawServer(null, expectedCutOffs);
    }

    /** Answers every request with this response (status line, headers, blank line, body). */
    static RawServer answering(String response) throws IOException {
        return new RawServer(response, 0);
    }

    int port() {
        return socket.getLocalPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            readHeaders(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (response != null) {
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n<"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            try {
                for (int i = 0; i < 100_000; i++) {
                    Thread.sleep(1000);
                    out.write('x');
                    out.flush();
                }
            } catch (IOException e) {
                cutOff.countDown(); // the client closed the connection
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
