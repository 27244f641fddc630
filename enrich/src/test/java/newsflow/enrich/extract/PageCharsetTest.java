package newsflow.enrich.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/** Page bytes reach the extractor decoded (the charset rules themselves: common CharsetsTest). */
class PageCharsetTest {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Curly quotes, dash and euro sign exist in windows-1252 only; the accented letters in both. */
    static final String TEXT = "„Zürich“ – the mayor said the “café tax” costs €5, façade included.";

    static String page(String head) {
        return "<!DOCTYPE html><html><head>" + head + "<title>Test</title></head><body><p>" + TEXT + "</p></body></html>";
    }

    @Test
    void latin1PageIsExtractedWithoutMojibake() {
        byte[] bytes = page("<meta charset=\"iso-8859-1\">").getBytes(WINDOWS_1252);

        ExtractedPage extracted = ArticleExtractor.extract(bytes, "text/html", "https://example.ch/a");

        assertThat(extracted.body()).isEqualTo(TEXT);
    }
}
