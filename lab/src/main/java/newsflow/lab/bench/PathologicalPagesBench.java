package newsflow.lab.bench;

import newsflow.enrich.extract.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Benchmark (not a test: it measures, it asserts nothing): extraction time per MiB of pathological pages generated
 * here, next to ordinary pages read from a directory, in the same process. The figure of merit is the ratio of the
 * slowest pathological page to the ordinary pages, per MiB; extraction is linear when it stays a small factor.
 * Times are the extracting thread's CPU time (parse included), so a busy machine does not skew the ratio.
 *
 * <pre>
 * ./newsflow bench-pathological [ORDINARY_DIR] [--quick]
 * </pre>
 * ORDINARY_DIR holds ordinary pages ({@code *.html} or {@code *.html.gz}, searched recursively), e.g. a benchmark's
 * {@code html} directory; {@code --quick} uses a tenth of each pathological size.
 */
@Command(name = "bench-pathological", mixinStandardHelpOptions = true,
        description = "Extraction CPU time per MiB of generated pathological pages against ordinary pages, one JVM.")
public final class PathologicalPagesBench implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ORDINARY_DIR",
            description = "ordinary pages (*.html, *.html.gz, recursively); a synthetic page when left out")
    Path ordinaryDir;

    @Option(names = "--quick", description = "a tenth of each pathological size")
    boolean quick;

    private static final String URL = "https://news.example/2026/12/06/story";
    private static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final double MIB = 1024 * 1024;
    /** CPU time of this thread, not wall time: the machine may be shared, the page's cost is what counts. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String SENTENCE = "The council met on Tuesday, and members argued about the bridge budget. ";

    @Override
    public Integer call() throws IOException {
        int scale = quick ? 10 : 1;

        List<byte[]> ordinary = ordinaryDir == null ? List.of(syntheticOrdinary()) : readPages(ordinaryDir);
        long ordinaryBytes = ordinary.stream().mapToLong(p -> p.length).sum();
        extractAll(ordinary); // warm-up: JIT, class loading
        double ordinarySeconds = extractAll(ordinary);
        double ordinaryPerMib = ordinarySeconds * 1000 / (ordinaryBytes / MIB);
        System.out.printf("%-34s %9s %9s %10s %8s%n", "page", "MiB", "cpu s", "ms/MiB", "ratio");
        System.out.printf("%-34s %9.2f %9.3f %10.1f %8.2f%n",
                "ordinary (" + ordinary.size() + " pages)", ordinaryBytes / MIB, ordinarySeconds, ordinaryPerMib, 1.0);

        double worst = 0;
        String worstName = null;
        for (Map.Entry<String, byte[]> page : pathological(scale).entrySet()) {
            byte[] html = page.getValue();
            double seconds = time(html);
            double perMib = seconds * 1000 / (html.length / MIB);
            double ratio = perMib / ordinaryPerMib;
            System.out.printf("%-34s %9.2f %9.3f %10.1f %8.2f%n", page.getKey(), html.length / MIB, seconds, perMib, ratio);
            if (ratio > worst) {
                worst = ratio;
                worstName = page.getKey();
            }
        }
        System.out.printf("slowest pathological / ordinary, per MiB: %.2f (%s)%n", worst, worstName);
        return 0;
    }

    /** The pages, generated: what hostile or broken sites serve. */
    static Map<String, byte[]> pathological(int scale) {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (int levels : new int[]{10_000, 40_000, 100_000}) {
            int n = levels / scale;
            pages.put("unclosed <div><span> x " + n, utf8("<html><body>" + "<div><span>".repeat(n) + "text ".repeat(300)));
        }
        int n = 100_000 / scale;
        pages.put("unclosed mixed blocks x " + n, utf8("<html><body>"
                + "<div class=\"sidebar\"><ul><li><a href=\"/more\">more</a><blockquote><p>".repeat(n / 5)
                + SENTENCE.repeat(20)));
        int elements = 1_000_000 / scale;
        pages.put("small elements x " + elements, utf8("<html><body><article>"
                + "<b>w</b> ".repeat(elements) + "</article>"));
        pages.put("small paragraphs x " + elements / 2, utf8("<html><body><article>"
                + "<p>Word, <a href=\"/x\">link</a></p>".repeat(elements / 2) + "</article>"));
        int attribute = 5 * 1024 * 1024 / scale;
        pages.put("one " + attribute / 1024 + " KiB attribute", utf8("<html><body><article><div data-x=\""
                + "a".repeat(attribute) + "\" class=\"" + "story ".repeat(attribute / 60) + "\"><p>"
                + SENTENCE.repeat(20) + "</p></div></article>"));
        int textBytes = 10 * 1024 * 1024 / scale;
        pages.put("one " + textBytes / 1024 + " KiB text node", utf8("<html><body><p>"
                + SENTENCE.repeat(textBytes / SENTENCE.length()) + "</p>"));
        return pages;
    }

    private static byte[] syntheticOrdinary() {
        StringBuilder html = new StringBuilder("<html><head><title>Bridge budget</title></head><body><nav>")
                .append("<a href=\"/\">Home</a> ".repeat(30)).append("</nav><article><h1>Bridge budget</h1>");
        for (int i = 0; i < 40; i++) {
            html.append("<p>").append(SENTENCE.repeat(4)).append("<a href=\"/x\">a link</a></p>");
        }
        return utf8(html.append("</article><footer>Copyright</footer></body></html>").toString());
    }

    private static double extractAll(List<byte[]> pages) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (byte[] page : pages) {
            ArticleExtractor.extract(page, CONTENT_TYPE, URL);
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
    }

    /** The best of a few runs after a warm-up: the page's own cost, not the JIT's or the collector's. */
    private static double time(byte[] page) {
        ArticleExtractor.extract(page, CONTENT_TYPE, URL);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            ArticleExtractor.extract(page, CONTENT_TYPE, URL);
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / 1e9);
        }
        return best;
    }

    private static List<byte[]> readPages(Path dir) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".html.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                        pages.add(in.readAllBytes());
                    }
                } else if (name.endsWith(".html")) {
                    pages.add(Files.readAllBytes(f));
                }
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no *.html or *.html.gz pages under " + dir);
        }
        return pages;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
