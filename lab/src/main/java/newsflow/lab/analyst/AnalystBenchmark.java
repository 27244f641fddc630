package newsflow.lab.analyst;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import com.sun.net.httpserver.HttpServer;
import newsflow.app.stack.LocalStack;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.HttpConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.config.ServerConfig;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.HttpFetcher;
import newsflow.lab.bench.ResourceUse;
import newsflow.common.metrics.Metrics;
import newsflow.common.retry.Backoff;
import newsflow.common.server.HttpGuard;
import newsflow.common.server.HttpServers;
import newsflow.common.server.RequestThreads;
import newsflow.index.bulk.BulkIndexer;
import newsflow.index.bulk.BulkResult;
import newsflow.index.bulk.IndexItem;
import newsflow.index.document.ArticleDocument;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.ArticleIndex;
import newsflow.index.schema.IndexNames;
import newsflow.lab.analyst.AnalystReport.RequestResult;
import newsflow.search.SearchService;
import newsflow.search.api.SearchApi;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The analyst's requests, measured: articles varied from real texts are bulk-written by the index module's own
 * writer into the local node; our search API runs in this JVM in front of it; each request is first made once
 * through our API with the search client's transport tapped ({@link RecordingTransport}), which gives the exact
 * Elasticsearch requests our code builds; then, round after round, our API and those captured requests sent
 * straight to the node take turns (in random order, after warm-up rounds), each side timed end to end from the
 * same HTTP client. Saved-search matching is measured in the same run ({@link AlertMatching}).
 */
public final class AnalystBenchmark {

    /**
     * @param dataDir where the local node keeps its data: a new directory, or one an earlier run of the same
     *                {@code articles} wrote, whose index is then measured again without being written anew
     * @param home    the app's packaged layout the local node is started from
     * @param variants different URLs per kind of request, taken in turn
     * @param alertsOnly only the index rate and saved-search matching, no requests (which need the large index
     *                   that matching does not)
     * @param kinds      the kinds of request to measure, by their report names ({@code search}, {@code attention},
     *                   {@code top_words}, {@code similar}, {@code export}); empty for all
     * @param requestCache whether the node's shard request cache answers a request it has answered before (its
     *                     default, on): the rounds repeat a few URLs, so with it on attention and top words are
     *                     answered from it nearly every time, which an analyst's new question is not; off, every
     *                     request is computed, on both sides alike
     * @param compareVirtualThreads also measure our API and the pass-through on a second server of the same API
     *                     whose requests each run on a virtual thread, in the same rounds: what the API server's
     *                     request threads ({@link RequestThreads}) change
     */
    public record Options(int articles, Path datasets, int rounds, int warmup, int variants, int savedSearches,
                          int matchArticles, Path dataDir, Path home, boolean alertsOnly, List<String> kinds,
                          boolean requestCache, boolean compareVirtualThreads) {
        public Options {
            if (articles < 100 || rounds < 1 || warmup < 1 || variants < 1 || savedSearches < 1 || matchArticles < 1) {
                throw new IllegalArgumentException("--articles must be at least 100; rounds, warm-up, variants, "
                        + "saved searches and matched articles at least 1");
            }
            kinds = List.copyOf(kinds);
            List<String> known = java.util.Arrays.stream(AnalystRequest.values()).map(AnalystRequest::label).toList();
            for (String kind : kinds) {
                if (!known.contains(kind)) {
                    throw new IllegalArgumentException("--kinds: no kind of request '" + kind + "'; the kinds are " + known);
                }
            }
        }

        public Options(int articles, Path datasets, int rounds, int warmup, int variants, int savedSearches,
                       int matchArticles, Path dataDir, Path home) {
            this(articles, datasets, rounds, warmup, variants, savedSearches, matchArticles, dataDir, home, false, List.of(),
                    true, false);
        }

        boolean measures(AnalystRequest kind) {
            return kinds.isEmpty() || kinds.contains(kind.label());
        }
    }

    private static final int BULK_BATCH = 1000;
    private static final long SEED = 42;
    /** Tries of a request whose Elasticsearch requests are being captured (a cold node can miss our deadline). */
    private static final int CAPTURE_ATTEMPTS = 3;

    private final Options options;
    private final PrintStream out;

    public AnalystBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public AnalystReport run() throws Exception {
        NewsflowConfig base = ConfigLoader.load(null, environment());
        try (LocalStack stack = LocalStack.start(base, options.home())) {
            NewsflowConfig config = stack.config();
            HttpConfig http = benchHttp(config);
            SourceTexts texts = SourceTexts.load(options.datasets(), http);
            out.printf("source texts: %d%n", texts.texts().size());
            Optional<IndexedRun> earlier = IndexedRun.read(options.dataDir())
                    .filter(r -> r.holds(options.articles(), texts.texts().size(), SEED));
            // a reused index holds the articles of the run that wrote it: the same dates, so the same "now"
            Instant now = earlier.map(IndexedRun::now).orElseGet(Instant::now);
            SyntheticArticles articles = new SyntheticArticles(texts, now, SEED);
            try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
                ArticleIndex index = new ArticleIndex(es, config.elasticsearch());
                String textAnalyzer = index.ensure().textAnalysis();
                long present = count(es, config);
                double indexRate;
                if (earlier.isPresent() && present == options.articles()) {
                    indexRate = earlier.get().docsPerSecond();
                    out.printf("reusing the index of %,d articles in %s (written %s at %.0f documents/s)%n", present,
                            options.dataDir(), now, indexRate);
                } else if (present > 0) {
                    throw new IllegalStateException(options.dataDir() + " holds " + present + " articles of another "
                            + "run: give --data-dir a new directory (or the one a run of the same --articles wrote)");
                } else {
                    indexRate = load(es, index, config, articles);
                    new IndexedRun(options.articles(), texts.texts().size(), SEED, now, indexRate).write(options.dataDir());
                }
                AnalystReport.AlertResult alerts = AlertMatching.measure(articles, options, config.search(), textAnalyzer,
                        indexRate, out);
                Map<String, String> unmeasured = new java.util.LinkedHashMap<>();
                List<RequestResult> requests = List.of();
                if (!options.alertsOnly()) {
                    String alias = config.elasticsearch().index();
                    requestCache(es, alias, options.requestCache() ? null : false);
                    try {
                        requests = measureRequests(config, http, now, unmeasured);
                    } finally {
                        // the index outlives the run (a later run may reuse it): back to the node's default
                        requestCache(es, alias, null);
                    }
                }
                return new AnalystReport(options.articles(), indexRate, options.requestCache(), requests, unmeasured, alerts);
            }
        }
    }

    /** The local stack's node on any free port under the data directory; no broker (nothing here uses Kafka). */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSFLOW_DATA_DIR", options.dataDir().toString());
        env.put("NEWSFLOW_LOCAL_STACK_ELASTICSEARCH_PORT", "0");
        // an address that is never dialled: it only tells the stack not to start a broker
        env.put("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
        String url = System.getenv("NEWSFLOW_ELASTICSEARCH_URL");
        if (url != null && !url.isBlank()) {
            env.put("NEWSFLOW_ELASTICSEARCH_URL", url);
        }
        return env;
    }

    /** The fetch layer for both sides: loopback allowed, and room for a 10,000-row export in one body. */
    private static HttpConfig benchHttp(NewsflowConfig config) {
        HttpConfig h = config.http();
        return new HttpConfig(h.connectTimeout(), Duration.ofSeconds(120), Duration.ofSeconds(300), 256L << 20,
                h.userAgent(), "", List.of("127.0.0.0/8"));
    }

    /** Writes the articles with the index module's bulk writer; returns its documents per second. */
    private double load(ElasticsearchClient es, ArticleIndex index, NewsflowConfig config, SyntheticArticles articles)
            throws Exception {
        IndexNames names = index.names();
        BulkIndexer writer = new BulkIndexer(es, new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), 0.5),
                Metrics.registry());
        long writing = 0;
        int written = 0;
        for (int from = 0; from < options.articles(); from += BULK_BATCH) {
            List<IndexItem<Integer>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(options.articles(), from + BULK_BATCH); i++) {
                ArticleDocument doc = articles.article(i);
                batch.add(new IndexItem<>(names.forMonth(doc.published()), doc, i));
            }
            long t0 = System.nanoTime();
            BulkResult<Integer> result = writer.index(batch, d -> Thread.sleep(d.toMillis()), () -> false);
            writing += System.nanoTime() - t0;
            if (!result.rejected().isEmpty()) {
                throw new IllegalStateException("Elasticsearch refused " + result.rejected().size()
                        + " benchmark articles, the first: " + result.rejected().getFirst());
            }
            written += result.indexed();
            if ((from / BULK_BATCH) % 10 == 0) {
                out.printf("indexed %,d of %,d%n", written, options.articles());
            }
        }
        es.indices().refresh(r -> r.index(config.elasticsearch().index()));
        long count = count(es, config);
        if (count < options.articles()) {
            throw new IllegalStateException("the index holds " + count + " articles after writing " + options.articles());
        }
        double rate = written / (writing / 1e9);
        out.printf("indexed %,d articles at %.0f documents/s (bulk writes only)%n", written, rate);
        return rate;
    }

    /** Sets {@code index.requests.cache.enable} on the alias's indices; null is the node's default (on). */
    private static void requestCache(ElasticsearchClient es, String alias, Boolean enabled) throws IOException {
        String value = enabled == null ? "null" : enabled.toString();
        es.indices().putSettings(p -> p.index(alias).settings(s -> s.withJson(
                new java.io.StringReader("{\"index.requests.cache.enable\": " + value + "}"))));
    }

    /** Articles under the alias; 0 before the first is written (no index yet). */
    private static long count(ElasticsearchClient es, NewsflowConfig config) throws IOException {
        return es.count(c -> c.index(config.elasticsearch().index()).ignoreUnavailable(true).allowNoIndices(true)).count();
    }

    private List<RequestResult> measureRequests(NewsflowConfig config, HttpConfig http, Instant now,
                                                Map<String, String> unmeasured) throws Exception {
        String yearAgo = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(365).toString();
        ElasticsearchTransport transport = ElasticsearchClients.create(config.elasticsearch(),
                config.search().clientDeadline())._transport();
        RecordingTransport tap = new RecordingTransport(transport);
        PassThrough passThrough = new PassThrough((ElasticsearchTransportBase) transport);
        HeldAnswers held = new HeldAnswers();
        HeldNode heldNode = new HeldNode(((ElasticsearchTransportBase) transport).httpClient());
        HttpServer server = HttpServers.create(new InetSocketAddress("127.0.0.1", 0), 64);
        // our API again, in front of the node's answers held in memory
        HttpServer nodeHeldServer = HttpServers.create(new InetSocketAddress("127.0.0.1", 0), 64);
        // the threads the app's API server answers on
        ExecutorService requestThreads = RequestThreads.forApi();
        server.setExecutor(requestThreads);
        // the same API and pass-through again, each request on a virtual thread of its own
        HttpServer virtualServer = options.compareVirtualThreads()
                ? HttpServers.create(new InetSocketAddress("127.0.0.1", 0), 64) : null;
        try (ElasticsearchClient searchClient = new ElasticsearchClient(tap);
             ElasticsearchClient heldClient = new ElasticsearchClient(new ElasticsearchTransportBase(heldNode,
                     transport.options(), transport.jsonpMapper()) {
             });
             HttpFetcher client = new HttpFetcher(http)) {
            SearchService search = new SearchService(searchClient, config.elasticsearch().index(), config.search());
            SearchApi.register(server, search, HttpGuard.of(new ServerConfig("127.0.0.1", 0), server.getAddress().getPort()));
            server.createContext(PassThrough.PATH, passThrough);
            server.createContext(HeldAnswers.PATH, held);
            server.start();
            String api = "http://127.0.0.1:" + server.getAddress().getPort();
            nodeHeldServer.setExecutor(requestThreads);
            SearchApi.register(nodeHeldServer, new SearchService(heldClient, config.elasticsearch().index(), config.search()),
                    HttpGuard.of(new ServerConfig("127.0.0.1", 0), nodeHeldServer.getAddress().getPort()));
            nodeHeldServer.start();
            String apiNodeHeld = "http://127.0.0.1:" + nodeHeldServer.getAddress().getPort();
            String apiVirtual = null;
            if (virtualServer != null) {
                virtualServer.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                SearchApi.register(virtualServer, search,
                        HttpGuard.of(new ServerConfig("127.0.0.1", 0), virtualServer.getAddress().getPort()));
                virtualServer.createContext(PassThrough.PATH, passThrough);
                virtualServer.start();
                apiVirtual = "http://127.0.0.1:" + virtualServer.getAddress().getPort();
            }
            Node node = new Node(config.elasticsearch().url().split(",")[0].strip().replaceAll("/+$", ""),
                    config.elasticsearch().compression());

            Map<AnalystRequest, List<String>> urls = new EnumMap<>(AnalystRequest.class);
            Map<AnalystRequest, List<List<CapturedRequest>>> captured = new EnumMap<>(AnalystRequest.class);
            Map<AnalystRequest, long[]> counts = new EnumMap<>(AnalystRequest.class);
            List<AnalystRequest> kinds = new ArrayList<>();
            capture:
            for (AnalystRequest kind : AnalystRequest.values()) {
                if (!options.measures(kind)) {
                    continue;
                }
                List<String> u = new ArrayList<>();
                List<List<CapturedRequest>> c = new ArrayList<>();
                long ours = 0;
                long direct = 0;
                // top words: how many are shown as written rather than as the index's stem (read off every answer)
                int words = 0;
                int rewritten = 0;
                java.util.Set<String> asStems = new java.util.TreeSet<>();
                for (int v = 0; v < options.variants(); v++) {
                    String url = kind.url(v, yearAgo, options.articles());
                    // once unrecorded first: what our code caches (top words' stop-word forms) is then not asked
                    // again, and the captured requests are those of every later call
                    tryGet(client, api + url);
                    // and so on the API in front of the held answers, which asks the node until they are set
                    tryGet(client, apiNodeHeld + url);
                    String answer = null;
                    List<CapturedRequest> requests = List.of();
                    for (int attempt = 1; answer == null; attempt++) {
                        tap.record();
                        try {
                            answer = get(client, api + url);
                        } catch (IOException e) {
                            if (attempt == CAPTURE_ATTEMPTS) {
                                // reported, and the other kinds are still measured
                                unmeasured.put(kind.label(), url + " failed " + attempt + " times; the last: " + e.getMessage());
                                out.printf("%s not measured: %s%n", kind, unmeasured.get(kind.label()));
                                tap.stop();
                                continue capture;
                            }
                            out.printf("%s failed (attempt %d), again: %s%n", url, attempt, e.getMessage());
                        } finally {
                            requests = tap.stop();
                        }
                    }
                    if (requests.isEmpty()) {
                        throw new IllegalStateException(url + " sent Elasticsearch nothing");
                    }
                    u.add(url);
                    c.add(requests);
                    ours += kind.ours(answer);
                    if (kind == AnalystRequest.TOP_WORDS) {
                        for (com.fasterxml.jackson.databind.JsonNode w : newsflow.common.json.Json.mapper().readTree(answer).path("words")) {
                            words++;
                            if (w.path("term").asText().equals(w.path("stem").asText())) {
                                asStems.add(w.path("stem").asText());
                            } else {
                                rewritten++;
                            }
                        }
                    }
                    long d = kind.direct(sendAll(client, node, requests));
                    direct = d < 0 || direct < 0 ? -1 : direct + d;
                }
                kinds.add(kind);
                urls.put(kind, u);
                captured.put(kind, c);
                counts.put(kind, new long[] {ours, direct});
                out.printf("%s: %d Elasticsearch request(s) per call; counts ours %d, direct %d%n", kind,
                        c.getFirst().size(), ours, direct);
                if (kind == AnalystRequest.TOP_WORDS) {
                    out.printf("TOP_WORDS: %d of %d words shown other than their stem; shown as the stem (%d distinct): %s%n",
                            rewritten, words, asStems.size(), asStems);
                }
            }

            Map<Side, Map<AnalystRequest, Latencies>> times = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                times.put(side, new EnumMap<>(AnalystRequest.class));
            }
            Map<AnalystRequest, List<String>> passThroughPaths = new EnumMap<>(AnalystRequest.class);
            Map<AnalystRequest, List<String>> heldPaths = new EnumMap<>(AnalystRequest.class);
            Map<AnalystRequest, List<List<byte[]>>> nodeAnswers = new EnumMap<>(AnalystRequest.class);
            for (AnalystRequest kind : kinds) {
                List<String> paths = new ArrayList<>();
                List<String> heldAnswers = new ArrayList<>();
                for (int v = 0; v < captured.get(kind).size(); v++) {
                    List<CapturedRequest> requests = captured.get(kind).get(v);
                    paths.add(passThrough.add(kind, v, requests));
                    List<byte[]> answers = new ArrayList<>();
                    for (CapturedRequest r : requests) {
                        answers.add(passThrough.relay(List.of(r)));
                    }
                    nodeAnswers.computeIfAbsent(kind, k -> new ArrayList<>()).add(answers);
                    heldAnswers.add(api + held.add(kind, v, answers.getLast()));
                }
                passThroughPaths.put(kind, paths);
                heldPaths.put(kind, heldAnswers);
                // behind the held answers our API must do the same work: the same count as in front of the node
                long nodeHeld = 0;
                for (int v = 0; v < urls.get(kind).size(); v++) {
                    heldNode.answerNextCall(nodeAnswers.get(kind).get(v));
                    nodeHeld += kind.ours(get(client, apiNodeHeld + urls.get(kind).get(v)));
                }
                if (nodeHeld != counts.get(kind)[0]) {
                    throw new IllegalStateException(kind + ": our API counted " + nodeHeld + " from the held answers, "
                            + counts.get(kind)[0] + " from the node's");
                }
            }
            List<Side> measuredSides = Arrays.stream(Side.values())
                    .filter(side -> options.compareVirtualThreads() || !side.virtualThreads).toList();
            Random order = new Random(SEED);
            for (int round = 0; round < options.warmup() + options.rounds(); round++) {
                boolean measured = round >= options.warmup();
                for (AnalystRequest kind : kinds) {
                    int v = round % options.variants();
                    List<Side> sides = new ArrayList<>(measuredSides);
                    java.util.Collections.shuffle(sides, order);
                    for (Side side : sides) {
                        Latencies into = times.get(side).computeIfAbsent(kind, k -> new Latencies());
                        long cpu0 = ResourceUse.processCpuNanos();
                        long t0 = System.nanoTime();
                        try {
                            switch (side) {
                                case OURS -> get(client, api + urls.get(kind).get(v));
                                case PASS_THROUGH -> get(client, api + passThroughPaths.get(kind).get(v));
                                case DIRECT -> sendAll(client, node, captured.get(kind).get(v));
                                case HELD -> get(client, heldPaths.get(kind).get(v));
                                case OURS_NODE_HELD -> {
                                    heldNode.answerNextCall(nodeAnswers.get(kind).get(v));
                                    get(client, apiNodeHeld + urls.get(kind).get(v));
                                }
                                case OURS_VIRTUAL_THREADS -> get(client, apiVirtual + urls.get(kind).get(v));
                                case PASS_THROUGH_VIRTUAL_THREADS -> get(client, apiVirtual + passThroughPaths.get(kind).get(v));
                            }
                        } catch (IOException e) {
                            // counted and reported; a failed call's time is not a latency
                            if (measured) {
                                into.fail();
                            }
                            out.printf("%s %s failed: %s%n", side, kind, e.getMessage());
                            continue;
                        }
                        long took = System.nanoTime() - t0;
                        long cpu = ResourceUse.processCpuNanos() - cpu0;
                        if (measured) {
                            into.add(took, cpu);
                        }
                    }
                }
                if (round % 10 == 0) {
                    out.printf("round %d of %d%n", round + 1, options.warmup() + options.rounds());
                }
            }

            Map<AnalystRequest, Latencies> heldBackToBack = new EnumMap<>(AnalystRequest.class);
            Map<AnalystRequest, Latencies> nodeHeldBackToBack = new EnumMap<>(AnalystRequest.class);
            for (AnalystRequest kind : kinds) {
                // no node work between these calls: our code and the hop as they run when still in the caches
                heldBackToBack.put(kind, new Latencies());
                nodeHeldBackToBack.put(kind, new Latencies());
                for (int round = 0; round < options.rounds(); round++) {
                    int v = round % options.variants();
                    time(client, heldPaths.get(kind).get(v), heldBackToBack.get(kind));
                    heldNode.answerNextCall(nodeAnswers.get(kind).get(v));
                    time(client, apiNodeHeld + urls.get(kind).get(v), nodeHeldBackToBack.get(kind));
                }
            }

            List<RequestResult> results = new ArrayList<>();
            for (AnalystRequest kind : kinds) {
                Latencies o = times.get(Side.OURS).get(kind);
                Latencies oh = times.get(Side.OURS_NODE_HELD).get(kind);
                Latencies p = times.get(Side.PASS_THROUGH).get(kind);
                Latencies d = times.get(Side.DIRECT).get(kind);
                Latencies h = times.get(Side.HELD).get(kind);
                Latencies ov = times.get(Side.OURS_VIRTUAL_THREADS).get(kind);
                Latencies pv = times.get(Side.PASS_THROUGH_VIRTUAL_THREADS).get(kind);
                double perCall = captured.get(kind).stream().mapToInt(List::size).average().orElse(0);
                results.add(new RequestResult(kind.label(), o.count(), perCall,
                        o.millis(0.5), o.millis(0.99), d.millis(0.5), d.millis(0.99), o.millis(0.5) / d.millis(0.5) - 1,
                        p.millis(0.5), p.millis(0.5) / d.millis(0.5) - 1, h.millis(0.5), h.failures(),
                        counts.get(kind)[0], counts.get(kind)[1], o.failures(), d.failures(), p.failures(), o.meanCpuMillis(),
                        d.meanCpuMillis(), p.meanCpuMillis(), oh.millis(0.5), oh.failures(),
                        heldBackToBack.get(kind).millis(0.5), nodeHeldBackToBack.get(kind).millis(0.5),
                        heldBackToBack.get(kind).failures() + nodeHeldBackToBack.get(kind).failures(),
                        ov == null ? null : ov.millis(0.5), pv == null ? null : pv.millis(0.5)));
            }
            return results;
        } finally {
            server.stop(0);
            nodeHeldServer.stop(0);
            requestThreads.shutdown();
            if (virtualServer != null) {
                virtualServer.stop(0);
            }
        }
    }

    /** The ways a call is sent in each round, in a shuffled order. */
    private enum Side {
        OURS, PASS_THROUGH, DIRECT, HELD, OURS_NODE_HELD, OURS_VIRTUAL_THREADS(true), PASS_THROUGH_VIRTUAL_THREADS(true);

        /** Served by the second server, only with {@link Options#compareVirtualThreads()}. */
        final boolean virtualThreads;

        Side() {
            this(false);
        }

        Side(boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
        }
    }

    /** One timed call into {@code into}; a failure is counted, not timed. */
    private void time(HttpFetcher client, String url, Latencies into) {
        long t0 = System.nanoTime();
        try {
            get(client, url);
            into.add(System.nanoTime() - t0, 0);
        } catch (IOException e) {
            into.fail();
            out.printf("%s failed: %s%n", url, e.getMessage());
        }
    }

    /** A call whose failure does not matter (it only warms caches). */
    private static void tryGet(HttpFetcher client, String url) {
        try {
            get(client, url);
        } catch (IOException e) {
            // the recorded call that follows must succeed; this one only warms up
        }
    }

    private static String get(HttpFetcher client, String url) throws IOException {
        return new String(client.fetch(FetchRequest.get(url)).body(), StandardCharsets.UTF_8);
    }

    /**
     * The node as our client talks to it: with {@code elasticsearch.compression} off (the default) it asks for plain
     * answers, and so does the direct side then (the fetch layer would otherwise ask for gzip, which makes the node
     * compress every answer); bodies go plain either way.
     */
    record Node(String url, boolean compression) {
        Map<String, String> headers() {
            return compression ? Map.of() : Map.of("Accept-Encoding", "identity");
        }
    }

    /** The captured requests, in order, straight to the node; their answers. */
    private static List<String> sendAll(HttpFetcher client, Node node, List<CapturedRequest> requests) throws IOException {
        List<String> answers = new ArrayList<>(requests.size());
        for (CapturedRequest r : requests) {
            answers.add(new String(client.fetch(direct(node, r)).body(), StandardCharsets.UTF_8));
        }
        return answers;
    }

    /**
     * The captured request as the fetch layer sends it: a GET when it has no body, else a POST (what the
     * client itself does for a search or an analysis with a body).
     */
    static FetchRequest direct(Node node, CapturedRequest r) {
        StringBuilder url = new StringBuilder(node.url()).append(r.path());
        char sep = '?';
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(r.params()).entrySet()) {
            url.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        if (r.body() == null) {
            return new FetchRequest(URI.create(url.toString()), null, node.headers(), null, null);
        }
        String type = r.ndjson() ? "application/x-ndjson" : "application/json";
        return new FetchRequest(URI.create(url.toString()), null, node.headers(), null, null,
                new FetchRequest.Body(type, r.body().getBytes(StandardCharsets.UTF_8)));
    }
}
