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
            exchange.getRequestBody().readAllBytes();
            arrived.release();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = response(timedOut).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
            try {
                exchange.sendResponseHeaders(200, body.length);
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

    /** Requests from now on wait until {@link #release()}. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    /** Waits until a request has reached the fake. */
    public void awaitRequest() throws InterruptedException {
        if (!arrived.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no request reached the fake Elasticsearch");
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
