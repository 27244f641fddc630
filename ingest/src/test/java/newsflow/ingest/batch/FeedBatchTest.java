package newsflow.ingest.batch;

import newsflow.ingest.parse.FeedParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static newsflow.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

class FeedBatchTest {

    @Test
    void everyFileUnderTheDirectoryGetsAReportAndTheSummaryCountsCauses(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a-good.xml"), feed("rss-dates.xml"));
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b-json.json"), feed("feed-1.0.json"));
        Files.write(dir.resolve("sub/c-page.html"), "<html><body>hi</body></html>".getBytes());
        Files.write(dir.resolve("d-doctype.xml"), "<!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>".getBytes());
        Files.write(dir.resolve("e-huge.xml"), new byte[5000]);
        List<FileReport> reports = new ArrayList<>();

        BatchSummary summary = new FeedBatch(new FeedParser(100, 4096)).run(dir, reports::add);

        assertThat(reports).extracting(FileReport::file)
                .containsExactly("a-good.xml", "d-doctype.xml", "e-huge.xml", "sub/b-json.json", "sub/c-page.html");
        FileReport good = reports.getFirst();
        assertThat(good.ok()).isTrue();
        assertThat(good.format()).isEqualTo("rss_2.0");
        assertThat(good.entries()).isEqualTo(5);
        assertThat(good.datesMissing()).isEqualTo(1); // the impossible date
        assertThat(reports.get(1).error()).isEqualTo("doctype_refused");
        assertThat(reports.get(2).error()).isEqualTo("too_large");
        assertThat(reports.get(3).format()).isEqualTo("json_1.0");
        assertThat(reports.get(4).error()).isEqualTo("not_a_feed");
        assertThat(reports.get(4).message()).contains("c-page.html");

        assertThat(summary.files()).isEqualTo(5);
        assertThat(summary.parsed()).isEqualTo(2);
        assertThat(summary.failedByCause()).isEqualTo(Map.of("doctype_refused", 1, "too_large", 1, "not_a_feed", 1));
        assertThat(summary.entries()).isEqualTo(6);
        assertThat(summary.datesMissing()).isEqualTo(1);
        assertThat(summary.table()).contains("files", "parsed", "  not_a_feed", "dates missing");
    }
}
