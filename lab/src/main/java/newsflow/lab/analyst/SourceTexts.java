package newsflow.lab.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.demo.DemoSite;
import newsflow.common.config.HttpConfig;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.HttpFetcher;
import newsflow.common.json.Json;
import newsflow.common.model.Article;
import newsflow.enrich.Extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real news texts the benchmark's articles are varied from: the demo corpus's article pages (extracted by
 * enrich's own extraction) and, when a datasets directory is given, every labelled text of its {@code topics/*.jsonl}
 * files ({@code {"title", "text", "labels"}}, e.g. AG News and BBC News samples).
 */
record SourceTexts(List<Text> texts) {

    /** @param topic the dataset's label, or the demo outlet's section; lower case */
    record Text(String title, String body, String topic) {
    }

    static SourceTexts load(Path datasets, HttpConfig http) throws IOException {
        List<Text> texts = new ArrayList<>(demo(http));
        if (datasets != null) {
            texts.addAll(datasets(datasets));
        }
        return new SourceTexts(List.copyOf(texts));
    }

    private static List<Text> demo(HttpConfig http) throws IOException {
        List<Text> texts = new ArrayList<>();
        try (DemoSite site = DemoSite.start(0);
             HttpFetcher fetcher = new HttpFetcher(http.withAllowPrivate(List.of(site.allowRule())))) {
            for (String url : site.articleUrls()) {
                byte[] page;
                try {
                    page = fetcher.fetch(FetchRequest.get(url)).body();
                } catch (IOException missing) {
                    continue; // the demo's deliberately missing page
                }
                Article a = Extract.article(page, url, Map.of());
                if (a.title() != null && a.body() != null && !a.body().isBlank()) {
                    texts.add(new Text(a.title(), a.body(), "demo"));
                }
            }
        }
        return texts;
    }

    static List<Text> datasets(Path dir) throws IOException {
        Path topics = dir.resolve("topics");
        if (!Files.isDirectory(topics)) {
            throw new IOException("--datasets " + dir + " has no topics/ directory of *.jsonl texts");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(topics)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        List<Text> texts = new ArrayList<>();
        for (Path file : files) {
            int line = 0;
            for (String json : Files.readAllLines(file)) {
                line++;
                if (json.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = Json.mapper().readTree(json);
                } catch (IOException e) {
                    throw new IOException(file + ":" + line + ": not JSON: " + e.getMessage(), e);
                }
                String body = n.path("text").asText("");
                if (body.isBlank()) {
                    continue;
                }
                String title = n.path("title").asText("");
                if (title.isBlank()) {
                    title = firstWords(body, 10);
                }
                JsonNode labels = n.path("labels");
                String topic = labels.isArray() && !labels.isEmpty() ? labels.get(0).asText() : "general";
                texts.add(new Text(title, body, topic.toLowerCase(Locale.ROOT)));
            }
        }
        return texts;
    }

    static String firstWords(String text, int words) {
        String[] w = text.strip().split("\\s+", words + 1);
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(words, w.length)));
    }
}
