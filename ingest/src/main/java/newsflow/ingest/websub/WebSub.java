package newsflow.ingest.websub;


import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.config.WebSubConfig;
import newsflow.common.crypto.HmacSignatures;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.HttpFetcher;
import newsflow.common.metrics.MeterNames;
import newsflow.common.server.HttpServers;
import newsflow.ingest.parse.PushHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * WebSub subscriber (W3C Recommendation): subscribes to the hubs feeds advertise, answers the hubs' intent
 * verification, and turns each authenticated content delivery into an immediate poll of that feed, so new items
 * arrive in seconds instead of at the next scheduled poll. The poll, not the pushed body, is what gets published:
 * one path for every entry, with the feed's state and dedupe, whichever way it was triggered.
 *
 * <p>Any ingest instance can verify any delivery: the secret given to each hub is derived from the configured
 * secret and the topic, so no instance has to remember it.
 */
public final class WebSub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebSub.class);
    static final String PATH = "/websub/";
    /** Renew a subscription when less than a tenth of its lease is left. */
    private static final int RENEW_WHEN_LEFT = 10;

    private final WebSubConfig config;
    private final Consumer<String> pollNow;
    private final MeterRegistry meters;
    private final Clock clock;
    /** The one fetch layer: hub requests get its deadline and its SSRF guard like any other fetch. */
    private final HttpFetcher http;
    private final HttpServer server;
    /** Subscriptions by callback key: the feed they are for, and their lease once verified. */
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    private record Subscription(String feedUrl, PushHub hub, Instant requested, Instant leaseUntil) {
    }

    /**
     * Starts the callback server.
     *
     * @param pollNow called with a feed URL when its hub delivered new content
     */
    public WebSub(WebSubConfig config, HttpFetcher http, Consumer<String> pollNow, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.http = http;
        this.pollNow = pollNow;
        this.meters = meters;
        this.clock = clock;
        try {
            server = HttpServers.create(new InetSocketAddress(config.host(), config.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("WebSub callback server cannot listen on " + config.host() + ":" + config.port(), e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PATH, this::handle);
        server.start();
        log.info("WebSub callbacks at {}{} (listening on {}:{})", config.callbackUrl(), PATH, config.host(), port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * A poll of {@code feedUrl} found it advertising {@code hub}: subscribe, unless a subscription is already
     * verified and not close to its end, or was asked for in the last minute.
     */
    public void advertised(String feedUrl, PushHub hub) {
        String key = key(feedUrl);
        Instant now = clock.instant();
        Subscription current = subscriptions.get(key);
        if (current != null && current.hub().equals(hub)) {
            if (current.leaseUntil() != null
                    && Duration.between(now, current.leaseUntil()).compareTo(config.lease().dividedBy(RENEW_WHEN_LEFT)) > 0) {
                return;
            }
            if (current.leaseUntil() == null && current.requested().isAfter(now.minus(Duration.ofMinutes(1)))) {
                return; // verification pending
            }
        }
        subscriptions.put(key, new Subscription(feedUrl, hub, now, current != null && current.hub().equals(hub) ? current.leaseUntil() : null));
        Map<String, String> form = new HashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", hub.topic());
        form.put("hub.callback", callback(key));
        form.put("hub.lease_seconds", Long.toString(config.lease().toSeconds()));
        form.put("hub.secret", secret(hub.topic()));
        // off the polling thread: the hub's answer is only logged
        Thread.ofVirtual().name("websub-subscribe").start(() -> {
            try {
                http.fetch(FetchRequest.postForm(URI.create(hub.hub()), encode(form)));
                log.info("feed {}: WebSub subscription requested at {} for {}", feedUrl, hub.hub(), hub.topic());
            } catch (FetchException | IllegalArgumentException e) {
                meters.counter(MeterNames.WEBSUB_EVENTS, "event", "subscribe_failed").increment();
                log.warn("feed {}: WebSub subscription at {} refused: {}", feedUrl, hub.hub(), e.getMessage());
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring(PATH.length());
            Subscription subscription = subscriptions.get(key);
            switch (exchange.getRequestMethod()) {
                case "GET" -> verify(exchange, subscription, query(exchange.getRequestURI().getRawQuery()));
                case "POST" -> deliver(exchange, subscription);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    /** The hub checks that we asked: echo its challenge for a topic we subscribed to, refuse anything else. */
    private void verify(HttpExchange exchange, Subscription subscription, Map<String, String> q) throws IOException {
        String mode = q.getOrDefault("hub.mode", "");
        String topic = q.get("hub.topic");
        if (mode.equals("denied")) {
            log.warn("WebSub hub denied the subscription to {}: {}", topic, q.getOrDefault("hub.reason", "no reason given"));
            meters.counter(MeterNames.WEBSUB_EVENTS, "event", "denied").increment();
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        if (subscription == null || !mode.equals("subscribe") || !subscription.hub().topic().equals(topic)
                || q.get("hub.challenge") == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        long seconds = parseLong(q.get("hub.lease_seconds"), config.lease().toSeconds());
        Instant until = clock.instant().plusSeconds(seconds);
        subscriptions.put(key(subscription.feedUrl()), new Subscription(subscription.feedUrl(), subscription.hub(),
                subscription.requested(), until));
        byte[] challenge = q.get("hub.challenge").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, challenge.length);
        exchange.getResponseBody().write(challenge);
        meters.counter(MeterNames.WEBSUB_EVENTS, "event", "verified").increment();
        log.info("feed {}: WebSub subscription verified, lease until {}", subscription.feedUrl(), until);
    }

    /** New content: answered 202 (as the spec asks) either way, acted on only when its signature is ours. */
    private void deliver(HttpExchange exchange, Subscription subscription) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(10 * 1024 * 1024);
        }
        boolean genuine = false;
        if (subscription == null) {
            meters.counter(MeterNames.WEBSUB_EVENTS, "event", "unknown_callback").increment();
        } else if (!HmacSignatures.valid(exchange.getRequestHeaders().getFirst("X-Hub-Signature"),
                secret(subscription.hub().topic()), body)) {
            meters.counter(MeterNames.WEBSUB_EVENTS, "event", "bad_signature").increment();
            log.warn("feed {}: WebSub delivery with a missing or wrong signature ignored", subscription.feedUrl());
        } else {
            meters.counter(MeterNames.WEBSUB_EVENTS, "event", "delivered").increment();
            genuine = true;
        }
        exchange.sendResponseHeaders(202, -1);
        if (genuine) {
            log.info("feed {}: WebSub delivery ({} bytes): polling it now", subscription.feedUrl(), body.length);
            pollNow.accept(subscription.feedUrl());
        }
    }

    private String callback(String key) {
        String base = config.callbackUrl().endsWith("/") ? config.callbackUrl().substring(0, config.callbackUrl().length() - 1)
                : config.callbackUrl();
        return base + PATH + key;
    }

    /** The per-topic secret: the same on every instance, never the configured secret itself. */
    String secret(String topic) {
        return HmacSignatures.hmacHex("sha256", config.secret().getBytes(StandardCharsets.UTF_8),
                topic.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }

    /** The callback path segment of a feed: a digest of its URL, so URLs need no escaping and stay private. */
    static String key(String feedUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(feedUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
        }
        return q;
    }

    private static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
