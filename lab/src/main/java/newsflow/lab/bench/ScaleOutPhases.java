package newsflow.lab.bench;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import newsflow.common.url.ArticleIds;
import newsflow.enrich.EnrichStage;
import newsflow.enrich.stories.SimHash;
import newsflow.enrich.stories.StoryMark;
import newsflow.lab.chaos.ChaosPipeline;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline benchmark's scale-out phases, each on topics of its own, after the others:
 * <ol>
 *   <li><b>Instances</b> (topics {@code benchscale.*}): ingest fills the entries topic; one enrich process turns it
 *   into articles, then {@code enrichInstances} enrich processes (another group) do the same entries again, side by
 *   side; throughput and CPU per article (all processes summed) of both.</li>
 *   <li><b>Slow pages</b> (topics {@code benchslow.*}): the same pages answering after 300 ms, every 50th after
 *   10 s; one enrich process, its throughput against the instances phase's single process (no latency) and
 *   against what its fetch concurrency allows at that latency.</li>
 *   <li><b>Start</b> (topics {@code benchstartmarks.*}, {@code benchstartarticles.*}): an articles topic already
 *   holding {@code startArticles} articles (copies of enriched ones under new ids), with their story marks or
 *   without (as before the story-state topic, so enrich rebuilds its memory from the articles); a new enrich
 *   process is started and timed to its first article, and its story-memory load read from its log.</li>
 * </ol>
 */
public final class ScaleOutPhases {

    private static final Logger log = LoggerFactory.getLogger(ScaleOutPhases.class);
    private static final Pattern STORY_LOAD =
            Pattern.compile("stories: (\\d+) articles remembered from (\\d+) marks of the last \\S+ in (\\d+) ms \\((\\d+) ms CPU\\)");
    private static final PipelineSite.PageLatency SLOW =
            new PipelineSite.PageLatency(Duration.ofMillis(300), Duration.ofSeconds(10), 50);
    /** enrich.concurrency in the benchmark's configuration: page fetches in flight. */
    private static final int FETCH_CONCURRENCY = 16;

    /**
     * Which scale-out phases to run.
     *
     * @param enrichInstances enrich processes side by side in the instances phase (below 2: no such phase)
     * @param slowPages       run the slow-pages phase
     * @param startArticles   articles on the topic a new instance starts on (0: no start phase)
     */
    public record Plan(int enrichInstances, boolean slowPages, int startArticles) {
        public static final Plan NONE = new Plan(1, false, 0);
    }

    private final PipelineBenchmark bench;
    private final PipelineBenchmark.Options options;
    private final List<Path> pages;
    private final Plan plan;

    ScaleOutPhases(PipelineBenchmark bench, PipelineBenchmark.Options options, List<Path> pages, Plan plan) {
        this.bench = bench;
        this.options = options;
        this.pages = pages;
        this.plan = plan;
    }

    void run(ChaosPipeline stack, Path dir, Map<String, Object> report) throws Exception {
        if (plan.enrichInstances() > 1) {
            instances(stack, dir, report);
        }
        if (plan.slowPages()) {
            slowPages(stack, dir, report);
        }
        if (plan.startArticles() > 0) {
            Map<String, Object> first = new LinkedHashMap<>();
            Map<String, Object> load = new LinkedHashMap<>();
            Map<String, Object> loadCpu = new LinkedHashMap<>();
            start(stack, dir, "startmarks", true, first, load, loadCpu);
            start(stack, dir, "startarticles", false, first, load, loadCpu);
            report.put("start_articles", plan.startArticles());
            report.put("start_first_article_s", first);
            report.put("start_story_load_ms", load);
            report.put("start_story_load_cpu_ms", loadCpu);
        }
    }

    private void instances(ChaosPipeline stack, Path dir, Map<String, Object> report) throws Exception {
        int n = options.articles();
        int k = plan.enrichInstances();
        try (PipelineSite site = new PipelineSite(pages, n, options.feeds(), options.hosts())) {
            Path yaml = PipelineBenchmark.config(stack, dir, "scale", site);
            NewsflowConfig config = ConfigLoader.load(yaml);
            site.release(0, n);
            try (PipelineBenchmark.TopicCount entries = new PipelineBenchmark.TopicCount(config, Topics.from(config.kafka()).entries());
                 PipelineBenchmark.TopicCount articles = new PipelineBenchmark.TopicCount(config, Topics.from(config.kafka()).articles())) {
                bench.phase(stack, "scale-ingest", "ingest", yaml, entries::count, n, null);
                // each process's first articles pay its JIT warm-up: the steady window starts once every process
                // has done about as many as the one process of the other run (same per process in both)
                int warm = n / (2 * k);
                Together one = together(stack, "scale-enrich-1", 1, yaml, articles::count, n, warm);
                report.put("scale_enrich_1_per_s", one.phase().ratePerSecond(n));
                report.put("scale_enrich_1_cpu_ms_per_article", PipelineBenchmark.round(one.phase().cpuMillis() / (double) n));
                // the same entries again in another group, so the k processes split the partitions between them
                Path pair = dir.resolve("scale-" + k + ".yaml");
                Files.writeString(pair, Files.readString(yaml).replace("groupPrefix: \"bench-scale-\"",
                        "groupPrefix: \"bench-scale-" + k + "-\""));
                long before = articles.count();
                Together many = together(stack, "scale-enrich-" + k, k, pair, () -> articles.count() - before, n, (long) k * warm);
                report.put("scale_enrich_instances", k);
                report.put("scale_enrich_n_per_s", many.phase().ratePerSecond(n));
                report.put("scale_enrich_n_cpu_ms_per_article", PipelineBenchmark.round(many.phase().cpuMillis() / (double) n));
                report.put("scale_partitions", config.kafka().partitions());
                report.put("scale_enrich_warm_articles_per_process", warm);
                report.put("scale_enrich_1_steady_cpu_ms_per_article", one.steadyCpuPerArticle());
                report.put("scale_enrich_n_steady_cpu_ms_per_article", many.steadyCpuPerArticle());
                report.put("scale_enrich_1_jit_cpu_ms_per_article", one.jitPerArticle(n));
                report.put("scale_enrich_n_jit_cpu_ms_per_article", many.jitPerArticle(n));
                report.put("scale_enrich_1_steady_jit_cpu_ms_per_article", one.steadyJitPerArticle());
                report.put("scale_enrich_n_steady_jit_cpu_ms_per_article", many.steadyJitPerArticle());
            }
        }
    }

    /**
     * A run of {@link #together}: the whole phase (from the first article), and its steady window (from the
     * {@code steadyFrom}-th article to the last) with the articles in it; CPU of the JIT compiler threads in each.
     */
    record Together(PipelineBenchmark.Phase phase, long jitMillis, long steadyArticles, long steadyCpuMillis,
                    long steadyJitMillis) {

        double jitPerArticle(int n) {
            return PipelineBenchmark.round(jitMillis / (double) n);
        }

        Double steadyCpuPerArticle() {
            return steadyArticles <= 0 ? null : PipelineBenchmark.round(steadyCpuMillis / (double) steadyArticles);
        }

        Double steadyJitPerArticle() {
            return steadyArticles <= 0 ? null : PipelineBenchmark.round(steadyJitMillis / (double) steadyArticles);
        }
    }

    /**
     * {@code k} enrich processes side by side until {@code progress} reaches n; CPU summed over them, from the first
     * article, and from the {@code steadyFrom}-th on.
     */
    private Together together(ChaosPipeline stack, String name, int k, Path yaml,
                              java.util.function.LongSupplier progress, int n, long steadyFrom) throws Exception {
        List<ProcessTree> trees = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            String each = k == 1 ? name : name + "-" + i;
            names.add(each);
            trees.add(new ProcessTree(each, stack.startProcess(each, "enrich", yaml, "768m")));
        }
        long deadline = System.nanoTime() + options.timeout().toNanos();
        PhaseStart<Cpu> start = new PhaseStart<>(() -> new Cpu(cpu(trees), jit(trees)));
        long steadyAt = -1;
        long cpuAtSteady = 0;
        long jitAtSteady = 0;
        try {
            long done;
            while (true) {
                long now = System.nanoTime();
                done = progress.getAsLong();
                start.sample(now, done);
                if (steadyAt < 0 && done >= steadyFrom && done < n) {
                    steadyAt = done;
                    cpuAtSteady = cpu(trees);
                    jitAtSteady = jit(trees);
                }
                if (done >= n) {
                    break;
                }
                jit(trees); // compiler threads come and go: seen at every sample, the ones that exit keep their CPU
                if (now > deadline || names.stream().anyMatch(p -> !stack.alive(p))) {
                    throw new IllegalStateException(name + ": " + done + " of " + n + " (logs " + names.stream()
                            .map(stack::logOf).toList() + ")");
                }
                Thread.sleep(250);
            }
            long cpu = cpu(trees);
            long jit = jit(trees);
            PipelineBenchmark.Phase phase = new PipelineBenchmark.Phase(System.nanoTime() - start.nanos(),
                    cpu - start.readings().millis(), 0);
            log.info("{}: {} items in {} ms by {} processes", name, n, phase.nanos() / 1_000_000, k);
            return new Together(phase, jit - start.readings().jitMillis(), steadyAt < 0 ? 0 : done - steadyAt,
                    cpu - cpuAtSteady, jit - jitAtSteady);
        } finally {
            for (String p : names) {
                stack.stopProcess(p);
            }
        }
    }

    /** CPU so far of a phase's processes, all threads and the JIT compiler's. */
    private record Cpu(long millis, long jitMillis) {
    }

    private static long cpu(List<ProcessTree> trees) {
        return trees.stream().mapToLong(ProcessTree::cpuMillis).sum();
    }

    private static long jit(List<ProcessTree> trees) {
        return trees.stream().mapToLong(ProcessTree::jitCpuMillis).sum();
    }

    private void slowPages(ChaosPipeline stack, Path dir, Map<String, Object> report) throws Exception {
        int n = options.articles();
        try (PipelineSite site = new PipelineSite(pages, n, options.feeds(), options.hosts(), SLOW)) {
            Path yaml = PipelineBenchmark.config(stack, dir, "slow", site);
            NewsflowConfig config = ConfigLoader.load(yaml);
            site.release(0, n);
            try (PipelineBenchmark.TopicCount entries = new PipelineBenchmark.TopicCount(config, Topics.from(config.kafka()).entries());
                 PipelineBenchmark.TopicCount articles = new PipelineBenchmark.TopicCount(config, Topics.from(config.kafka()).articles())) {
                bench.phase(stack, "slow-ingest", "ingest", yaml, entries::count, n, null);
                PipelineBenchmark.Phase slow = bench.phase(stack, "slow-enrich", "enrich", yaml, articles::count, n, null);
                report.put("slow_pages_latency", Map.of("typical_ms", SLOW.typical().toMillis(),
                        "slow_ms", SLOW.slow().toMillis(), "slow_pages", SLOW.slowAmong(n)));
                report.put("slow_enrich_per_s", slow.ratePerSecond(n));
                report.put("slow_enrich_cpu_ms_per_article", PipelineBenchmark.round(slow.cpuMillis() / (double) n));
                // fetches in flight over the mean page time: what the fetch concurrency allows at this latency
                report.put("slow_fetch_bound_per_s", PipelineBenchmark.round(FETCH_CONCURRENCY / SLOW.meanSeconds()));
            }
        }
    }

    /**
     * A new enrich process on an articles topic already holding {@code startArticles} articles, with their marks
     * ({@code marks}) or without; one entry waits for it. From its start to its first article.
     */
    private void start(ChaosPipeline stack, Path dir, String name, boolean marks, Map<String, Object> first,
                       Map<String, Object> load, Map<String, Object> loadCpu) throws Exception {
        int n = plan.startArticles();
        try (PipelineSite site = new PipelineSite(pages, 1, 1, 1)) {
            Path yaml = PipelineBenchmark.config(stack, dir, name, site);
            NewsflowConfig config = ConfigLoader.load(yaml);
            KafkaClients kafka = new KafkaClients(config.kafka());
            kafka.ensureTopics();
            Topics topics = kafka.topics();
            kafka.ensureTopic(topics.storyState(), EnrichStage.storyStateTopicConfig());
            fill(kafka, topics, n, marks);
            site.release(0, 1);
            String url = site.articleUrl(0);
            FeedEntry entry = new FeedEntry(Schema.VERSION, ArticleIds.forUrl(url), "bench", "bench", url, url,
                    "Article 0", null, null, List.of(), Instant.now(), null, List.of(), List.of(), Instant.now());
            try (KafkaProducer<String, byte[]> producer = kafka.bytesProducer("bench-start-entry")) {
                producer.send(new ProducerRecord<>(topics.entries(), entry.id(), JsonCodec.FEED_ENTRY.encode(entry))).get();
            }
            try (PipelineBenchmark.TopicCount articles = new PipelineBenchmark.TopicCount(config, topics.articles())) {
                long before = articles.count();
                long started = System.nanoTime();
                stack.startProcess(name, "enrich", yaml, "768m");
                long deadline = started + options.timeout().toNanos();
                while (articles.count() <= before) {
                    if (System.nanoTime() > deadline || !stack.alive(name)) {
                        throw new IllegalStateException(name + ": no article (log " + stack.logOf(name) + ")");
                    }
                    Thread.sleep(100);
                }
                String key = marks ? "with_marks" : "articles_only";
                first.put(key, PipelineBenchmark.round((System.nanoTime() - started) / 1e9));
                long[] logged = storyLoadMillis(stack.logOf(name));
                load.put(key, logged == null ? null : logged[0]);
                loadCpu.put(key, logged == null ? null : logged[1]);
                stack.stopProcess(name);
            }
        }
    }

    /** Copies of the enriched articles of the earlier phases under new ids, and (with marks) their story marks. */
    private void fill(KafkaClients kafka, Topics topics, int n, boolean marks) throws Exception {
        List<Article> source = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = kafka.readerWithoutGroup("bench-start-source")) {
            CompactedTopic.readToEnd(reader, "benchceiling.articles", null, Duration.ofMinutes(2), r -> {
                if (r.value() != null && source.size() < 1000) {
                    source.add(JsonCodec.ARTICLE.decode(r.value()));
                }
            });
        }
        if (source.isEmpty()) {
            throw new IllegalStateException("no enriched articles to copy in benchceiling.articles");
        }
        try (KafkaProducer<String, byte[]> producer = kafka.bytesProducer("bench-start-fill")) {
            for (int i = 0; i < n; i++) {
                Article a = copy(source.get(i % source.size()), "bench-start-" + i);
                producer.send(new ProducerRecord<>(topics.articles(), a.id(), JsonCodec.ARTICLE.encode(a)));
                if (marks) {
                    StoryMark m = new StoryMark(SimHash.of(a.body()), a.storyId(),
                            a.published() != null ? a.published() : a.processedAt());
                    producer.send(new ProducerRecord<>(topics.storyState(), a.id(), m.encode()));
                }
            }
            producer.flush();
        }
    }

    private static Article copy(Article a, String id) {
        return new Article(a.schemaVersion(), id, a.url() + "#" + id, a.canonicalUrl(), a.entry(), a.title(), a.body(),
                a.authors(), a.published(), a.modified(), a.leadImage(), a.siteName(), a.description(), a.language(),
                a.topics(), a.wordCount(), a.extraction(), a.processedAt(), id);
    }

    /** The story-memory load's wall and CPU milliseconds the process logged, null when it did not. */
    static long[] storyLoadMillis(Path logFile) throws IOException {
        for (String line : Files.readAllLines(logFile)) {
            Matcher m = STORY_LOAD.matcher(line);
            if (m.find()) {
                return new long[]{Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
            }
        }
        return null;
    }
}
