package newsflow.search.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.AlertsConfig;
import newsflow.common.config.SearchConfig;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.server.HttpGuard;
import newsflow.common.server.HttpReplies;
import newsflow.common.server.JsonBodies;
import newsflow.search.alerts.AlertFeedView;
import newsflow.search.alerts.AlertTopics;
import newsflow.search.alerts.AtomFeed;
import newsflow.search.api.JsonEndpoint.Reply;
import newsflow.search.saved.LimitReachedException;
import newsflow.search.saved.SavedSearch;
import newsflow.search.saved.SavedSearchInput;
import newsflow.search.saved.SavedSearchStore;
import newsflow.search.saved.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Saved searches and their feeds over HTTP (docs/alerts.md):
 * <ul>
 *   <li>{@code GET /api/saved-searches} → {@code {"savedSearches": [...]}}; {@code POST} creates one → 201</li>
 *   <li>{@code GET|PUT|DELETE /api/saved-searches/{id}} → the saved search, replaced, or 204</li>
 *   <li>{@code GET /feeds/saved/{id}.atom} → the latest matches as Atom</li>
 * </ul>
 * Writes need {@code Content-Type: application/json}, a body of at most {@code alerts.maxRequestBytes} and the API
 * key when keys are configured ({@link HttpGuard#readWrite}). A secret is never shown. The Kafka topics behind them
 * are opened at the first request, so a search-only process starts without Kafka and answers 503 here until it is
 * reachable.
 */
public final class SavedSearchApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchApi.class);
    static final String COLLECTION = "/api/saved-searches";
    static final String FEEDS = "/feeds/saved/";
    private static final Pattern ID = Pattern.compile("[a-z2-7]{1,64}");
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClients kafka;
    private final AlertsConfig alerts;
    private final SearchConfig limits;
    private final Clock clock;
    private SavedSearchStore store;
    private AlertFeedView feeds;

    public SavedSearchApi(KafkaClients kafka, AlertsConfig alerts, SearchConfig limits, Clock clock) {
        this.kafka = kafka;
        this.alerts = alerts;
        this.limits = limits;
        this.clock = clock;
    }

    /** Adds the endpoints to a server the caller owns. */
    public void register(HttpServer server, HttpGuard guard) {
        server.createContext(COLLECTION, guard.readWrite(Set.of("POST", "PUT", "DELETE"), alerts.maxRequestBytes(),
                JsonEndpoint.of(this::savedSearches)));
        server.createContext(FEEDS, guard.feed(JsonEndpoint.of(this::feed)));
    }

    /** A saved search as the API shows it: everything but the secret, which only shows as {@code signed}. */
    record View(String id, String name, String query, Map<String, Object> filters, String webhook, boolean signed,
                String created, String updated, String matchesSince, String feed) {
        static View of(SavedSearch s) {
            return new View(s.id(), s.name(), s.query(), Map.of("topic", s.filters().topic(), "source", s.filters().source(),
                    "lang", s.filters().lang(), "author", s.filters().author()), s.webhook(), s.secret() != null,
                    s.created().toString(), s.updated().toString(), s.matchesSince().toString(), s.feedPath());
        }
    }

    private Reply savedSearches(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals(COLLECTION) || path.equals(COLLECTION + "/")) {
                return switch (method) {
                    case "GET", "HEAD" -> Reply.ok(Map.of("savedSearches", store().all().stream().map(View::of).toList()));
                    case "POST" -> {
                        SavedSearch created = store().create(input(exchange), clock.instant());
                        exchange.getResponseHeaders().set("Location", COLLECTION + "/" + created.id());
                        yield new Reply(201, View.of(created));
                    }
                    default -> notAllowed(exchange, "GET, HEAD, POST");
                };
            }
            String id = id(path.substring(COLLECTION.length()));
            if (id == null) {
                return Reply.error(404, "no such resource: " + path + " (expected /api/saved-searches/{id})");
            }
            return switch (method) {
                case "GET", "HEAD" -> store().find(id).map(s -> Reply.ok(View.of(s))).orElseGet(() -> unknown(id));
                case "PUT" -> {
                    SavedSearchInput input = input(exchange);
                    yield store().update(id, input, clock.instant()).map(s -> Reply.ok(View.of(s))).orElseGet(() -> unknown(id));
                }
                case "DELETE" -> {
                    if (!store().delete(id)) {
                        yield unknown(id);
                    }
                    exchange.getResponseHeaders().set("Cache-Control", "no-store");
                    HttpReplies.send(exchange, 204, HttpReplies.JSON, new byte[0]);
                    yield null;
                }
                default -> notAllowed(exchange, "DELETE, GET, HEAD, PUT");
            };
        } catch (JsonBodies.BodyException e) {
            return Reply.error(e.status(), e.getMessage());
        } catch (LimitReachedException e) {
            return new Reply(400, new JsonEndpoint.Error(e.getMessage(), 400, LimitReachedException.LIMIT, null));
        } catch (StoreUnavailableException e) {
            log.warn("{} {}: {}", method, path, e.getMessage());
            return Reply.error(503, "saved searches are unavailable: " + e.getMessage());
        }
    }

    private Reply feed(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.endsWith(".atom")) {
            return Reply.error(404, "no such resource: " + path + " (feeds are " + FEEDS + "{id}.atom)");
        }
        String id = id(path.substring(FEEDS.length() - 1, path.length() - ".atom".length()));
        if (id == null) {
            return Reply.error(404, "no such resource: " + path + " (feeds are " + FEEDS + "{id}.atom)");
        }
        try {
            SavedSearch search = store().find(id).orElse(null);
            if (search == null) {
                return unknown(id);
            }
            String atom = AtomFeed.render(search, feeds().latest(id), clock.instant());
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            HttpReplies.send(exchange, 200, AtomFeed.CONTENT_TYPE, atom.getBytes(StandardCharsets.UTF_8));
            return null;
        } catch (StoreUnavailableException | IllegalStateException e) {
            log.warn("GET {}: {}", path, e.getMessage());
            return Reply.error(503, "saved search feeds are unavailable: " + e.getMessage());
        }
    }

    private SavedSearchInput input(HttpExchange exchange) throws IOException, JsonBodies.BodyException {
        JsonNode body = JsonBodies.readObject(exchange, alerts.maxRequestBytes());
        return SavedSearchInput.parse(body, limits);
    }

    /** The id after the collection's or feed path's slash; null when that is not an id. */
    private static String id(String rest) {
        String id = rest.startsWith("/") ? rest.substring(1) : rest;
        return ID.matcher(id).matches() ? id : null;
    }

    private static Reply unknown(String id) {
        return Reply.error(404, "no saved search with id '" + id + "'");
    }

    private static Reply notAllowed(HttpExchange exchange, String allow) {
        exchange.getResponseHeaders().set("Allow", allow);
        return Reply.error(405, "method " + exchange.getRequestMethod() + " not allowed here, use " + allow);
    }

    /** The topics are opened at the first request that needs them; a failure is tried again at the next. */
    private synchronized SavedSearchStore store() {
        open();
        return store;
    }

    private synchronized AlertFeedView feeds() {
        open();
        return feeds;
    }

    private void open() {
        if (store != null) {
            return;
        }
        try {
            AlertTopics.ensure(kafka, alerts);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot reach Kafka: " + e.getMessage(), e);
        }
        store = SavedSearchStore.create(kafka, KAFKA_TIMEOUT, alerts.maxSavedSearches());
        feeds = AlertFeedView.create(kafka, KAFKA_TIMEOUT, alerts.feedEntries());
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            feeds.close();
        }
    }
}
