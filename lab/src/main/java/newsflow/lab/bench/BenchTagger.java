package newsflow.lab.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import newsflow.common.model.Article;
import newsflow.enrich.Extract;
import newsflow.enrich.embed.Embedders;
import newsflow.enrich.embed.TextEmbedder;
import newsflow.enrich.taxonomy.HybridClassifier;
import newsflow.enrich.topics.TopicMatcher;
import newsflow.enrich.topics.TopicTagger;
import newsflow.lab.eval.BenchmarkPages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What the default IPTC tagger costs per article, the previous path against the current one over the same articles
 * in one JVM, in interleaved rounds: the previous path embedded 1,000 characters of title and text on LangChain4j's
 * own ONNX session (a pool of spinning worker threads); the current one embeds 300 characters on a session that runs
 * on the calling thread ({@code newsflow.enrich.embed}). Both classify with the shipped model and the zero-shot
 * topics. Cost is the whole process's CPU time (the previous session works on threads of its own), per article.
 */
@Command(name = "bench-tagger", mixinStandardHelpOptions = true,
        description = "CPU per article of the default IPTC tagger: the previous path against the current one, same articles, same run.")
public final class BenchTagger implements Callable<Integer> {

    /** The previous embedding input: title and text cut at a word boundary within this many characters. */
    static final int PREVIOUS_MAX_CHARS = 1000;

    @Option(names = "--pages", required = true, paramLabel = "DIR", description = "a benchmark directory (html/<id>.html.gz or <id>/source.html)")
    Path pages;

    @Option(names = "--ground-truth", paramLabel = "FILE", description = "its ground truth (lists the pages); default DIR/ground-truth.json")
    Path groundTruth;

    @Option(names = "--rounds", defaultValue = "4", description = "interleaved measuring rounds, each one pass over the articles per path (default ${DEFAULT-VALUE})")
    int rounds;

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static long sink;

    @Override
    public Integer call() {
        BenchmarkPages benchmark = BenchmarkPages.load(pages, groundTruth != null ? groundTruth : pages.resolve("ground-truth.json"));
        List<Article> articles = new ArrayList<>();
        for (BenchmarkPages.Page p : benchmark.pages()) {
            articles.add(Extract.article(p.read(), p.url()));
        }
        TopicMatcher noRules = new TopicMatcher(Map.of());
        TopicTagger previous = new TopicTagger(noRules, HybridClassifier.iptc(new PreviousEmbedder()));
        TopicTagger current = new TopicTagger(noRules, HybridClassifier.iptc(Embedders.named(Embedders.MINILM_Q)));
        pass(previous, articles); // warm-up of both
        pass(current, articles);
        long previousCpu = 0;
        long currentCpu = 0;
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long a = pass(previous, articles);
            long b = pass(current, articles);
            previousCpu += a;
            currentCpu += b;
            ratios.add((double) a / b);
        }
        long n = (long) rounds * articles.size();
        System.out.printf(Locale.ROOT, "%d articles, %d rounds; process CPU per article:%n", articles.size(), rounds);
        System.out.printf(Locale.ROOT, "  previous tagger (1,000 characters, LangChain4j session): %.2f ms%n", previousCpu / 1e6 / n);
        System.out.printf(Locale.ROOT, "  current tagger  (300 characters, caller-thread session): %.2f ms%n", currentCpu / 1e6 / n);
        ratios.sort(null);
        System.out.printf(Locale.ROOT, "  previous / current: %.2fx (rounds %.2fx to %.2fx)%n", (double) previousCpu / currentCpu,
                ratios.getFirst(), ratios.getLast());
        System.out.println("sink " + (sink & 1));
        return 0;
    }

    /** One pass over the articles; the process CPU time it took. */
    private static long pass(TopicTagger tagger, List<Article> articles) {
        long start = OS.getProcessCpuTime();
        for (Article a : articles) {
            sink += tagger.tag(a.title(), a.body()).size();
        }
        return OS.getProcessCpuTime() - start;
    }

    /** The embedding path the tagger had before: LangChain4j's own session, 1,000 characters of input. */
    private static final class PreviousEmbedder implements TextEmbedder {
        private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

        @Override
        public String name() {
            return Embedders.MINILM_Q;
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public float[] embed(String title, String text) {
            String t = title == null ? "" : title.strip();
            String body = text == null ? "" : text.strip();
            String joined = t.isEmpty() ? body : body.isEmpty() ? t : t + ". " + body;
            if (joined.length() > PREVIOUS_MAX_CHARS) {
                int cut = joined.lastIndexOf(' ', PREVIOUS_MAX_CHARS);
                joined = joined.substring(0, cut > PREVIOUS_MAX_CHARS / 2 ? cut : PREVIOUS_MAX_CHARS);
            }
            return joined.isBlank() ? new float[dimension()] : model.embed(joined).content().vector();
        }
    }
}
