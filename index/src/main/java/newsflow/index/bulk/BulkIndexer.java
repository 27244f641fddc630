package newsflow.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.metrics.MeterNames;
import newsflow.common.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes batches of documents with the bulk API until each one is either stored or refused for good.
 * Retryable failures (node down, overloaded, 5xx) are retried with {@link Backoff}, indefinitely: losing an
 * article is worse than waiting for the node. Only the documents still pending are sent again.
 */
public final class BulkIndexer {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexer.class);

    /** How the caller waits between retries (the index stage keeps its Kafka consumer alive meanwhile). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** Thrown when the caller asked to stop while a batch was still being retried; nothing of it may be committed. */
    public static final class StoppedException extends Exception {
        public StoppedException() {
            super("stopped while the batch was pending");
        }
    }

    private final ElasticsearchClient client;
    private final Backoff backoff;
    private final Counter retries;

    public BulkIndexer(ElasticsearchClient client, Backoff backoff, MeterRegistry registry) {
        this.client = client;
        this.backoff = backoff;
        this.retries = registry.counter(MeterNames.INDEX_RETRIES);
    }

    /**
     * Indexes all items. Returns when every item is indexed or rejected.
     *
     * @param stopped checked before every attempt; when true the batch is abandoned with {@link StoppedException}
     */
    public <T> BulkResult<T> index(List<IndexItem<T>> items, Pause pause, BooleanSupplier stopped)
            throws InterruptedException, StoppedException {
        List<IndexItem<T>> pending = items;
        int indexed = 0;
        List<Rejection<T>> rejected = new ArrayList<>();
        int attempt = 0;
        while (!pending.isEmpty()) {
            if (stopped.getAsBoolean()) {
                throw new StoppedException();
            }
            String retryCause;
            try {
                BulkResponse response = client.bulk(request(pending));
                Classified<T> c = classify(pending, response);
                indexed += c.indexed;
                rejected.addAll(c.rejected);
                pending = c.retry;
                retryCause = c.retryCause;
            } catch (Exception e) {
                if (e instanceof InterruptedException ie) {
                    throw ie;
                }
                if (!RequestFailures.retryable(e)) {
                    // The request as a whole was refused (400/413): halve it until the culprit is alone.
                    BulkResult<T> split = refusedRequest(pending, e, pause, stopped);
                    return BulkResult.merge(new BulkResult<>(indexed, rejected, attempt), split);
                }
                retryCause = RequestFailures.describe(e);
            }
            if (!pending.isEmpty()) {
                attempt++;
                retries.increment();
                Duration wait = backoff.delay(attempt);
                log.warn("bulk retry {} of {} documents in {} ms: {}", attempt, pending.size(), wait.toMillis(), retryCause);
                pause.pause(wait);
            }
        }
        return new BulkResult<>(indexed, rejected, attempt);
    }

    private <T> BulkResult<T> refusedRequest(List<IndexItem<T>> items, Exception e, Pause pause, BooleanSupplier stopped)
            throws InterruptedException, StoppedException {
        if (items.size() == 1) {
            int status = 0;
            String type = e.getClass().getName();
            if (e instanceof ElasticsearchException es) {
                status = es.status();
                type = es.error() == null ? type : es.error().type();
            }
            log.warn("Elasticsearch refused the request for document {}: {}", items.getFirst().id(), RequestFailures.describe(e));
            return new BulkResult<>(0, List.of(new Rejection<>(items.getFirst(), status, type, RequestFailures.describe(e))), 0);
        }
        log.warn("Elasticsearch refused a bulk request of {} documents, splitting it: {}", items.size(), RequestFailures.describe(e));
        int half = items.size() / 2;
        BulkResult<T> first = index(items.subList(0, half), pause, stopped);
        BulkResult<T> second = index(items.subList(half, items.size()), pause, stopped);
        return BulkResult.merge(first, second);
    }

    static <T> BulkRequest request(List<IndexItem<T>> items) {
        BulkRequest.Builder b = new BulkRequest.Builder();
        for (IndexItem<T> item : items) {
            b.operations(op -> op.index(i -> i.index(item.index()).id(item.id()).document(item.document())));
        }
        return b.build();
    }

    /** The items of one bulk response, sorted by what to do next. Response items come in request order. */
    record Classified<T>(int indexed, List<Rejection<T>> rejected, List<IndexItem<T>> retry, String retryCause) {
    }

    static <T> Classified<T> classify(List<IndexItem<T>> sent, BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != sent.size()) {
            // Should never happen; retrying everything is safe because writes are idempotent by id.
            return new Classified<>(0, List.of(), sent,
                    "bulk response has " + items.size() + " items for " + sent.size() + " documents");
        }
        int indexed = 0;
        List<Rejection<T>> rejected = new ArrayList<>();
        List<IndexItem<T>> retry = new ArrayList<>();
        String retryCause = null;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem r = items.get(i);
            ErrorCause error = r.error();
            String type = error == null ? null : error.type();
            switch (ItemOutcome.of(r.status(), type)) {
                case INDEXED -> indexed++;
                case RETRY -> {
                    retry.add(sent.get(i));
                    if (retryCause == null) {
                        retryCause = "status " + r.status() + " " + type + ": " + (error == null ? "" : error.reason());
                    }
                }
                case REJECT -> rejected.add(new Rejection<>(sent.get(i), r.status(), type, reason(error)));
            }
        }
        return new Classified<>(indexed, rejected, retry, retryCause);
    }

    private static String reason(ErrorCause error) {
        if (error == null) {
            return "no error given";
        }
        StringBuilder sb = new StringBuilder(String.valueOf(error.reason()));
        ErrorCause cause = error.causedBy();
        if (cause != null) {
            sb.append(" (caused by ").append(cause.type()).append(": ").append(cause.reason()).append(')');
        }
        return sb.toString();
    }
}
