package newsflow.common.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.HttpConfig;
import newsflow.common.metrics.MeterNames;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The total deadline and the SSRF guard, against misbehaving servers on 127.0.0.1. */
class FetchDeadlineAndGuardTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static HttpConfig config(Duration total) {
        // read timeout longer than the deadline: only the deadline can end a trickle
        return new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(30), 1_000_000, "newsflow-test").withTotalTimeout(total);
    }

    private double failures(String reason) {
        var counter = meters.find(MeterNames.HTTP_FETCH_FAILURES).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTrickledBodyIsCutOffAtTheDeadlineAndItsSocketClosed() throws Exception {
        try (RawServer slow = RawServer.trickling(1);
             HttpFetcher fetcher = new HttpFetcher(config(Duration.ofSeconds(2)).allowingLoopbackPort(slow.port()), meters)) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(slow.base() + "/slow-feed")))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FetchException.Kind.DEADLINE);
                        assertThat(e.getMessage()).contains("http.totalTimeout");
                    });
            assertThat(failures("deadline")).isEqualTo(1);
            // the connection was closed, not left reading: the server's next write fails
            assertThat(slow.cutOff.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeEndsFourTricklingFetchesInBoundedTime() throws Exception {
        try (RawServer slow = RawServer.trickling(4)) {
            // a deadline far away: only close() can end these fetches
            HttpFetcher fetcher = new HttpFetcher(config(Duration.ofMinutes(10)).allowingLoopbackPort(slow.port()), meters);
            ConcurrentLinkedQueue<Throwable> outcomes = new ConcurrentLinkedQueue<>();
            List<Thread> fetches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String url = slow.base() + "/feed-" + i;
                fetches.add(Thread.ofPlatform().start(() -> {
                    try {
                        fetcher.fetch(FetchRequest.get(url));
                        outcomes.add(new AssertionError("a trickled fetch completed"));
                    } catch (Throwable t) {
                        outcomes.add(t);
                    }
                }));
            }
            while (slow.connections.get() < 4) {
                Thread.sleep(20);
            }
            Thread closer = Thread.ofPlatform().start(fetcher::close);
            closer.join(Duration.ofSeconds(15));
            assertThat(closer.isAlive()).as("close() returned within 15 s").isFalse();
            for (Thread fetch : fetches) {
                fetch.join(Duration.ofSeconds(15));
                assertThat(fetch.isAlive()).as("fetch ended within 15 s of close()").isFalse();
            }
            assertThat(outcomes).hasSize(4).allSatisfy(t -> assertThat(t).isInstanceOfSatisfying(FetchException.class,
                    e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.INTERRUPTED)));
            assertThat(slow.cutOff.await(20, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(slow.base() + "/after")))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.INTERRUPTED));
        }
    }

    @Test
    void loopbackIsRefusedWithoutAnAllowRuleAndNoConnectionIsMade() throws Exception {
        try (RawServer target = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
             HttpFetcher fetcher = new HttpFetcher(config(Duration.ofSeconds(10)), meters)) {
            for (String url : List.of(target.base() + "/", // 127.0.0.1
                    "http://localhost:" + target.port() + "/", // a name resolving to loopback
                    "http://[::ffff:127.0.0.1]:" + target.port() + "/",
                    "http://2130706433:" + target.port() + "/",
                    "http://0x7f.1:" + target.port() + "/",
                    "http://0177.0.0.1:" + target.port() + "/",
                    "http://127.1:" + target.port() + "/")) {
                assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(url))).as(url)
                        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
            }
            assertThat(target.connections.get()).isZero();
            assertThat(failures("refused")).isEqualTo(7);
        }
    }

    @Test
    void ipv6LoopbackAndCloudMetadataAreRefusedBeforeConnecting() throws Exception {
        try (HttpFetcher fetcher = new HttpFetcher(config(Duration.ofSeconds(10)), meters)) {
            // REFUSED, not CONNECT or TIMEOUT: no connection was tried (nothing listens there to answer one)
            for (String url : List.of("http://[::1]:9/", "http://169.254.169.254/latest/meta-data/",
                    "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "http://0.0.0.0:9/", "http://[::]:9/",
                    "http://10.0.0.1/", "http://[fd00::1]/", "http://224.0.0.1/")) {
                assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(url))).as(url)
                        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
            }
        }
    }

    @Test
    void aRedirectFromAnAllowedServerToARefusedAddressIsRefused() throws Exception {
        try (RawServer inside = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret");
             RawServer allowed = RawServer.answering("HTTP/1.1 302 Found\r\nLocation: " + inside.base()
                     + "/_cat/indices\r\nContent-Length: 0\r\n\r\n");
             HttpFetcher fetcher = new HttpFetcher(config(Duration.ofSeconds(10)).allowingLoopbackPort(allowed.port()), meters)) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(allowed.base() + "/story")))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED);
                        assertThat(e.getMessage()).contains("127.0.0.1 port " + inside.port(), "loopback");
                    });
            assertThat(allowed.connections.get()).isEqualTo(1);
            assertThat(inside.connections.get()).isZero();
        }
    }

    @Test
    void anAllowedCidrAndPortPasses() throws Exception {
        try (RawServer target = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
             HttpFetcher fetcher = new HttpFetcher(config(Duration.ofSeconds(10))
                     // localhost may also resolve to ::1, and one refused address refuses the name
                     .withAllowPrivate(List.of("127.0.0.0/8:" + target.port(), "[::1]:" + target.port())), meters)) {
            FetchResponse response = fetcher.fetch(FetchRequest.get(target.base() + "/"));
            assertThat(response.body()).asString().isEqualTo("ok");
            assertThat(fetcher.fetch(FetchRequest.get("http://localhost:" + target.port() + "/")).status()).isEqualTo(200);
        }
    }

    @Test
    void aFormIsPostedThroughTheSameGuard() throws Exception {
        try (RawServer hub = RawServer.answering("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
             HttpFetcher allowed = new HttpFetcher(config(Duration.ofSeconds(10)).allowingLoopbackPort(hub.port()), meters);
             HttpFetcher guarded = new HttpFetcher(config(Duration.ofSeconds(10)), meters)) {
            URI uri = URI.create(hub.base() + "/hub");
            assertThat(allowed.fetch(FetchRequest.postForm(uri, "hub.mode=subscribe")).status()).isEqualTo(202);
            assertThatThrownBy(() -> guarded.fetch(FetchRequest.postForm(uri, "hub.mode=subscribe")))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
            assertThat(hub.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void jsonIsPostedWithItsHeadersThroughTheSameGuardAndDeadline() throws Exception {
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        hook.createContext("/hook", ex -> {
            seen.set(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + ex.getRequestHeaders().getFirst("X-Signature") + " "
                    + new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hook.start();
        int port = hook.getAddress().getPort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/hook");
        byte[] json = "{\"a\":\"é\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (HttpFetcher allowed = new HttpFetcher(config(Duration.ofSeconds(10)).allowingLoopbackPort(port), meters);
             HttpFetcher guarded = new HttpFetcher(config(Duration.ofSeconds(10)), meters)) {
            assertThat(allowed.fetch(FetchRequest.postJson(uri, json, Map.of("X-Signature", "sha256=ab"))).status()).isEqualTo(204);
            assertThat(seen.get()).isEqualTo("POST application/json; charset=utf-8 sha256=ab {\"a\":\"é\"}");
            seen.set(null);
            assertThatThrownBy(() -> guarded.fetch(FetchRequest.postJson(uri, json, Map.of())))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
            assertThat(seen.get()).isNull();
        } finally {
            hook.stop(0);
        }
        try (RawServer slow = RawServer.trickling(1);
             HttpFetcher fetcher = new HttpFetcher(config(Duration.ofSeconds(2)).allowingLoopbackPort(slow.port()), meters)) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.postJson(URI.create(slow.base() + "/hook"), json, Map.of())))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.DEADLINE));
        }
    }

    @Test
    void aProxyIsTheOperatorsChoiceButTheTargetIsStillChecked() throws Exception {
        try (RawServer proxy = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied");
             HttpFetcher fetcher = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(5),
                     Duration.ofSeconds(10), 1_000_000, "newsflow-test", "127.0.0.1:" + proxy.port(), List.of()), meters)) {
            // the proxy on loopback is reached; a target resolving to loopback is not asked for through it
            assertThatThrownBy(() -> fetcher.fetch(new FetchRequest(URI.create("http://127.0.0.1:9200/_cat/indices"),
                    null, Map.of(), null, null)))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
            assertThat(proxy.connections.get()).isZero();
        }
    }
}
