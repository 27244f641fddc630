package newsflow.enrich.robots;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.HttpConfig;
import newsflow.common.http.HttpFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsCacheTest {

    private final AtomicInteger robotsRequests = new AtomicInteger();
    private volatile int status = 200;
    private HttpServer server;
    private HttpFetcher http;

    private RobotsCache cache() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/robots.txt", ex -> {
            robotsRequests.incrementAndGet();
            byte[] body = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        http = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), 100_000, "newsflow-test")
                .allowingLoopbackPort(server.getAddress().getPort()));
        return new RobotsCache(http, "newsflow-test", new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private URI page(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void rulesAreFetchedOncePerSiteAndApplied() throws Exception {
        RobotsCache cache = cache();
        assertThat(cache.allows(page("/news/ferry"))).isTrue();
        assertThat(cache.allows(page("/private/notes"))).isFalse();
        assertThat(robotsRequests.get()).isEqualTo(1);
    }

    @Test
    void aMissingRobotsTxtAllowsAndAnUnavailableOneDisallowsForAWhile() throws Exception {
        status = 404;
        RobotsCache missing = cache();
        assertThat(missing.allows(page("/private/notes"))).isTrue();

        status = 503;
        RobotsCache failing = new RobotsCache(http, "newsflow-test", new SimpleMeterRegistry(), Clock.systemUTC());
        assertThat(failing.allows(page("/news/ferry"))).isFalse();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }
}
