package newsflow.ingest;

import newsflow.common.config.IngestConfig;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.parse.FeedParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static newsflow.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParsingTest {

    private static final IngestConfig CONFIG = new IngestConfig(Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(6), 500, 2000, 4, 2, Duration.ZERO, Duration.ofHours(6), 30);

    @Test
    void parsesALocalFileIntoEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feed.xml");
        Files.write(file, feed("rss1-rdf.xml"));

        List<FeedEntry> entries = FeedParsing.parseUrlOrFile(file.toString(), null, new FeedParser(CONFIG.maxEntriesPerFeed()));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Grafting day at the Pomologen garden");
            assertThat(e.feedTitle()).isEqualTo("Orchard Society Bulletin");
            assertThat(e.feedUrl()).startsWith("file:");
        });
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> FeedParsing.parseUrlOrFile("/no/such/feed.xml", null, new FeedParser(CONFIG.maxEntriesPerFeed())))
                .isInstanceOf(NoSuchFileException.class);
    }
}
