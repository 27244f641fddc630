package newsflow.lab.analyst;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a run wrote into its data directory's index, kept next to it so that a later run with the same
 * {@code --data-dir} can measure the same articles again without writing them anew (loading 100,000 articles takes
 * minutes): how many, from how many source texts, with which seed, the "now" their dates were spread back from,
 * and the bulk writer's rate then (the report's index rate of a reused index is that run's).
 */
record IndexedRun(int articles, int sourceTexts, long seed, Instant now, double docsPerSecond) {

    static final String FILE = "bench-analyst-index.properties";

    /** The same articles are in the index: the same count, texts and seed (the node's count is checked apart). */
    boolean holds(int wantedArticles, int wantedTexts, long wantedSeed) {
        return articles == wantedArticles && sourceTexts == wantedTexts && seed == wantedSeed;
    }

    /** The marker of an earlier run in {@code dataDir}; empty when there is none or it cannot be read. */
    static Optional<IndexedRun> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(new IndexedRun(Integer.parseInt(p.getProperty("articles")),
                    Integer.parseInt(p.getProperty("source_texts")), Long.parseLong(p.getProperty("seed")),
                    Instant.parse(p.getProperty("now")), Double.parseDouble(p.getProperty("docs_per_second"))));
        } catch (IOException | RuntimeException e) {
            // a damaged marker only costs a fresh load
            return Optional.empty();
        }
    }

    void write(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("articles", Integer.toString(articles));
        p.setProperty("source_texts", Integer.toString(sourceTexts));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("now", now.toString());
        p.setProperty("docs_per_second", Double.toString(docsPerSecond));
        try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE))) {
            p.store(out, "bench-analyst: the articles in this directory's index");
        }
    }
}
