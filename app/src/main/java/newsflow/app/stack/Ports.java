package newsflow.app.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Loopback ports for the local services. A service keeps the port it had last time when that port is still
 * free, so an operator's bookmarks and a dashboard pointed at the local node survive restarts; otherwise the
 * system picks a free one. (A port found free can still be taken by someone else before the service binds
 * it: the service then fails to start with a clear bind error in its log.)
 */
final class Ports {

    private final Path file;
    private final Properties remembered = new Properties();

    /** Ports remembered in {@code file} (created on {@link #save()}). */
    Ports(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (var in = Files.newInputStream(file)) {
                remembered.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** The port remembered under {@code name} if it is still free, else a free one; remembered for next time. */
    int pick(String name) {
        String previous = remembered.getProperty(name);
        int port = 0;
        if (previous != null && previous.matches("\\d{1,5}") && isFree(Integer.parseInt(previous))) {
            port = Integer.parseInt(previous);
        }
        if (port == 0) {
            port = freePort();
        }
        remembered.setProperty(name, Integer.toString(port));
        return port;
    }

    void save() {
        try (var out = Files.newOutputStream(file)) {
            remembered.store(out, "ports the local services used last time");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
