package newsflow.search.alerts;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.HttpConfig;
import newsflow.common.crypto.HmacSignatures;
import newsflow.common.http.HttpFetcher;
import newsflow.common.retry.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook deliveries against a loopback receiver: signed, retried when that can help, given up on otherwise. */
class WebhookSenderTest {

    private static final byte[] BODY = "{\"id\":\"s:a\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant FAR = Instant.now().plus(Duration.ofHours(1));

    private HttpServer server;
    private HttpFetcher http;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private volatile int failStatus = 503;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            seen.add(ex.getRequestHeaders().getFirst(WebhookSender.ID_HEADER) + " "
                    + ex.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER) + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(failFirst.getAndDecrement() > 0 ? failStatus : 204, -1);
            ex.close();
        });
        server.start();
        http = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(5), 100_000, "test")
                .allowingLoopbackPort(server.getAddress().getPort()), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    private WebhookSender sender(HttpFetcher fetcher, int attempts) {
        return new WebhookSender(fetcher, Backoff.full(Duration.ofMillis(100), Duration.ofSeconds(1)), attempts,
                Duration.ofSeconds(5), (wait, stop) -> waits.add(wait), Clock.systemUTC());
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Test
    void aSignedDeliveryCarriesTheAlertIdAndRetriesServerErrors() throws Exception {
        failFirst.set(2);
        WebhookSender.Result r = sender(http, 5).deliver("s:a", hook(), "0123456789abcdef", BODY, FAR, () -> false);
        assertThat(r.delivered()).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(seen).hasSize(3).containsOnly("s:a " + HmacSignatures.sign("sha256", "0123456789abcdef", BODY) + " {\"id\":\"s:a\"}");
        assertThat(waits).hasSize(2);
    }

    @Test
    void unsignedWithoutASecret() throws Exception {
        assertThat(sender(http, 1).deliver("s:a", hook(), null, BODY, FAR, () -> false).delivered()).isTrue();
        assertThat(seen).containsExactly("s:a null {\"id\":\"s:a\"}");
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        failFirst.set(10);
        failStatus = 410;
        WebhookSender.Result r = sender(http, 5).deliver("s:a", hook(), null, BODY, FAR, () -> false);
        assertThat(r.delivered()).isFalse();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(410);
        assertThat(seen).hasSize(1);
    }

    @Test
    void attemptsAreBoundedThenTheAlertFailsForGood() throws Exception {
        failFirst.set(10);
        WebhookSender.Result r = sender(http, 3).deliver("s:a", hook(), null, BODY, FAR, () -> false);
        assertThat(r.delivered()).isFalse();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.error()).contains("failed 3 times");
        assertThat(seen).hasSize(3);
    }

    @Test
    void noAttemptStartsThatCouldNotEndBeforeTheBatchDeadline() throws Exception {
        failFirst.set(10);
        WebhookSender.Result r = sender(http, 5).deliver("s:a", hook(), null, BODY, Instant.now().plusSeconds(2), () -> false);
        assertThat(r.delivered()).isFalse();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error()).contains("no time left");
    }

    @Test
    void theSsrfGuardRefusesAWebhookOnAPrivateAddressForGood() throws Exception {
        try (HttpFetcher guarded = new HttpFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(5), 100_000, "test"),
                new SimpleMeterRegistry())) {
            WebhookSender.Result r = sender(guarded, 5).deliver("s:a", hook(), null, BODY, FAR, () -> false);
            assertThat(r.delivered()).isFalse();
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.error()).contains("REFUSED");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void stoppingAbandonsTheDelivery() throws Exception {
        assertThat(sender(http, 5).deliver("s:a", hook(), null, BODY, FAR, () -> true)).isNull();
        assertThat(seen).isEmpty();
    }
}
