package newsflow.ingest.batch;

import newsflow.common.model.FeedEntry;
import newsflow.ingest.FeedParsing;
import newsflow.ingest.parse.FeedParseException;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.parse.ParsedFeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Parses every regular file under a directory with one {@link FeedParser}, in path order, so an operator can
 * check a batch of saved feeds. One bad file never stops the batch: it becomes a failed {@link FileReport}.
 */
public final class FeedBatch {

    private final FeedParser parser;

    /** Files larger than the parser's cap are reported {@code too_large} without being read. */
    public FeedBatch(FeedParser parser) {
        this.parser = parser;
    }

    /**
     * Parses each file, hands each report to {@code sink} as soon as it is ready, and returns the totals.
     *
     * @throws IOException when the directory itself cannot be listed
     */
    public BatchSummary run(Path dir, Consumer<FileReport> sink) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<FileReport> reports = new java.util.ArrayList<>(files.size());
        for (Path file : files) {
            FileReport report = parse(dir, file);
            reports.add(report);
            sink.accept(report);
        }
        return BatchSummary.of(reports);
    }

    FileReport parse(Path dir, Path file) {
        String name = dir.relativize(file).toString();
        try {
            ParsedFeed feed = FeedParsing.parse(file.toString(), null, parser);
            int missing = (int) feed.items().stream().filter(FeedBatch::dateless).count();
            return new FileReport(name, true, feed.format(), null, null, feed.items().size(), missing);
        } catch (FeedParseException e) {
            return failure(name, e.failure().label(), e.getMessage());
        } catch (IOException e) {
            return failure(name, "unreadable", e.toString());
        } catch (RuntimeException e) {
            // a bug of ours, not the file's fault: reported under its own cause so it stands out
            return failure(name, "internal_error", e.toString());
        }
    }

    private static boolean dateless(FeedEntry item) {
        return item.published() == null && item.updated() == null;
    }

    private static FileReport failure(String name, String cause, String message) {
        return new FileReport(name, false, null, cause, message, 0, 0);
    }
}
