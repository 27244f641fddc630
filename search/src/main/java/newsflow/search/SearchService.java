package newsflow.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.SearchRequestBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.transport.endpoints.BinaryEndpoint;
import co.elastic.clients.transport.endpoints.BinaryResponse;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.SearchConfig;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;
import newsflow.index.document.ArticleDocument;
import newsflow.search.query.SearchScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Full-text search over the article alias: filters, highlights, facets and search_after paging, guarded so
 * that costly queries cannot take search down: limits on the query (checked when it is parsed), a bounded number of
 * searches at once, a timeout Elasticsearch applies itself plus a client deadline past it.
 */
public final class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    private static final String UNREACHABLE = "Elasticsearch is unreachable: ";
    /**
     * {@code _search} as the typed client sends it (same path, parameters and body), its answer kept as bytes: an
     * export reads its pages itself ({@link ExportPage}).
     */
    private static final BinaryEndpoint<SearchRequest> SEARCH_BYTES = new BinaryEndpoint<>("es/search",
            SearchRequest._ENDPOINT::method, SearchRequest._ENDPOINT::requestUrl, SearchRequest._ENDPOINT::pathParameters,
            SearchRequest._ENDPOINT::queryParameters, SearchRequest._ENDPOINT::headers, SearchRequest._ENDPOINT::body,
            ErrorResponse._DESERIALIZER);

    private final ElasticsearchClient client;
    private final String alias;
    private final SearchConfig limits;
    private final Semaphore running;
    /** The shards of the alias as the last search answer counted them; 0 before any answer. */
    private volatile int shards;

    /**
     * @param client built with {@link newsflow.index.es.ElasticsearchClients#create(newsflow.common.config.ElasticsearchConfig,
     *               Duration)} and {@link SearchConfig#clientDeadline()}: the client gives up on Elasticsearch then
     * @param alias  the read alias ({@code elasticsearch.index}), which covers every monthly index
     * @param limits {@code search.*}: query limits, timeout, searches at once
     */
    public SearchService(ElasticsearchClient client, String alias, SearchConfig limits) {
        this.alias = alias;
        this.limits = limits;
        this.running = new Semaphore(limits.maxConcurrent());
        this.client = client;
    }

    /** The {@code search.*} limits this service was built with (parse queries with them). */
    public SearchConfig limits() {
        return limits;
    }

    /**
     * @throws SearchBusyException         when {@code search.maxConcurrent} searches are running already
     * @throws SearchTimeoutException      when Elasticsearch has not answered by the client deadline
     * @throws IllegalArgumentException    when Elasticsearch refuses the query as malformed (a bad cursor, say)
     * @throws SearchUnavailableException  when Elasticsearch cannot be reached or fails
     */
    public SearchResult search(SearchQuery query) {
        SearchRequest request = SearchRequests.build(query, alias, limits.timeout());
        return send(request, HitSource.class)
                .map(response -> toResult(query, response))
                .orElseGet(SearchResult::empty);
    }

    /**
     * Sends a search over the alias through the guards every search goes through: at most
     * {@code search.maxConcurrent} at once, Elasticsearch's failures turned into this package's exceptions, the
     * outcome counted in {@code newsflow_search_requests_total}. For endpoints that build their own request
     * (aggregations); set its index to {@link #alias()} and its timeout to {@code search.timeout}.
     *
     * @return empty when nothing has been indexed yet (the alias does not exist)
     * @throws SearchBusyException, SearchTimeoutException, IllegalArgumentException, SearchUnavailableException
     *         as {@link #search}
     */
    public <T> Optional<SearchResponse<T>> send(SearchRequest request, Class<T> documentType) {
        Optional<SearchResponse<T>> response = guarded("search " + alias, () -> client.search(request, documentType),
                SearchService::isPartial);
        if (response.isPresent() && response.get().shards() != null && response.get().shards().total() != null) {
            shards = response.get().shards().total().intValue();
        }
        if (response.isEmpty()) {
            log.info("alias {} does not exist yet (nothing indexed): empty result", alias);
        } else if (isPartial(response.get())) {
            log.info("search answered partially (timed out: {}, failed shards: {}) after {} ms: {}",
                    response.get().timedOut(), failedShards(response.get()), response.get().took(), request.query());
        }
        return response;
    }

    /**
     * Several searches over the alias in one request ({@code _msearch}), through the guards of {@link #send}: the
     * request takes one of the {@code search.maxConcurrent} places, Elasticsearch's failures of the whole request
     * become this package's exceptions, and it counts once in {@code newsflow_search_requests_total} (as
     * {@code partial} when any of its searches failed or answered partially). Each body sets its own timeout
     * ({@code search.timeout}); the client deadline covers the whole request. For many small searches that would
     * otherwise be as many round trips.
     *
     * @return each body's answer in order; empty for a search that failed (its reason logged), a missing alias
     *         included
     * @throws SearchBusyException, SearchTimeoutException, IllegalArgumentException, SearchUnavailableException
     *         as {@link #search}, for the request as a whole
     */
    public <T> List<Optional<MultiSearchItem<T>>> msearch(List<SearchRequestBody> bodies, Class<T> documentType) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        List<RequestItem> items = bodies.stream()
                .map(body -> RequestItem.of(i -> i.header(h -> h.index(alias)).body(body)))
                .toList();
        Optional<MsearchResponse<T>> response = guarded("msearch " + alias + " (" + bodies.size() + " searches)",
                () -> client.msearch(m -> m.searches(items), documentType),
                r -> r.responses().stream().anyMatch(i -> i.isFailure() || isPartial(i.result())));
        if (response.isEmpty()) {
            return bodies.stream().map(b -> Optional.<MultiSearchItem<T>>empty()).toList();
        }
        List<MultiSearchResponseItem<T>> answers = response.get().responses();
        return java.util.stream.IntStream.range(0, bodies.size()).mapToObj(i -> {
            if (i >= answers.size()) {
                return Optional.<MultiSearchItem<T>>empty();
            }
            MultiSearchResponseItem<T> answer = answers.get(i);
            if (answer.isFailure()) {
                log.info("msearch {}: search {} of {} failed (status {}): {}", alias, i + 1, bodies.size(),
                        answer.failure().status(), answer.failure().error().reason());
                return Optional.<MultiSearchItem<T>>empty();
            }
            return Optional.of(answer.result());
        }).toList();
    }

    /**
     * The terms the analyzer of {@code field} in {@code index} makes of {@code texts}: how the index stores those
     * words. Guarded and counted as {@link #send}.
     *
     * @param index a concrete index (the alias spans several, and an analyzer belongs to one)
     * @return empty when the index does not exist
     */
    public List<String> analyze(String index, String field, List<String> texts) {
        return guarded("analyze with " + index, () -> client.indices().analyze(a -> a.index(index).field(field).text(texts)),
                r -> false)
                .map(r -> r.tokens().stream().map(AnalyzeToken::token).toList())
                .orElse(List.of());
    }

    /**
     * The shards the alias spans, as the last search answer counted them (a new monthly index adds some); 0 before
     * any search has answered. For requests whose cost is per shard ({@code sampler}'s size).
     */
    public int shards() {
        return shards;
    }

    /** The read alias searches go to. */
    public String alias() {
        return alias;
    }

    private static void count(String outcome) {
        Metrics.registry().counter(MeterNames.SEARCHES, "outcome", outcome).increment();
    }

    /** One request to Elasticsearch. */
    @FunctionalInterface
    private interface Call<R> {
        R call() throws IOException;
    }

    /**
     * Runs one request under the guards: at most {@code search.maxConcurrent} at once, Elasticsearch's failures
     * turned into this package's exceptions, the outcome counted.
     *
     * @return empty when the index does not exist (nothing indexed yet)
     */
    private <R> Optional<R> guarded(String what, Call<R> call, Predicate<R> partial) {
        if (!running.tryAcquire()) {
            count("refused_busy");
            throw new SearchBusyException("more than search.maxConcurrent (" + limits.maxConcurrent()
                    + ") searches at once: try again shortly", retryAfterSeconds());
        }
        try {
            R response = call.call();
            count(partial.test(response) ? "partial" : "ok");
            return Optional.of(response);
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                count("ok");
                return Optional.empty();
            }
            throw counted(translate(e, what));
        } catch (IOException e) {
            throw counted(translate(e, what));
        } finally {
            running.release();
        }
    }

    private static RuntimeException counted(RuntimeException e) {
        if (e instanceof SearchBusyException) {
            count("refused_busy");
        } else if (e instanceof SearchTimeoutException) {
            count("timeout");
        } else if (e instanceof SearchUnavailableException) {
            count(e.getMessage().startsWith(UNREACHABLE) ? "unreachable" : "failed");
        }
        // a query Elasticsearch refuses as malformed is the caller's 400, not an outcome of the service
        return e;
    }

    /** Elasticsearch stopped at {@code search.timeout} or some shards failed: the answer may be incomplete. */
    public static boolean isPartial(ResponseBody<?> response) {
        return Boolean.TRUE.equals(response.timedOut()) || failedShards(response) > 0;
    }

    /** Where {@link #export} hands each page of hits. */
    @FunctionalInterface
    public interface PageSink {
        /** @throws IOException when the rows cannot be written (the client went away): the export stops */
        void accept(List<HitSource> page) throws IOException;
    }

    /**
     * Every article of the scope in its order, a page at a time (search_after), up to {@code limit} rows. Each
     * page is a search of its own (guarded and counted); the first is asked for before {@code sink} sees anything,
     * so a bad query or an unavailable node fails before any row is written. A page Elasticsearch answers only
     * partially (timed out, failed shards) fails the export rather than silently leaving rows out.
     *
     * <p>The next page is asked for as soon as a page has come in, before it is read: its last hit's sort values
     * (the next cursor) are read off the end of the answer ({@link ExportPage#lastSortValues}), and the page is read
     * and written while Elasticsearch looks for the next one. Still one request of an export at a time. From the
     * second page on (after a full page, more are likely), so when the results run out before {@code limit} past
     * the first page, the request after the last page was already sent and finds nothing; the first page is read
     * before the second is asked for, so an export that fits in one page sends one request. The early cursor is
     * checked against the page once it is read; a mismatch (which no answer of Elasticsearch's makes) drops the
     * page asked for and asks again with the right cursor. When the sink fails, the page already asked for is
     * dropped.
     *
     * @param after a cursor ({@code next} of a search page with the same scope) to start after, or null
     * @return the rows handed to {@code sink}
     * @throws SearchTimeoutException when a page came back partial or late
     */
    public long export(SearchScope scope, String after, int limit, PageSink sink) throws IOException {
        List<SortOptions> sort = SearchRequests.sort(scope.sort());
        List<FieldValue> cursor = after == null ? null : Cursor.decode(after, sort.size());
        long rows = 0;
        int size = exportPageSize(limit, rows);
        Optional<byte[]> answer = awaitPage(exportPage(scope, cursor, size));
        while (answer.isPresent()) {
            int nextSize = exportPageSize(limit, rows + size);
            // from the second page on: an export that ends on its first page (most do) sends nothing more
            boolean likelyMore = rows > 0 && nextSize > 0;
            Optional<JsonNode> early = likelyMore ? ExportPage.lastSortValues(answer.get()) : Optional.empty();
            CompletableFuture<Optional<byte[]>> next =
                    early.map(c -> exportPage(scope, Cursor.values(c), nextSize)).orElse(null);
            ExportPage page = readPage(answer.get());
            if (page.partial()) {
                throw new SearchTimeoutException("Elasticsearch answered a page of the export only partially after "
                        + rows + " rows (search.timeout " + limits.timeout().toMillis() + " ms or failed shards)", null);
            }
            List<ExportPage.Hit> hits = page.hits();
            if (hits.isEmpty()) {
                break;
            }
            JsonNode lastSort = page.lastSort();
            boolean last = hits.size() < size || rows + hits.size() >= limit || lastSort == null || lastSort.isEmpty();
            if (last) {
                next = null;
            } else if (next == null) {
                next = exportPage(scope, Cursor.values(lastSort), nextSize);
            } else if (!lastSort.equals(early.get())) {
                log.warn("export: the cursor read off a page's end ({}) is not its last hit's ({}): asking again",
                        early.get(), lastSort);
                next = exportPage(scope, Cursor.values(lastSort), nextSize);
            }
            sink.accept(hits.stream().map(ExportPage.Hit::row).toList());
            rows += hits.size();
            size = nextSize;
            if (next == null) {
                break;
            }
            answer = awaitPage(next);
        }
        return rows;
    }

    private static int exportPageSize(int limit, long rows) {
        return (int) Math.max(0, Math.min(SearchRequests.EXPORT_PAGE_SIZE, limit - rows));
    }

    /**
     * A page's answer as bytes, under the guards every search goes through (at most {@code search.maxConcurrent} at
     * once, failures turned into this package's exceptions, the outcome counted); empty when nothing is indexed yet.
     * The request runs on a platform thread of the client's ({@code BlockingHttpClient}), not on a virtual thread
     * that may wait for a carrier the page being read holds.
     */
    private CompletableFuture<Optional<byte[]>> exportPage(SearchScope scope, List<FieldValue> cursor, int size) {
        SearchRequest request = SearchRequests.exportPage(scope, cursor, size, alias, limits.timeout());
        String what = "search " + alias;
        if (!running.tryAcquire()) {
            count("refused_busy");
            return CompletableFuture.failedFuture(new SearchBusyException("more than search.maxConcurrent ("
                    + limits.maxConcurrent() + ") searches at once: try again shortly", retryAfterSeconds()));
        }
        CompletableFuture<BinaryResponse> sent;
        try {
            sent = client._transport().performRequestAsync(request, SEARCH_BYTES, client._transportOptions());
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
        return sent.handle((response, failure) -> {
            try (BinaryResponse r = response; var body = r == null ? null : r.content()) {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof ElasticsearchException e && isMissingIndex(e)) {
                        count("ok");
                        return Optional.<byte[]>empty();
                    }
                    throw counted(cause instanceof ElasticsearchException e ? translate(e, what)
                            : cause instanceof IOException e ? translate(e, what)
                            : new SearchUnavailableException(what + " failed: " + cause, cause));
                }
                byte[] bytes = ExportPage.readBounded(body);
                count(ExportPage.partialHead(bytes) ? "partial" : "ok");
                return Optional.of(bytes);
            } catch (IOException e) {
                throw counted(translate(e, what));
            } finally {
                running.release();
            }
        });
    }

    private static ExportPage readPage(byte[] answer) {
        try {
            return ExportPage.read(answer);
        } catch (java.io.UncheckedIOException e) {
            throw counted(new SearchUnavailableException("Elasticsearch's answer to an export page is not a search answer: "
                    + e.getMessage(), e));
        }
    }

    /** An export page's answer once it is in, its failure thrown as the request would have thrown it. */
    private static <T> T awaitPage(CompletableFuture<T> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * The stored document of one article, body included. Looked up by id across the alias because which
     * monthly index holds it depends on the article's date.
     */
    public Optional<ArticleDocument> article(String id) {
        try {
            SearchResponse<ArticleDocument> response = client.search(s -> s
                    .index(alias)
                    .query(q -> q.ids(i -> i.values(id)))
                    .timeout(limits.timeout().toMillis() + "ms")
                    .size(1), ArticleDocument.class);
            return response.hits().hits().stream().map(Hit::source).findFirst();
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                return Optional.empty();
            }
            throw translate(e, "article " + id);
        } catch (IOException e) {
            throw translate(e, "article " + id);
        }
    }

    /** Seconds after which a running search has surely ended (its client deadline), at least 1. */
    int retryAfterSeconds() {
        return (int) Math.max(1, (limits.timeout().toMillis() + 999) / 1000);
    }

    private static int failedShards(ResponseBody<?> response) {
        return response.shards() == null || response.shards().failed() == null ? 0 : response.shards().failed().intValue();
    }

    static SearchResult toResult(SearchQuery query, SearchResponse<HitSource> response) {
        List<Hit<HitSource>> hits = response.hits().hits();
        List<SearchHit> out = hits.stream().map(SearchService::toHit).toList();
        TotalHits total = response.hits().total();
        String next = null;
        // collapsed results have no next page (search_after does not combine with collapse on another field)
        if (!query.collapseStories() && hits.size() == query.size() && !hits.isEmpty() && !hits.getLast().sort().isEmpty()) {
            next = Cursor.encode(hits.getLast().sort());
        }
        return new SearchResult(total == null ? out.size() : total.value(), out, FacetAggregations.read(response.aggregations()), next,
                isPartial(response));
    }

    private static SearchHit toHit(Hit<HitSource> hit) {
        HitSource d = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        List<String> titleHl = highlight.get("title");
        Double score = hit.score() == null || hit.score().isNaN() ? null : hit.score();
        if (d == null) {
            // Only with _source disabled, which our template never does; keep the hit rather than fail the page.
            return new SearchHit(hit.id(), null, null, null, null, null, null, List.of(), List.of(), null,
                    highlight.getOrDefault("body", List.of()), score);
        }
        return new SearchHit(hit.id(), d.title(), d.url(), d.source(), d.siteName(), d.publishedInstant(), d.language(),
                d.topics(), d.authors(),
                titleHl == null || titleHl.isEmpty() ? null : titleHl.getFirst(),
                highlight.getOrDefault("body", List.of()), score, d.storyId(), alsoReported(hit));
    }

    /** The other articles of the hit's story, from the collapse's inner hits (none without collapse). */
    private static List<SearchHit.Report> alsoReported(Hit<HitSource> hit) {
        var inner = hit.innerHits().get(SearchRequests.INNER_ALSO);
        if (inner == null) {
            return List.of();
        }
        return inner.hits().hits().stream()
                .filter(h -> !hit.id().equals(h.id()))
                .map(h -> {
                    var src = h.source() == null ? null : h.source().to(HitSource.class);
                    return new SearchHit.Report(h.id(), src == null ? null : src.title(), src == null ? null : src.url(),
                            src == null ? null : src.source());
                })
                .limit(SearchRequests.ALSO_REPORTED - 1)
                .toList();
    }

    private static boolean isMissingIndex(ElasticsearchException e) {
        return e.status() == 404 && e.error() != null && "index_not_found_exception".equals(e.error().type());
    }

    private RuntimeException translate(ElasticsearchException e, String what) {
        String reason = e.error() == null ? e.getMessage() : e.error().type() + ": " + e.error().reason();
        if (e.status() == 400) {
            return new IllegalArgumentException("Elasticsearch refused the query: " + reason, e);
        }
        if (e.status() == 429) {
            log.warn("{}: Elasticsearch is too busy: {}", what, reason);
            return new SearchBusyException("Elasticsearch is too busy: try again shortly", retryAfterSeconds());
        }
        log.warn("{} failed with status {}: {}", what, e.status(), reason);
        return new SearchUnavailableException("Elasticsearch failed (status " + e.status() + "): " + reason, e);
    }

    /**
     * Only a failure to connect means Elasticsearch is unreachable. A response that does not come in time is the
     * cost of a query (or a busy node), and a reset connection is a failure of that one request: neither may be
     * reported as the node being down.
     */
    RuntimeException translate(IOException e, String what) {
        if (isConnectFailure(e)) {
            log.warn("{}: Elasticsearch is unreachable: {}", what, e.toString());
            return new SearchUnavailableException(UNREACHABLE + e.getMessage(), e);
        }
        if (causedBy(e, InterruptedIOException.class)) {
            log.warn("{}: no answer within the client deadline of {} ms (search.timeout {} ms)", what,
                    limits.clientDeadline().toMillis(), limits.timeout().toMillis());
            return new SearchTimeoutException("Elasticsearch did not answer within " + limits.clientDeadline().toMillis()
                    + " ms (twice search.timeout): the query is too costly or the node is busy", e);
        }
        log.warn("{}: request to Elasticsearch failed: {}", what, e.toString());
        return new SearchUnavailableException("the request to Elasticsearch failed: " + e.getMessage(), e);
    }

    static boolean isConnectFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // ConnectTimeoutException of HttpClient is an InterruptedIOException: recognised by name, before timeouts
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
