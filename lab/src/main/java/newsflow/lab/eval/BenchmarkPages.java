package newsflow.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The pages of a benchmark-shaped directory and their ground truth. Two layouts are recognised:
 * <ul>
 *   <li>scrapinghub: {@code html/<id>.html.gz} (or {@code .html}) and a ground truth {@code {id: {articleBody, url}}};</li>
 *   <li>readability test pages: {@code <id>/source.html} and a ground truth {@code {id: {articleBody, title, byline,
 *       ...}}}; these pages have no address of their own, so they get the one Readability's test harness uses.</li>
 * </ul>
 */
public final class BenchmarkPages {

    /** The address Readability's own tests give every test page. */
    static final String READABILITY_TEST_URL = "http://fakehost/test/page.html";

    public enum Layout { SCRAPINGHUB, READABILITY }

    /** One page: its id, address, file and expected values (articleBody and, where given, metadata fields). */
    public record Page(String id, String url, Path file, Map<String, String> expected) {

        /** The page's bytes as saved (gunzipped when the file is gzip). */
        public byte[] read() {
            try (InputStream in = Files.newInputStream(file)) {
                InputStream source = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
                return source.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read page " + id + " from " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private final Layout layout;
    private final List<Page> pages;

    private BenchmarkPages(Layout layout, List<Page> pages) {
        this.layout = layout;
        this.pages = List.copyOf(pages);
    }

    public Layout layout() {
        return layout;
    }

    public List<Page> pages() {
        return pages;
    }

    /** The pages of one half of the site split ({@link SiteSplit}); {@code null} keeps every page. */
    public BenchmarkPages half(SiteSplit.Half half) {
        if (half == null) {
            return this;
        }
        List<Page> kept = pages.stream().filter(p -> SiteSplit.halfOf(p.id(), p.url()) == half).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no page of this benchmark is in the " + half + " half");
        }
        return new BenchmarkPages(layout, kept);
    }

    /**
     * @throws IllegalArgumentException naming the directory or file when the layout is not recognised, the ground
     *                                  truth is not a JSON object of objects, or a page's file is missing
     */
    public static BenchmarkPages load(Path dir, Path groundTruth) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--pages " + dir + ": not a directory");
        }
        Layout layout = Files.isDirectory(dir.resolve("html")) ? Layout.SCRAPINGHUB : Layout.READABILITY;
        JsonNode root = readTruth(groundTruth);
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            JsonNode record = entry.getValue();
            if (!record.isObject()) {
                throw new IllegalArgumentException("ground truth " + groundTruth + ": entry " + id + " is not an object");
            }
            Map<String, String> expected = new LinkedHashMap<>();
            record.fields().forEachRemaining(f -> expected.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
            Path file;
            String url;
            if (layout == Layout.SCRAPINGHUB) {
                file = dir.resolve("html").resolve(id + ".html.gz");
                if (!Files.exists(file)) {
                    file = dir.resolve("html").resolve(id + ".html");
                }
                url = expected.get("url");
            } else {
                file = dir.resolve(id).resolve("source.html");
                url = READABILITY_TEST_URL;
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--pages " + dir + ": no page file for ground-truth id " + id
                        + (layout == Layout.SCRAPINGHUB ? " (expected html/" + id + ".html.gz)" : " (expected " + id + "/source.html)"));
            }
            pages.add(new Page(id, url, file, expected));
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("ground truth " + groundTruth + " lists no pages");
        }
        return new BenchmarkPages(layout, pages);
    }

    private static JsonNode readTruth(Path groundTruth) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(groundTruth.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("ground truth " + groundTruth + ": " + e.getMessage(), e);
        }
        // evaluate.py also accepts the wrapped form {"version": ..., "output": {...}}
        if (root != null && root.size() == 2 && root.has("version") && root.path("output").isObject()) {
            root = root.get("output");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("ground truth " + groundTruth + ": not a JSON object of pages");
        }
        return root;
    }
}
