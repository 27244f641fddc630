package newsflow.enrich.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PageDecoderTest {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Curly quotes, dash and euro sign exist in windows-1252 only; the accented letters in both. */
    static final String TEXT = "„Zürich“ – the mayor said the “café tax” costs €5, façade included.";

    static String page(String head) {
        return "<!DOCTYPE html><html><head>" + head + "<title>Test</title></head><body><p>" + TEXT + "</p></body></html>";
    }

    @Test
    void metaCharsetDeclaresWindows1252() {
        byte[] bytes = page("<meta charset=\"windows-1252\">").getBytes(WINDOWS_1252);

        assertThat(PageDecoder.decode(bytes, null)).contains(TEXT);
        assertThat(PageDecoder.decode(bytes, "text/html")).contains(TEXT);
    }

    @Test
    void httpEquivIso88591IsReadAsWindows1252LikeBrowsersDo() {
        byte[] bytes = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">").getBytes(WINDOWS_1252);

        assertThat(PageDecoder.detectCharset(bytes, null)).isEqualTo(WINDOWS_1252);
        assertThat(PageDecoder.decode(bytes, null)).contains(TEXT);
    }

    @Test
    void contentTypeHeaderCharset() {
        byte[] bytes = page("").getBytes(WINDOWS_1252);

        assertThat(PageDecoder.decode(bytes, "text/html; charset=ISO-8859-1")).contains(TEXT);
        assertThat(PageDecoder.decode(bytes, "text/html;charset=\"windows-1252\"")).contains(TEXT);
    }

    @Test
    void headerBeatsAConflictingMetaDeclaration() {
        byte[] bytes = page("<meta charset=\"utf-8\">").getBytes(WINDOWS_1252);

        assertThat(PageDecoder.decode(bytes, "text/html; charset=windows-1252")).contains(TEXT);
    }

    @Test
    void byteOrderMarkBeatsTheHeader() {
        byte[] utf8 = page("").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        String decoded = PageDecoder.decode(withBom, "text/html; charset=iso-8859-1");

        assertThat(decoded).startsWith("<!DOCTYPE").contains(TEXT);
    }

    @Test
    void utf16BomAndUnknownLabels() {
        byte[] utf16 = ("\uFEFF" + page("")).getBytes(StandardCharsets.UTF_16LE);
        assertThat(PageDecoder.decode(utf16, null)).startsWith("<!DOCTYPE").contains(TEXT);

        byte[] utf8 = page("<meta charset=\"no-such-charset\">").getBytes(StandardCharsets.UTF_8);
        assertThat(PageDecoder.decode(utf8, "text/html; charset=bogus")).contains(TEXT);
    }

    @Test
    void utf16DeclaredInAnAsciiPrefixMeansUtf8() {
        byte[] bytes = page("<meta charset=\"utf-16\">").getBytes(StandardCharsets.UTF_8);
        assertThat(PageDecoder.detectCharset(bytes, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void defaultIsUtf8() {
        assertThat(PageDecoder.decode(page("").getBytes(StandardCharsets.UTF_8), null)).contains(TEXT);
        assertThat(PageDecoder.decode(new byte[0], null)).isEmpty();
        assertThat(PageDecoder.decode(null, null)).isEmpty();
    }

    @Test
    void latin1PageIsExtractedWithoutMojibake() {
        byte[] bytes = page("<meta charset=\"iso-8859-1\">").getBytes(WINDOWS_1252);

        ExtractedPage extracted = ArticleExtractor.extract(bytes, "text/html", "https://example.ch/a");

        assertThat(extracted.body()).isEqualTo(TEXT);
    }

    @Test
    void pageResavedAsUtf8UnderAnOldLegacyDeclarationIsReadAsUtf8() {
        String chinese = "谷歌在2014年收购的人工智能公司开发出一款计算机。";
        byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>" + chinese + "</p></body></html>").getBytes(StandardCharsets.UTF_8);

        assertThat(PageDecoder.detectCharset(bytes, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageDecoder.decode(bytes, "text/html; charset=iso-8859-1")).contains(chinese);
    }

    @Test
    void undeclaredLegacyBytesFallBackToWindows1252() {
        byte[] bytes = page("").getBytes(WINDOWS_1252);

        assertThat(PageDecoder.detectCharset(bytes, null)).isEqualTo(WINDOWS_1252);
        assertThat(PageDecoder.decode(bytes, null)).contains(TEXT);
    }

    @Test
    void utf8Validation() {
        assertThat(PageDecoder.Utf8.check("plain".getBytes(StandardCharsets.US_ASCII))).isEqualTo(PageDecoder.Utf8.ASCII);
        assertThat(PageDecoder.Utf8.check("café €".getBytes(StandardCharsets.UTF_8))).isEqualTo(PageDecoder.Utf8.VALID_MULTIBYTE);
        assertThat(PageDecoder.Utf8.check("café".getBytes(WINDOWS_1252))).isEqualTo(PageDecoder.Utf8.INVALID);
        // a lead byte cut off at the end
        assertThat(PageDecoder.Utf8.check(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isEqualTo(PageDecoder.Utf8.INVALID);
    }
}
