package newsflow.common.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** A server opened here has Nagle's algorithm off (the JDK reads the switch when its first server starts). */
class HttpServersTest {

    @Test
    void theNoDelaySwitchIsOnWhenTheServerIsCreated() throws Exception {
        HttpServer server = HttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            assertThat(System.getProperty(HttpServers.NO_DELAY)).isEqualTo("true");
            assertThat(server.getAddress().getPort()).isPositive();
        } finally {
            server.stop(0);
        }
    }
}
