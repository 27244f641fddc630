package newsflow.ingest.websub;

import newsflow.common.crypto.HmacSignatures;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.HttpConfig;
import newsflow.common.config.WebSubConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.metrics.MeterNames;
import newsflow.ingest.parse.PushHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a WebSub hub this test runs on 127.0.0.1: subscribe, intent verification, signed delivery. */
class WebSubTest {

    private static final String FEED = "https://quay-news.example/feed.atom";
    private static final String TOPIC = "https://quay-news.example/feed.atom?self";

    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<String> polled = new LinkedBlockingQueue<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CompletableFuture<Map<String, String>> subscription = new CompletableFuture<>();
    private final CompletableFuture<String> verificationAnswer = new CompletableFuture<>();
    private HttpServer hub;
    private WebSub websub;
    private HttpFetcher http;

    @Test
    void subscribesAnswersTheHubsChallengeAndPollsOnASignedDelivery() throws Exception {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/hub", ex -> {
            subscription.complete(form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        hub.start();
        int port = freePort();
        http = new HttpFetcher(new HttpConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20, "newsflow-test")
                .allowingLoopbackPort(hub.getAddress().getPort()));
        websub = new WebSub(new WebSubConfig("http://127.0.0.1:" + port, "127.0.0.1", port, "correct horse battery staple",
                Duration.ofDays(10)), http, polled::add, meters, Clock.systemUTC());

        websub.advertised(FEED, new PushHub("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub", TOPIC));
        Map<String, String> request = subscription.get(10, TimeUnit.SECONDS);
        assertThat(request).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", TOPIC)
                .containsEntry("hub.lease_seconds", Long.toString(Duration.ofDays(10).toSeconds()));
        String callback = request.get("hub.callback");
        String secret = request.get("hub.secret");
        assertThat(callback).startsWith("http://127.0.0.1:" + port + "/websub/");
        assertThat(secret).isNotBlank().doesNotContain("correct horse");

        // intent verification: our challenge echoed; someone else's topic refused
        HttpResponse<String> verified = get(callback + "?hub.mode=subscribe&hub.topic=" + enc(TOPIC)
                + "&hub.challenge=c4ll3ng3&hub.lease_seconds=3600");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("c4ll3ng3");
        assertThat(get(callback + "?hub.mode=subscribe&hub.topic=" + enc("https://other.example/feed")
                + "&hub.challenge=x").statusCode()).isEqualTo(404);

        // a delivery signed with the secret the hub was given: the feed is polled now
        byte[] content = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Quay News</title></feed>".getBytes(StandardCharsets.UTF_8);
        assertThat(post(callback, content, "sha256=" + HmacSignatures.hmacHex("sha256", secret.getBytes(StandardCharsets.UTF_8), content)))
                .isEqualTo(202);
        assertThat(polled.poll(10, TimeUnit.SECONDS)).isEqualTo(FEED);

        // forged or unsigned deliveries are acknowledged (as the spec asks) and ignored
        assertThat(post(callback, content, "sha256=" + "00".repeat(32))).isEqualTo(202);
        assertThat(post(callback, content, null)).isEqualTo(202);
        assertThat(meters.counter(MeterNames.WEBSUB_EVENTS, "event", "bad_signature").count()).isEqualTo(2.0);
        assertThat(meters.counter(MeterNames.WEBSUB_EVENTS, "event", "delivered").count()).isEqualTo(1.0);
        assertThat(polled).isEmpty();

        // a verified lease far from its end is not renewed on every poll
        websub.advertised(FEED, new PushHub("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub", TOPIC));
        assertThat(meters.counter(MeterNames.WEBSUB_EVENTS, "event", "verified").count()).isEqualTo(1.0);
    }

    @Test
    void signaturesOfEveryMethodTheSpecNamesAreChecked() {
        byte[] body = "payload".getBytes(StandardCharsets.UTF_8);
        for (String method : new String[]{"sha1", "sha256", "sha384", "sha512"}) {
            String good = method + "=" + HmacSignatures.hmacHex(method, "k".getBytes(StandardCharsets.UTF_8), body);
            assertThat(HmacSignatures.valid(good, "k", body)).as(method).isTrue();
            assertThat(HmacSignatures.valid(good, "other", body)).as(method).isFalse();
        }
        assertThat(HmacSignatures.valid("md5=abc", "k", body)).isFalse();
        assertThat(HmacSignatures.valid("garbage", "k", body)).isFalse();
    }

    @AfterEach
    void stop() {
        if (websub != null) {
            websub.close();
        }
        if (http != null) {
            http.close();
        }
        if (hub != null) {
            hub.stop(0);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int post(String url, byte[] body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/atom+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header("X-Hub-Signature", signature);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> map = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            map.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return map;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
