package newsflow.enrich.robots;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.HttpConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.retry.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-03-04T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Without jitter, so the waits are exactly 1, 2, 4 … minutes. */
    static final Backoff EXACT = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 0);

    @Test
    void aServerErrorDisallowsForAShortWhileThatGrowsWithEachFailureAndResetsOnSuccess() throws Exception {
        cache(); // starts the server
        ManualClock clock = new ManualClock();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RobotsCache cache = new RobotsCache(http, "newsflow-test", meters, clock, EXACT);
        status = 503;

        assertThat(cache.allows(page("/news/ferry"))).isFalse();
        assertThat(robotsRequests.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.allows(page("/news/ferry"))).isFalse();
        assertThat(robotsRequests.get()).isEqualTo(1); // still within the first minute: not asked again

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.allows(page("/news/ferry"))).isFalse();
        assertThat(robotsRequests.get()).isEqualTo(2); // asked again after one minute, not thirty

        clock.advance(Duration.ofSeconds(119));
        cache.allows(page("/news/ferry"));
        assertThat(robotsRequests.get()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        cache.allows(page("/news/ferry"));
        assertThat(robotsRequests.get()).isEqualTo(3); // the second wait was two minutes

        status = 200;
        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.allows(page("/news/ferry"))).isTrue();
        assertThat(cache.allows(page("/private/notes"))).isFalse();
        assertThat(robotsRequests.get()).isEqualTo(4);
        assertThat(meters.counter(RobotsCache.UNAVAILABLE_METER, "kind", "http_status").count()).isEqualTo(3);

        status = 503; // a day later the rules are due again and the site fails: the streak starts over
        clock.advance(RobotsCache.KEEP);
        assertThat(cache.allows(page("/news/ferry"))).isFalse();
        clock.advance(Duration.ofMinutes(1));
        cache.allows(page("/news/ferry"));
        assertThat(robotsRequests.get()).isEqualTo(6);
    }

    @Test
    void theWaitAfterFailuresIsCappedAtThirtyMinutes() throws Exception {
        cache();
        ManualClock clock = new ManualClock();
        RobotsCache cache = new RobotsCache(http, "newsflow-test", new SimpleMeterRegistry(), clock, EXACT);
        status = 500;
        for (int minutes : new int[] {1, 2, 4, 8, 16, 30, 30}) {
            int before = robotsRequests.get();
            cache.allows(page("/news/ferry"));
            assertThat(robotsRequests.get()).isEqualTo(before + 1);
            clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
            cache.allows(page("/news/ferry"));
            assertThat(robotsRequests.get()).isEqualTo(before + 1);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void anUnreachableSiteIsAskedAgainAfterAShortWhile() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        http = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), 100_000, "newsflow-test")
                .allowingLoopbackPort(closedPort));
        ManualClock clock = new ManualClock();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RobotsCache cache = new RobotsCache(http, "newsflow-test", meters, clock);
        URI page = URI.create("http://127.0.0.1:" + closedPort + "/news/ferry");

        assertThat(cache.allows(page)).isFalse();
        assertThat(attempts(meters)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(47)); // under the least first wait (1 min less 20 % jitter)
        assertThat(cache.allows(page)).isFalse();
        assertThat(attempts(meters)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(14)); // past the longest first wait
        assertThat(cache.allows(page)).isFalse();
        assertThat(attempts(meters)).isEqualTo(2);
    }

    static double attempts(SimpleMeterRegistry meters) {
        return meters.find(RobotsCache.UNAVAILABLE_METER).counters().stream().mapToDouble(c -> c.count()).sum();
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
