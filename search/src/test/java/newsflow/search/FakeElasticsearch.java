package newsflow.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.index.es.ElasticsearchClients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A loopback stand-in for Elasticsearch's search endpoint whose answers a test controls: complete or timed out,
 * at once or held until the test lets them go. No timing: a held request waits on a latch.
 */
public final class FakeElasticsearch implements AutoCloseable {

    private final HttpServer server;
    private volatile boolean timedOut;
    /** With {@link #serveArticles}: how many articles match every query; -1 for the one canned hit. */
    private volatile int articles = -1;
    private volatile int failFrom = Integer.MAX_VALUE;
    private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    /** One permit per request that has arrived (and, if held, is waiting). */
    private final Semaphore arrived = new Semaphore(0);

    public FakeElasticsearch() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] request = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new java.util.zip.GZIPInputStream(exchange.getRequestBody()).readAllBytes()
                    : exchange.getRequestBody().readAllBytes();
            requests.add(new String(request, StandardCharsets.UTF_8));
            arrived.release();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = 200;
            String answer;
            if (requests.size() > failFrom) {
                status = 500;
                answer = "{\"error\":{\"type\":\"fake_failure\",\"reason\":\"the test made it fail\"},\"status\":500}";
            } else {
                try {
                    answer = articles < 0 ? response(timedOut) : page(new String(request, StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    // a bug of the fake itself: said plainly rather than as a dropped connection
                    status = 500;
                    answer = "{\"error\":{\"type\":\"fake_bug\",\"reason\":" + newsflow.common.json.Json.write(e.toString()) + "},\"status\":500}";
                }
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
            try {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the client gave up already
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @param deadline how long the client waits for an answer */
    public ElasticsearchClient client(java.time.Duration deadline) {
        return ElasticsearchClients.create(new ElasticsearchConfig(url(), null, null, null, "articles", 1, 0, 100), deadline);
    }

    /** Answers from now on say Elasticsearch stopped at its timeout. */
    public void answerTimedOut() {
        timedOut = true;
    }

    /**
     * Answers from now on page through {@code total} generated articles ({@code a00000}, {@code a00001}, …, newest
     * first) as the request's size and search_after ask, with titles that need CSV escaping.
     */
    public void serveArticles(int total) {
        articles = total;
    }

    /** Requests after the first {@code n} get a 500. */
    public void failAfter(int n) {
        failFrom = n;
    }

    /** The bodies of the requests received so far. */
    public java.util.List<String> requests() {
        return java.util.List.copyOf(requests);
    }

    private String page(String requestBody) {
        com.fasterxml.jackson.databind.JsonNode request = newsflow.common.json.Json.read(requestBody,
                com.fasterxml.jackson.databind.JsonNode.class);
        int size = request.path("size").asInt(10);
        int sortKeys = request.path("sort").size();
        int start = 0;
        if (request.has("search_after")) {
            com.fasterxml.jackson.databind.JsonNode after = request.get("search_after");
            start = Integer.parseInt(after.get(after.size() - 1).asText().substring(1)) + 1;
        }
        StringBuilder hits = new StringBuilder();
        for (int i = start; i < Math.min(articles, start + size); i++) {
            String id = String.format("a%05d", i);
            long published = 1_793_700_000_000L - i * 60_000L;
            String sort = sortKeys == 3 ? "[1.0, " + published + ", \"" + id + "\"]" : "[" + published + ", \"" + id + "\"]";
            if (!hits.isEmpty()) {
                hits.append(',');
            }
            hits.append("""
                    {"_index": "articles-2026.11", "_id": "%s", "_score": 1.0,
                     "_source": {"id": "%s", "title": "=SUM(A1) \\"quoted\\", article %d", "url": "http://127.0.0.1/%s",
                                 "source": "Coast Times", "authors": ["Ruth Kaminski", "-Sam"], "topics": ["transport", "local"],
                                 "language": "en", "published": "%s", "story_id": "%s"},
                     "sort": %s}""".formatted(id, id, i, id, java.time.Instant.ofEpochMilli(published), id, sort));
        }
        return """
                {"took": 1, "timed_out": false,
                 "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": %d, "relation": "eq"}, "max_score": 1.0, "hits": [%s]}}
                """.formatted(articles, hits);
    }

    /** Requests from now on wait until {@link #release()}. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    /** Waits until a request has reached the fake. */
    public void awaitRequest() throws InterruptedException {
        awaitRequests(1);
    }

    /**
     * Waits until {@code n} more requests have reached the fake: one sent ahead (an export's next page) may arrive
     * after the caller's answer is complete.
     */
    public void awaitRequests(int n) throws InterruptedException {
        if (!arrived.tryAcquire(n, 30, TimeUnit.SECONDS)) {
            throw new AssertionError("fewer than " + n + " requests reached the fake Elasticsearch: " + requests());
        }
    }

    private static String response(boolean timedOut) {
        return """
                {"took": 3, "timed_out": %s,
                 "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 1, "relation": "eq"}, "max_score": 1.0,
                          "hits": [{"_index": "articles-2026.11", "_id": "a1", "_score": 1.0,
                                    "_source": {"id": "a1", "title": "Water levels rise"}, "sort": [1.0, 1, "a1"]}]}}
                """.formatted(timedOut);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
