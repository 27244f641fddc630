package newsflow.lab.bench;

import com.sun.net.httpserver.HttpExchange;
import newsflow.common.crypto.HmacSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WebSub hub for the pipeline benchmark, as a publisher's hub behaves (W3C WebSub): takes subscription requests
 * at {@code /hub}, verifies each intent with a challenge to the subscriber's callback, and on {@link #publish}
 * delivers the feed's new content to the callback signed with the subscriber's secret ({@code X-Hub-Signature:
 * sha256=…}). Only the subscribe mode; the benchmark's leases outlast its run.
 */
final class WebSubHub {

    private static final Logger log = LoggerFactory.getLogger(WebSubHub.class);
    static final String PATH = "/hub";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private record Subscriber(String callback, String secret) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(DEADLINE)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Verified subscribers by topic. */
    private final Map<String, Subscriber> verified = new ConcurrentHashMap<>();

    /** Topics with a verified subscriber. */
    int verifiedTopics() {
        return verified.size();
    }

    /** A subscription request: accepted (202) at once, verified afterwards, as hubs do. */
    void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        Map<String, String> form;
        try (InputStream in = exchange.getRequestBody()) {
            form = form(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
        }
        String topic = form.get("hub.topic");
        String callback = form.get("hub.callback");
        if (!"subscribe".equals(form.get("hub.mode")) || topic == null || callback == null) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        exchange.sendResponseHeaders(202, -1);
        Subscriber subscriber = new Subscriber(callback, form.getOrDefault("hub.secret", ""));
        Thread.ofVirtual().name("bench-hub-verify").start(() -> verify(topic, subscriber, form.get("hub.lease_seconds")));
    }

    private void verify(String topic, Subscriber subscriber, String lease) {
        String challenge = UUID.randomUUID().toString();
        String query = "hub.mode=subscribe&hub.topic=" + encode(topic) + "&hub.challenge=" + challenge
                + "&hub.lease_seconds=" + (lease == null ? "864000" : encode(lease));
        String sep = subscriber.callback().contains("?") ? "&" : "?";
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(subscriber.callback() + sep + query))
                    .timeout(DEADLINE).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2 && answer.body().equals(challenge)) {
                verified.put(topic, subscriber);
            } else {
                log.warn("hub: {} did not confirm the subscription to {} (status {})", subscriber.callback(), topic,
                        answer.statusCode());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("hub: cannot verify the subscription to {} at {}: {}", topic, subscriber.callback(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Delivers {@code content} of {@code topic} to its subscriber, signed; returns the callback's status.
     *
     * @throws IllegalStateException when nobody verified a subscription to the topic
     */
    int publish(String topic, byte[] content) throws IOException, InterruptedException {
        Subscriber subscriber = verified.get(topic);
        if (subscriber == null) {
            throw new IllegalStateException("hub: no verified subscription to " + topic);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscriber.callback())).timeout(DEADLINE)
                .header("Content-Type", "application/rss+xml; charset=utf-8")
                .header("X-Hub-Signature", HmacSignatures.sign("sha256", subscriber.secret(), content))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
