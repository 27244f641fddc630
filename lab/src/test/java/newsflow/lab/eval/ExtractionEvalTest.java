package newsflow.lab.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractionEvalTest {

    private static final String PARAGRAPH_ONE = "The harbour board voted on Tuesday to rebuild the old stone pier, "
            + "which has stood since the town was founded and was damaged in the winter storms.";
    private static final String PARAGRAPH_TWO = "Work starts in spring, the chair said, and the ferry will use the "
            + "northern quay while the masons replace the broken blocks one by one.";
    private static final String PAGE = "<html lang=\"en\"><head><title>Pier to be rebuilt</title></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Pier to be rebuilt</h1>"
            + "<p>" + PARAGRAPH_ONE + "</p><p>" + PARAGRAPH_TWO + "</p></article>"
            + "<footer>Copyright the Harbour Gazette</footer></body></html>";

    @Test
    void scoresAScrapinghubShapedDirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("html"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/p1.html.gz")))) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Path truth = dir.resolve("ground-truth.json");
        Files.writeString(truth, "{\"p1\": {\"articleBody\": \"" + PARAGRAPH_ONE + "\\n" + PARAGRAPH_TWO
                + "\", \"url\": \"https://gazette.example/pier\"}}");

        ExtractionEval.Report report = ExtractionEval.run(BenchmarkPages.load(dir, truth));

        assertThat(report.layout()).isEqualTo(BenchmarkPages.Layout.SCRAPINGHUB);
        assertThat(report.body().f1()).isEqualTo(1.0);
        assertThat(report.body().accuracy()).isEqualTo(1.0);
        assertThat(report.metadata()).isEmpty();
    }

    @Test
    void scoresReadabilityShapedDirectoryWithMetadata(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("pier"));
        Files.writeString(dir.resolve("pier/source.html"), PAGE);
        Path truth = dir.resolve("ground-truth.json");
        Files.writeString(truth, "{\"pier\": {\"articleBody\": \"" + PARAGRAPH_ONE + " " + PARAGRAPH_TWO
                + "\", \"title\": \"Pier to be rebuilt\", \"lang\": \"en\", \"byline\": null}}");

        ExtractionEval.Report report = ExtractionEval.run(BenchmarkPages.load(dir, truth));

        assertThat(report.layout()).isEqualTo(BenchmarkPages.Layout.READABILITY);
        assertThat(report.body().f1()).isEqualTo(1.0);
        assertThat(report.metadata().get("title").rate()).isEqualTo(1.0);
        assertThat(report.metadata().get("lang").rate()).isEqualTo(1.0);
        assertThat(report.metadata().get("byline").pages()).isZero();
    }

    @Test
    void missingPageFileIsNamed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("html"));
        Path truth = dir.resolve("ground-truth.json");
        Files.writeString(truth, "{\"gone\": {\"articleBody\": \"x\", \"url\": \"https://a.example/\"}}");
        assertThatThrownBy(() -> BenchmarkPages.load(dir, truth))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gone");
    }

    @Test
    void countsPagesUnderHalfF1AndSplitsByHalf(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("html"));
        for (String id : new String[] {"p1", "p2"}) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + id + ".html.gz")))) {
                out.write(PAGE.getBytes(StandardCharsets.UTF_8));
            }
        }
        Path truth = dir.resolve("ground-truth.json");
        // p2's truth is another text entirely: its page F1 is 0
        Files.writeString(truth, "{\"p1\": {\"articleBody\": \"" + PARAGRAPH_ONE + "\\n" + PARAGRAPH_TWO
                + "\", \"url\": \"https://gazette.example/pier\"}, \"p2\": {\"articleBody\": \"Nothing of the kind "
                + "was ever written on this page at all\", \"url\": \"https://other.example/x\"}}");

        BenchmarkPages all = BenchmarkPages.load(dir, truth);
        ExtractionEval.Report report = ExtractionEval.run(all);

        assertThat(report.lowF1Pages()).isEqualTo(1);
        assertThat(report.perPage()).extracting(ExtractionEval.PageScore::id).containsExactly("p1", "p2");
        SiteSplit.Half p1Half = SiteSplit.halfOf("p1", "https://gazette.example/pier");
        assertThat(all.half(p1Half).pages()).extracting(BenchmarkPages.Page::id).contains("p1");
    }
}
