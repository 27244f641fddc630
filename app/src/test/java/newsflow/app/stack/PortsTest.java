package newsflow.app.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @TempDir
    Path dir;

    @Test
    void reusesTheRememberedPortWhenItIsStillFree() {
        Ports first = new Ports(dir.resolve("ports.properties"));
        int port = first.pick("http");
        first.save();

        assertThat(new Ports(dir.resolve("ports.properties")).pick("http")).isEqualTo(port);
    }

    @Test
    void picksAnotherPortWhenTheRememberedOneIsTaken() throws IOException {
        Ports first = new Ports(dir.resolve("ports.properties"));
        int port = first.pick("http");
        first.save();

        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(squatter.getLocalPort()).isEqualTo(port);
            int next = new Ports(dir.resolve("ports.properties")).pick("http");
            assertThat(next).isNotEqualTo(port).isPositive();
            assertThat(Ports.isFree(port)).isFalse();
        }
    }

    @Test
    void namesAreRememberedSeparately() {
        Ports ports = new Ports(dir.resolve("ports.properties"));
        assertThat(ports.pick("client")).isNotEqualTo(ports.pick("controller"));
    }
}
