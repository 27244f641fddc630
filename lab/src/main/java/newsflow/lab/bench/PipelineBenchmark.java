package newsflow.lab.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.index.es.ElasticsearchClients;
import newsflow.lab.chaos.ChaosPipeline;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pipeline benchmark: real pages on loopback hosts, the real stages as {@code newsflow run} processes against a
 * local broker and node started for the run, all phases on the same pages in one run so the numbers are ratios
 * against peers measured alongside:
 * <ol>
 *   <li><b>Ceilings</b> (topics {@code benchceiling.*}): ingest alone fills the entries topic; enrich alone turns it into
 *   articles (first article out to last); index alone drains the articles topic (documents over the time its batches took).</li>
 *   <li><b>End to end</b> (topics {@code benche2e.*}): one process running ingest, enrich and index, as the local
 *   default does; the articles are listed once it polls, first poll to last searchable. CPU per article of each
 *   process tree (newsflow, broker, node) from {@code /proc}, peak RSS sampled, documents per bulk request from the
 *   index stage's log lines.</li>
 *   <li><b>Freshness</b>: with the pipeline idle, new articles are listed one at a time; for each, from the first
 *   poll that saw it to the first search that finds it.</li>
 * </ol>
 */
public final class PipelineBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PipelineBenchmark.class);
    private static final Duration SAMPLE = Duration.ofMillis(250);
    /** The idle window after the idle freshness whose CPU per second is the warm pipeline's fixed cost. */
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(10);
    private static final Pattern BULK_LINE =
            Pattern.compile("indexed (\\d+) of (\\d+) records in (\\d+) bulk requests .* in (\\d+) ms");

    /**
     * What to run. {@code freshItems} articles are listed one at a time after the end-to-end phase; then
     * {@code webSubItems} more, each announced by the feeds' WebSub hub (0: no hub, WebSub off); then
     * {@code loadedArticles} at 80 % of the measured end-to-end rate with {@code freshItems} fresh ones among them
     * (0: no loaded phase). The broker and the node run with {@code serviceHeap} each, as {@code localStack.heap}
     * sets them.
     */
    public record Options(int articles, int hosts, int feeds, List<Path> pageDirs, Path dataDir, Path home,
                          int freshItems, Duration timeout, int webSubItems, int loadedArticles, String serviceHeap) {

        /** The local default's heap of the broker and the node ({@code localStack.heap}). */
        public static final String DEFAULT_SERVICE_HEAP = "512m";

        /** Without the WebSub and loaded-freshness phases, the services with the default heap. */
        public Options(int articles, int hosts, int feeds, List<Path> pageDirs, Path dataDir, Path home,
                       int freshItems, Duration timeout) {
            this(articles, hosts, feeds, pageDirs, dataDir, home, freshItems, timeout, 0, 0, DEFAULT_SERVICE_HEAP);
        }
    }

    /** The loaded-freshness phase lists articles at this share of the end-to-end capacity measured before it. */
    static final double LOAD_SHARE = 0.8;
    /** The WebSub callback secret of the benchmark's ingest (the hub gets one derived from it). */
    private static final String WEBSUB_SECRET = "bench-pipeline-websub-secret";

    private final Options options;
    private final List<Path> pages;
    private final ScaleOutPhases.Plan scaleOut;

    public PipelineBenchmark(Options options) {
        this(options, ScaleOutPhases.Plan.NONE);
    }

    /** @param scaleOut the scale-out phases to run after the others (several enrich instances, slow pages, start) */
    public PipelineBenchmark(Options options, ScaleOutPhases.Plan scaleOut) {
        this.options = options;
        this.pages = PipelineSite.pagesUnder(options.pageDirs());
        this.scaleOut = scaleOut;
    }

    /** Runs every phase and returns the report (keys as docs/measurements.md lists them). */
    public Map<String, Object> run() throws Exception {
        Path dir = options.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dir.resolve("logs"));
        Map<String, Object> report = new LinkedHashMap<>();
        int n = options.articles();
        report.put("articles", n);
        report.put("pages", Math.min(n, pages.size()));
        report.put("hosts", options.hosts());
        report.put("feeds", options.feeds());
        report.put("service_heap", options.serviceHeap());
        try (ChaosPipeline stack = ChaosPipeline.startServices(options.home(), dir, options.serviceHeap())) {
            ProcessTree broker = new ProcessTree("broker", stack.brokerPid());
            ProcessTree node = new ProcessTree("node", stack.nodePid());
            ceilings(stack, dir, node, report);
            endToEnd(stack, dir, broker, node, report);
            new ScaleOutPhases(this, options, pages, scaleOut).run(stack, dir, report);
        }
        return report;
    }

    private void ceilings(ChaosPipeline stack, Path dir, ProcessTree node, Map<String, Object> report) throws Exception {
        int n = options.articles();
        try (PipelineSite site = new PipelineSite(pages, n, options.feeds(), options.hosts())) {
            Path yaml = config(stack, dir, "ceiling", site);
            NewsflowConfig config = ConfigLoader.load(yaml);
            site.release(0, n);
            try (TopicCount entries = new TopicCount(config, Topics.from(config.kafka()).entries());
                 TopicCount articles = new TopicCount(config, Topics.from(config.kafka()).articles());
                 ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
                Phase ingest = phase(stack, "ingest-alone", "ingest", yaml, entries::count, n, null);
                report.put("ingest_ceiling_per_s", ingest.ratePerSecond(n));
                Phase enrich = phase(stack, "enrich-alone", "enrich", yaml, articles::count, n, null);
                report.put("enrich_ceiling_per_s", enrich.ratePerSecond(n));
                report.put("enrich_cpu_ms_per_article", round(enrich.cpuMillis / (double) n));
                report.put("enrich_jit_cpu_ms_per_article", round(enrich.jitMillis / (double) n));
                Phase index = phase(stack, "index-alone", "index", yaml, () -> count(es, config), n, node);
                // the documents over the time the stage spent in its batches (bulk requests, mapping): the first
                // searchable document comes a whole bulk and a refresh after the start, so timing the alias would
                // leave out the first bulk, which may be all of them
                report.put("index_ceiling_per_s", indexCeiling(stack.logOf("index-alone")));
                report.put("index_alone_node_cpu_ms_per_article", round(index.otherCpuMillis / (double) n));
                report.put("index_alone_node_jit_cpu_ms_per_article", round(index.otherJitMillis / (double) n));
                report.put("index_alone_docs_per_bulk", percentiles(docsPerBulk(stack.logOf("index-alone"))));
            }
        }
    }

    /** One stage process alone until {@code progress} reaches {@code n}; timed from the first item out to the last. */
    Phase phase(ChaosPipeline stack, String name, String stages, Path yaml, LongSupplier progress, int n,
                        ProcessTree other) throws Exception {
        long pid = stack.startProcess(name, stages, yaml, "768m");
        ProcessTree tree = new ProcessTree(name, pid);
        long deadline = System.nanoTime() + options.timeout().toNanos();
        PhaseStart<Cpu> start = new PhaseStart<>(() -> Cpu.of(tree, other));
        long done;
        while (true) {
            long now = System.nanoTime();
            done = progress.getAsLong();
            start.sample(now, done);
            if (done >= n) {
                break;
            }
            // compiler threads come and go: seen at every sample, the ones that exit keep their CPU
            tree.jitCpuMillis();
            if (other != null) {
                other.jitCpuMillis();
            }
            if (now > deadline || !stack.alive(name)) {
                throw new IllegalStateException(name + ": " + done + " of " + n + " after "
                        + options.timeout().toSeconds() + " s" + (stack.alive(name) ? "" : ", the process exited")
                        + " (log " + stack.logOf(name) + ")");
            }
            Thread.sleep(SAMPLE.toMillis());
        }
        Cpu end = Cpu.of(tree, other);
        Cpu begin = start.readings();
        Phase phase = new Phase(System.nanoTime() - start.nanos(), end.millis() - begin.millis(),
                end.jitMillis() - begin.jitMillis(), end.otherMillis() - begin.otherMillis(),
                end.otherJitMillis() - begin.otherJitMillis());
        log.info("{}: {} items in {} ms", name, n, phase.nanos / 1_000_000);
        stack.stopProcess(name);
        return phase;
    }

    /** A phase's process and the other one it loads (none: 0), CPU so far, all threads and the JIT compiler's. */
    private record Cpu(long millis, long jitMillis, long otherMillis, long otherJitMillis) {
        static Cpu of(ProcessTree tree, ProcessTree other) {
            return new Cpu(tree.cpuMillis(), tree.jitCpuMillis(), other == null ? 0 : other.cpuMillis(),
                    other == null ? 0 : other.jitCpuMillis());
        }
    }

    /**
     * {@code jitMillis}, {@code otherJitMillis}: the parts of {@code cpuMillis} and {@code otherCpuMillis} their JIT
     * compiler threads took ({@link ProcessTree#jitCpuMillis}).
     */
    record Phase(long nanos, long cpuMillis, long jitMillis, long otherCpuMillis, long otherJitMillis) {
        Phase(long nanos, long cpuMillis, long otherCpuMillis) {
            this(nanos, cpuMillis, 0, otherCpuMillis, 0);
        }

        double ratePerSecond(int n) {
            // timed from the first item to the last: n - 1 intervals
            return round((n - 1) / Math.max(1e-9, nanos / 1e9));
        }
    }

    private void endToEnd(ChaosPipeline stack, Path dir, ProcessTree broker, ProcessTree node, Map<String, Object> report)
            throws Exception {
        int n = options.articles();
        int fresh = options.freshItems();
        int extra = options.webSubItems() + options.loadedArticles() + (options.loadedArticles() > 0 ? fresh : 0);
        try (PipelineSite site = new PipelineSite(pages, n + fresh + extra, options.feeds(), options.hosts())) {
            WebSubHub hub = options.webSubItems() > 0 ? new WebSubHub() : null;
            if (hub != null) {
                site.advertiseHub(hub);
            }
            Path yaml = config(stack, dir, "e2e", site, hub != null);
            NewsflowConfig config = ConfigLoader.load(yaml);
            try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
                long pid = stack.startProcess("pipeline", "ingest,enrich,index", yaml, "1g");
                ProcessTree newsflow = new ProcessTree("newsflow", pid);
                List<ProcessTree> trees = List.of(newsflow, broker, node);
                awaitFirstPolls(stack, site);
                Map<String, Long> cpu0 = cpu(trees);
                Map<String, Long> jit0 = jitCpu(trees);
                Map<String, Long> peak = new LinkedHashMap<>();
                site.release(0, n);
                long deadline = System.nanoTime() + options.timeout().toNanos();
                long at10 = 0;
                long at90 = 0;
                long done;
                while (true) {
                    trees.forEach(t -> peak.merge(t.name(), t.rssBytes(), Math::max));
                    // compiler threads come and go: seen at every sample, the ones that exit keep their CPU
                    trees.forEach(ProcessTree::jitCpuMillis);
                    done = count(es, config);
                    long now = System.nanoTime();
                    if (at10 == 0 && done >= n / 10) {
                        at10 = now;
                    }
                    if (at90 == 0 && done >= n * 9L / 10) {
                        at90 = now;
                    }
                    if (done >= n) {
                        break;
                    }
                    if (now > deadline || !stack.alive("pipeline")) {
                        throw new IllegalStateException("end to end: " + done + " of " + n + " searchable after "
                                + options.timeout().toSeconds() + " s (log " + stack.logOf("pipeline") + ")");
                    }
                    Thread.sleep(SAMPLE.toMillis());
                }
                long end = System.nanoTime();
                long firstPoll = Long.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    long served = site.firstServed(i);
                    firstPoll = served == 0 ? firstPoll : Math.min(firstPoll, served);
                }
                Map<String, Long> cpu1 = cpu(trees);
                Map<String, Long> jit1 = jitCpu(trees);
                report.put("e2e_articles_per_s", round(n / ((end - firstPoll) / 1e9)));
                report.put("e2e_steady_articles_per_s", at90 > at10 ? round((n * 8 / 10.0) / ((at90 - at10) / 1e9)) : null);
                report.put("cpu_ms_per_article", cpuMsPerArticle(trees, cpu0, cpu1, n));
                // each JVM's warm-up within its share: compiler threads, not work per article (docs/measurements.md)
                report.put("jit_cpu_ms_per_article", cpuMsPerArticle(trees, jit0, jit1, n));
                report.put("peak_rss_mb", peakRssMb(peak));
                report.put("docs_per_bulk", percentiles(docsPerBulk(stack.logOf("pipeline"))));
                List<Double> freshness = freshness(stack, site, es, config, n, fresh);
                Map<String, Object> f = percentiles(freshness);
                report.put("freshness_p50_s", f.get("p50"));
                report.put("freshness_p95_s", f.get("p95"));
                report.put("freshness_items", freshness.size());
                report.put("searchable", count(es, config));
                // warm (every stage has run thousands of articles) and idle (every article searchable)
                report.put("idle_cpu_ms_per_s", idleCpu(trees, IDLE_WINDOW));
                FreshUnderLoad more = new FreshUnderLoad(site, url -> found(es, config, url), () -> count(es, config),
                        options.timeout());
                int next = n + fresh;
                if (hub != null) {
                    List<Double> pushed = more.webSub(hub, options.feeds(), next, options.webSubItems());
                    Map<String, Object> w = percentiles(pushed);
                    report.put("websub_freshness_p50_s", w.get("p50"));
                    report.put("websub_freshness_p95_s", w.get("p95"));
                    report.put("websub_freshness_items", pushed.size());
                    next += options.webSubItems();
                }
                if (options.loadedArticles() > 0) {
                    Object capacity = report.get("e2e_steady_articles_per_s");
                    double perSecond = LOAD_SHARE * (capacity instanceof Double d ? d : (Double) report.get("e2e_articles_per_s"));
                    report.putAll(more.loaded(next, options.loadedArticles(), fresh, perSecond, trees, stack.logOf("pipeline")));
                }
                stack.stopProcess("pipeline");
            }
        }
    }

    /** Waits until every feed was polled once with nothing listed: the pipeline is up and warm. */
    private void awaitFirstPolls(ChaosPipeline stack, PipelineSite site) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (site.feedsPolled() < options.feeds()) {
            if (System.nanoTime() > deadline || !stack.alive("pipeline")) {
                throw new IllegalStateException("the pipeline polled " + site.feedsPolled() + " of " + options.feeds()
                        + " feeds (log " + stack.logOf("pipeline") + ")");
            }
            Thread.sleep(SAMPLE.toMillis());
        }
        Thread.sleep(2_000); // the enrich and index stages joined their groups meanwhile; give them their first poll
    }

    /** Lists the fresh articles one at a time on the idle pipeline; seconds from the poll that saw each to searchable. */
    private List<Double> freshness(ChaosPipeline stack, PipelineSite site, ElasticsearchClient es, NewsflowConfig config,
                                   int from, int fresh) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = from; i < from + fresh; i++) {
            site.release(i, i + 1);
            String url = site.articleUrl(i);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                long now = System.nanoTime();
                if (site.firstServed(i) != 0 && found(es, config, url)) {
                    seconds.add(round((System.nanoTime() - site.firstServed(i)) / 1e9));
                    break;
                }
                if (now > deadline || !stack.alive("pipeline")) {
                    throw new IllegalStateException("fresh article " + url + " not searchable within 60 s (log "
                            + stack.logOf("pipeline") + ")");
                }
                Thread.sleep(20);
            }
        }
        return seconds;
    }

    private static boolean found(ElasticsearchClient es, NewsflowConfig config, String url) throws IOException {
        return es.count(c -> c.index(config.elasticsearch().index()).allowNoIndices(true).ignoreUnavailable(true)
                .query(q -> q.term(t -> t.field("url").value(url)))).count() > 0;
    }

    static long count(ElasticsearchClient es, NewsflowConfig config) {
        try {
            return es.count(c -> c.index(config.elasticsearch().index()).allowNoIndices(true).ignoreUnavailable(true)).count();
        } catch (IOException | RuntimeException e) {
            return 0; // the alias is not there yet
        }
    }

    /**
     * CPU per second of each tree over {@code window} while nothing new is listed: the fixed cost (feed polls,
     * consumers' fetches, heartbeats, the node's housekeeping, the benchmark's own count requests) that a low
     * article rate divides over few articles.
     */
    private static Map<String, Object> idleCpu(List<ProcessTree> trees, Duration window) throws InterruptedException {
        Map<String, Long> before = cpu(trees);
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = cpu(trees);
        Map<String, Object> perSecond = new LinkedHashMap<>();
        double total = 0;
        for (ProcessTree t : trees) {
            double ms = (after.get(t.name()) - before.get(t.name())) / seconds;
            perSecond.put(t.name(), round(ms));
            total += ms;
        }
        perSecond.put("total", round(total));
        return perSecond;
    }

    static Map<String, Long> cpu(List<ProcessTree> trees) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        trees.forEach(t -> cpu.put(t.name(), t.cpuMillis()));
        return cpu;
    }

    /** The CPU milliseconds of each tree's JIT compiler threads so far. */
    static Map<String, Long> jitCpu(List<ProcessTree> trees) {
        Map<String, Long> jit = new LinkedHashMap<>();
        trees.forEach(t -> jit.put(t.name(), t.jitCpuMillis()));
        return jit;
    }

    /** Records over the milliseconds of the index stage's batches, from its log lines. */
    static Double indexCeiling(Path logFile) throws IOException {
        long records = 0;
        long millis = 0;
        for (String line : Files.readAllLines(logFile)) {
            Matcher m = BULK_LINE.matcher(line);
            if (m.find()) {
                records += Long.parseLong(m.group(2));
                millis += Long.parseLong(m.group(4));
            }
        }
        return millis == 0 ? null : round(records / (millis / 1000.0));
    }

    /** Documents per bulk request, from the index stage's "indexed X of Y records in Z bulk requests" lines. */
    static List<Double> docsPerBulk(Path logFile) throws IOException {
        List<Double> sizes = new ArrayList<>();
        for (String line : Files.readAllLines(logFile)) {
            Matcher m = BULK_LINE.matcher(line);
            if (m.find()) {
                int records = Integer.parseInt(m.group(2));
                int requests = Integer.parseInt(m.group(3));
                for (int r = 0; r < requests; r++) {
                    sizes.add(records / (double) requests);
                }
            }
        }
        return sizes;
    }

    static Map<String, Object> percentiles(List<Double> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<Double> sorted = values.stream().sorted().toList();
        p.put("count", sorted.size());
        p.put("p50", sorted.isEmpty() ? null : round(sorted.get((int) Math.ceil(0.50 * sorted.size()) - 1)));
        p.put("p95", sorted.isEmpty() ? null : round(sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1)));
        return p;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** CPU milliseconds per article of each process tree between two readings, and their total. */
    static Map<String, Object> cpuMsPerArticle(List<ProcessTree> trees, Map<String, Long> before, Map<String, Long> after,
                                               long articles) {
        Map<String, Object> perArticle = new LinkedHashMap<>();
        double total = 0;
        for (ProcessTree t : trees) {
            double ms = (after.get(t.name()) - before.get(t.name())) / (double) articles;
            perArticle.put(t.name(), round(ms));
            total += ms;
        }
        perArticle.put("total", round(total));
        return perArticle;
    }

    /** Peak RSS of each process tree in MB, and the sum of the peaks. */
    static Map<String, Object> peakRssMb(Map<String, Long> peakBytes) {
        Map<String, Object> rss = new LinkedHashMap<>();
        long sum = 0;
        for (var e : peakBytes.entrySet()) {
            rss.put(e.getKey(), e.getValue() / (1024 * 1024));
            sum += e.getValue();
        }
        rss.put("sum_of_peaks", sum / (1024 * 1024));
        return rss;
    }

    /**
     * A phase's configuration: the run's broker and node, topics and index of its own, the site's hosts allowed,
     * politeness off (the hosts are this machine), the default tagger as shipped, feeds polled every 5 s (the
     * freshness phase needs polls; 100 feeds make 20 polls a second). The least interval is 5 s too: the site's items
     * share one publication time, and a feed adapts its interval to half the gap between its items, so with a lower
     * floor every feed went down to it (with 1 s: 100 polls, 100 feed-state writes a second, and the idle pipeline's
     * newsflow process took 300 ms of CPU per second).
     */
    static Path config(ChaosPipeline stack, Path dir, String phase, PipelineSite site) throws IOException {
        return config(stack, dir, phase, site, false);
    }

    /** With {@code webSub}, ingest's WebSub callback server on a free loopback port, and the feeds' hub subscribed to. */
    private static Path config(ChaosPipeline stack, Path dir, String phase, PipelineSite site, boolean webSub)
            throws IOException {
        String feeds = site.feedUrls().stream().map(u -> "  - url: \"" + u + "\"").collect(Collectors.joining("\n"));
        String yaml = """
                # written by newsflow bench-pipeline: one phase's configuration
                dataDir: "%s"
                kafka:
                  bootstrapServers: "%s"
                  topicPrefix: "bench%s."
                  groupPrefix: "bench-%s-"
                elasticsearch:
                  url: "%s"
                  index: "bench-%s"
                http:
                  allowPrivate:
                    - "127.1.0.0/16"
                ingest:
                  defaultInterval: 5s
                  minInterval: 5s
                  perHostDelay: 0s
                  perHostConcurrency: 4
                enrich:
                  concurrency: 16
                  perHostConcurrency: 16
                  perHostDelay: 0s
                  respectRobots: false
                server:
                  port: 0
                feeds:
                %s
                """.formatted(dir.resolve("stages-" + phase), stack.bootstrapServers(), phase, phase,
                stack.elasticsearchUrl(), phase, feeds);
        if (webSub) {
            int port = freePort();
            yaml += """
                    websub:
                      callbackUrl: "http://127.0.0.1:%d"
                      host: 127.0.0.1
                      port: %d
                      secret: "%s"
                    """.formatted(port, port, WEBSUB_SECRET);
        }
        Path file = dir.resolve(phase + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The records on a topic (sum of its partitions' end offsets), 0 while it does not exist. */
    static final class TopicCount implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> reader;
        private final String topic;

        TopicCount(NewsflowConfig config, String topic) {
            this.reader = new KafkaClients(config.kafka()).readerWithoutGroup("bench-count-" + topic);
            this.topic = topic;
        }

        long count() {
            try {
                List<PartitionInfo> parts = reader.partitionsFor(topic, Duration.ofSeconds(5));
                if (parts == null || parts.isEmpty()) {
                    return 0;
                }
                List<TopicPartition> tps = parts.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                return reader.endOffsets(tps, Duration.ofSeconds(5)).values().stream().mapToLong(Long::longValue).sum();
            } catch (RuntimeException e) {
                return 0;
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
