package newsflow.lab.bench;

import com.sun.management.ThreadMXBean;
import net.dankito.readability4j.Readability4J;
import newsflow.enrich.Extract;
import newsflow.enrich.embed.Embedders;
import newsflow.enrich.taxonomy.HybridClassifier;
import newsflow.enrich.topics.TopicMatcher;
import newsflow.enrich.topics.TopicTagger;
import newsflow.lab.eval.BenchmarkPages;
import newsflow.enrich.extract.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * Extraction speed, side by side in one JVM on one thread over the same in-memory pages: newsflow's extractor,
 * the enrich step without topics ({@link Extract#article}: extractor plus language detection, story fingerprint),
 * the enrich step as the service runs it by default (the same plus the default IPTC tagger: MiniLM embedding,
 * shipped model, zero-shot topics), the extractor with its learned block model on, and readability4j. Each contender is warmed up, then measured in interleaved rounds so that drift of a noisy machine
 * hits all of them alike. Reports pages/s, the ratio to readability4j, bytes allocated per page and heap in use
 * after a full GC; {@code --flat N} then runs N more pages through enrich and prints the heap after GC along the
 * way, to show that memory stays flat.
 */
@Command(name = "bench-extract", mixinStandardHelpOptions = true,
        description = "Pages/s and memory of newsflow's extractor against readability4j, single thread, warm.")
public final class BenchExtract implements Callable<Integer> {

    @Option(names = "--pages", required = true, paramLabel = "DIR", description = "a benchmark directory (html/<id>.html.gz or <id>/source.html)")
    Path pages;

    @Option(names = "--ground-truth", paramLabel = "FILE", description = "its ground truth (lists the pages); default DIR/ground-truth.json")
    Path groundTruth;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "warm-up per contender (default ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--seconds", defaultValue = "15", description = "measured time per contender, over all rounds (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--rounds", defaultValue = "10", description = "interleaved measuring rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--flat", defaultValue = "10000", paramLabel = "N", description = "pages for the flat-memory run, 0 to skip (default ${DEFAULT-VALUE})")
    int flat;

    private record Loaded(String id, String url, byte[] bytes) {
    }

    private static final class Contender {
        final String name;
        final ToIntFunction<Loaded> run;
        long pages;
        long nanos;
        long allocated;
        int failures;
        final List<Double> roundRates = new ArrayList<>();
        /** The extractor's block-model switch while this contender runs (null: the extractor's default). */
        final String blockModel;

        Contender(String name, ToIntFunction<Loaded> run) {
            this(name, run, null);
        }

        Contender(String name, ToIntFunction<Loaded> run, String blockModel) {
            this.name = name;
            this.run = run;
            this.blockModel = blockModel;
        }
    }

    /** The extractor's switch for its learned block model (newsflow.enrich.extract.BlockRanker). */
    private static final String BLOCK_MODEL_PROPERTY = "newsflow.extract.blockModel";

    /** The tagger enrich runs by default ({@code enrich.taxonomy: iptc}, no model file, no rules). */
    private static final TopicTagger SERVICE_TAGGER = new TopicTagger(new TopicMatcher(Map.of()),
            HybridClassifier.iptc(Embedders.named(Embedders.MINILM_Q)));
    private static final ThreadMXBean THREAD = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    /** Keeps results observable so the JIT cannot drop the work. */
    private static long sink;

    @Override
    public Integer call() {
        BenchmarkPages benchmark = BenchmarkPages.load(pages, groundTruth != null ? groundTruth : pages.resolve("ground-truth.json"));
        List<Loaded> loaded = new ArrayList<>();
        long totalBytes = 0;
        for (BenchmarkPages.Page p : benchmark.pages()) {
            byte[] bytes = p.read();
            loaded.add(new Loaded(p.id(), p.url(), bytes));
            totalBytes += bytes.length;
        }
        List<Contender> contenders = List.of(
                new Contender("newsflow ArticleExtractor", p -> ArticleExtractor.extract(p.bytes(), null, p.url()).body().length()),
                new Contender("enrich step, no tagger", p -> Extract.article(p.bytes(), p.url()).body().length()),
                new Contender("enrich step as the service runs it", p -> Extract.article(p.bytes(), p.url(), SERVICE_TAGGER)
                        .topics().size()),
                new Contender("newsflow ArticleExtractor, block model on",
                        p -> ArticleExtractor.extract(p.bytes(), null, p.url()).body().length(), "on"),
                new Contender("readability4j 1.0.8", p -> new Readability4J(p.url(),
                        new String(p.bytes(), StandardCharsets.UTF_8)).parse().getTextContent().length()));
        System.out.printf(Locale.ROOT, "%d pages, %.1f MiB of HTML; Java %s, max heap %d MiB; single thread%n",
                loaded.size(), totalBytes / 1048576.0, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        for (Contender c : contenders) {
            runFor(c, loaded, warmupSeconds, false);
        }
        for (int r = 0; r < rounds; r++) {
            for (Contender c : contenders) {
                runFor(c, loaded, seconds / rounds, true);
            }
        }
        Contender peer = contenders.getLast();
        double peerRate = rate(peer);
        System.out.printf(Locale.ROOT, "%-42s %10s %9s %15s %14s %9s%n", "extractor", "pages/s", "vs r4j", "vs r4j median", "alloc/page", "failures");
        for (Contender c : contenders) {
            System.out.printf(Locale.ROOT, "%-42s %10.1f %8.2fx %14.2fx %10.0f KiB %9d%n", c.name, rate(c), rate(c) / peerRate,
                    medianRatio(c, peer), c.allocated / 1024.0 / Math.max(1, c.pages), c.failures);
        }
        System.out.println("(pages/s over all rounds; 'vs r4j median': median over rounds of the ratio to readability4j's"
                + " rate in the same round, robust to a busy machine)");
        // machine-readable, for scripts/bench-extract.sh, which sets these against Readability.js run in the same script
        System.out.printf(Locale.ROOT, "RATE name=newsflow.extractor pages_per_s=%.3f%n", rate(contenders.getFirst()));
        System.out.printf(Locale.ROOT, "RATE name=readability4j pages_per_s=%.3f%n", peerRate);
        System.out.printf(Locale.ROOT, "RATE name=enrich.no-tagger pages_per_s=%.3f%n", rate(contenders.get(1)));
        System.out.printf(Locale.ROOT, "RATE name=enrich.service pages_per_s=%.3f%n", rate(contenders.get(2)));
        System.out.printf(Locale.ROOT, "RATE name=newsflow.extractor.block-model pages_per_s=%.3f%n", rate(contenders.get(3)));
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use after GC at the end: %.1f MiB (pages held in memory: %.1f MiB)%n",
                MEMORY.getHeapMemoryUsage().getUsed() / 1048576.0, totalBytes / 1048576.0);
        if (flat > 0) {
            flatRun(loaded);
        }
        System.out.println("sink " + (sink & 1));
        return 0;
    }

    private static double medianRatio(Contender c, Contender peer) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < c.roundRates.size(); i++) {
            ratios.add(c.roundRates.get(i) / peer.roundRates.get(i));
        }
        ratios.sort(null);
        int n = ratios.size();
        return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    }

    private static double rate(Contender c) {
        return c.pages / (c.nanos / 1e9);
    }

    /** Whole passes over the pages until the time is used up (at least one pass). */
    private static void runFor(Contender c, List<Loaded> pages, double secondsBudget, boolean measure) {
        String previous = System.getProperty(BLOCK_MODEL_PROPERTY);
        if (c.blockModel != null) {
            System.setProperty(BLOCK_MODEL_PROPERTY, c.blockModel);
        }
        try {
            runPasses(c, pages, secondsBudget, measure);
        } finally {
            if (previous == null) {
                System.clearProperty(BLOCK_MODEL_PROPERTY);
            } else {
                System.setProperty(BLOCK_MODEL_PROPERTY, previous);
            }
        }
    }

    private static void runPasses(Contender c, List<Loaded> pages, double secondsBudget, boolean measure) {
        long budget = (long) (secondsBudget * 1e9);
        long allocStart = THREAD.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long done = 0;
        do {
            for (Loaded p : pages) {
                try {
                    sink += c.run.applyAsInt(p);
                } catch (RuntimeException | StackOverflowError e) {
                    if (measure) {
                        c.failures++;
                    }
                }
                done++;
            }
        } while (System.nanoTime() - start < budget);
        if (measure) {
            long elapsed = System.nanoTime() - start;
            c.roundRates.add(done / (elapsed / 1e9));
            c.nanos += elapsed;
            c.pages += done;
            c.allocated += THREAD.getCurrentThreadAllocatedBytes() - allocStart;
        }
    }

    private void flatRun(List<Loaded> pages) {
        System.out.printf(Locale.ROOT, "flat-memory run: %d pages through enrich (Extract.article); heap in use after GC:%n", flat);
        int step = Math.max(1, flat / 5);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i <= flat; i++) {
            if (i % step == 0) {
                System.gc();
                line.append(String.format(Locale.ROOT, "  after %d: %.1f MiB", i, MEMORY.getHeapMemoryUsage().getUsed() / 1048576.0));
            }
            if (i < flat) {
                Loaded p = pages.get(i % pages.size());
                sink += Extract.article(p.bytes(), p.url()).body().length();
            }
        }
        System.out.println(line.toString().strip());
    }
}
