package newsflow.common.text;

import newsflow.common.text.Charsets.Decoded;
import newsflow.common.text.Charsets.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The one charset precedence, on feed-like and page-like documents (merged from the feed and page detectors). */
class CharsetsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String DOC = "<?xml version=\"1.0\"?><rss><channel><title>Ünïcødé “q”</title></channel></rss>";
    /** Curly quotes, dash and euro sign exist in windows-1252 only; the accented letters in both. */
    private static final String TEXT = "„Zürich“ – the mayor said the “café tax” costs €5, façade included.";

    private static String page(String head) {
        return "<!DOCTYPE html><html><head>" + head + "<title>Test</title></head><body><p>" + TEXT + "</p></body></html>";
    }

    private static String text(byte[] body, String contentType) {
        return Charsets.decode(body, contentType).text();
    }

    // --- byte-order marks and zero bytes

    @Test
    void byteOrderMarksWinAndAreRemoved() {
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")}) {
            byte[] body = ("\uFEFF" + DOC).getBytes(cs);
            Decoded decoded = Charsets.decode(body, "text/xml; charset=iso-8859-1");
            assertThat(decoded.text()).as(cs.name()).isEqualTo(DOC);
            assertThat(decoded.source()).isEqualTo(Source.BYTE_ORDER_MARK);
        }
    }

    @Test
    void byteOrderMarkBeatsTheHeaderOnAPage() {
        byte[] utf8 = page("").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(text(withBom, "text/html; charset=iso-8859-1")).startsWith("<!DOCTYPE").contains(TEXT);
        assertThat(text(("\uFEFF" + page("")).getBytes(StandardCharsets.UTF_16LE), null)).startsWith("<!DOCTYPE").contains(TEXT);
    }

    @Test
    void utf16And32WithoutBomAreRecognisedFromTheirZeroBytes() {
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")}) {
            Decoded decoded = Charsets.decode(DOC.getBytes(cs), "text/xml; charset=utf-8");
            assertThat(decoded.text()).as(cs.name()).isEqualTo(DOC);
            assertThat(decoded.source()).isEqualTo(Source.BYTE_PATTERN);
        }
    }

    // --- a wide declaration over bytes that cannot be wide (issue: UTF-16 header over a UTF-8 body gave garbage)

    @Test
    void aUtf16Or32HeaderOverAUtf8BodyIsReadAsUtf8() {
        for (String label : new String[] {"utf-16", "UTF-16LE", "utf-16be", "utf-32", "UTF-32LE", "unicode"}) {
            Decoded feed = Charsets.decode(DOC.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=" + label);
            assertThat(feed.text()).as(label).isEqualTo(DOC);
            assertThat(feed.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(text(page("").getBytes(StandardCharsets.UTF_8), "text/html; charset=" + label)).as(label).contains(TEXT);
        }
    }

    @Test
    void aUtf16HeaderOverLegacyBytesIsReadAsWindows1252() {
        assertThat(text(page("").getBytes(WINDOWS_1252), "text/html; charset=utf-16")).contains(TEXT);
    }

    @Test
    void aUtf16HeaderIsHonouredWhenTheBytesHaveZeros() {
        // starts with a CJK character, so the first bytes show no zero pattern; the later ASCII does
        String doc = "中<p>文</p>";
        assertThat(text(doc.getBytes(StandardCharsets.UTF_16BE), "text/html; charset=utf-16")).isEqualTo(doc);
        assertThat(text(doc.getBytes(StandardCharsets.UTF_16LE), "text/html; charset=utf-16le")).isEqualTo(doc);
    }

    @Test
    void utf16DeclaredInAnAsciiPrefixMeansUtf8() {
        Decoded decoded = Charsets.decode(page("<meta charset=\"utf-16\">").getBytes(StandardCharsets.UTF_8), null);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).contains(TEXT);
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>ü</t>".getBytes(StandardCharsets.UTF_8);
        assertThat(text(xml, null)).endsWith("<t>ü</t>");
    }

    // --- declarations: header, XML prolog, HTML meta

    @Test
    void httpCharsetOverridesTheXmlDeclarationAndIsReadLeniently() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>\u00e9</t>".getBytes(WINDOWS_1252);
        Decoded decoded = Charsets.decode(body, "application/xml;charset='Windows_1252'");
        assertThat(decoded.text()).contains("<t>é</t>");
        assertThat(decoded.source()).isEqualTo(Source.HTTP_HEADER);
        assertThat(CharsetLabels.httpCharset("text/xml; charset= \"us-ascii\"")).isEqualTo("us-ascii");
        assertThat(CharsetLabels.httpCharset("text/xml")).isNull();
        assertThat(CharsetLabels.httpCharset(null)).isNull();
    }

    @Test
    void headerBeatsAConflictingMetaDeclaration() {
        byte[] bytes = page("<meta charset=\"utf-8\">").getBytes(WINDOWS_1252);
        assertThat(text(bytes, "text/html; charset=windows-1252")).contains(TEXT);
    }

    @Test
    void contentTypeHeaderCharset() {
        byte[] bytes = page("").getBytes(WINDOWS_1252);
        assertThat(text(bytes, "text/html; charset=ISO-8859-1")).contains(TEXT);
        assertThat(text(bytes, "text/html;charset=\"windows-1252\"")).contains(TEXT);
        Decoded utf8 = Charsets.decode(page("").getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        assertThat(utf8.source()).isEqualTo(Source.HTTP_HEADER);
        assertThat(utf8.text()).contains(TEXT);
    }

    @Test
    void xmlDeclarationIsRead() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><t>€</t>".getBytes(Charset.forName("ISO-8859-15"));
        Decoded decoded = Charsets.decode(body, null);
        assertThat(decoded.text()).endsWith("<t>€</t>");
        assertThat(decoded.source()).isEqualTo(Source.XML_DECLARATION);
    }

    @Test
    void metaCharsetDeclaresWindows1252() {
        byte[] bytes = page("<meta charset=\"windows-1252\">").getBytes(WINDOWS_1252);
        assertThat(text(bytes, null)).contains(TEXT);
        assertThat(text(bytes, "text/html")).contains(TEXT);
        assertThat(Charsets.decode(bytes, null).source()).isEqualTo(Source.HTML_META);
    }

    @Test
    void httpEquivIso88591IsReadAsWindows1252LikeBrowsersDo() {
        byte[] bytes = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">").getBytes(WINDOWS_1252);
        Decoded decoded = Charsets.decode(bytes, null);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).contains(TEXT);
    }

    @Test
    void unknownLabelsFallBackToTheBytes() {
        byte[] utf8 = page("<meta charset=\"no-such-charset\">").getBytes(StandardCharsets.UTF_8);
        assertThat(text(utf8, "text/html; charset=bogus")).contains(TEXT);
        byte[] xml = "<?xml version=\"1.0\" encoding=\"bogus\"?><t>ü</t>".getBytes(StandardCharsets.UTF_8);
        assertThat(text(xml, null)).endsWith("<t>ü</t>");
    }

    @Test
    void namesAreMappedToWhatDocumentsMean() {
        assertThat(CharsetLabels.named("windows_1252")).isEqualTo(WINDOWS_1252);
        assertThat(CharsetLabels.named("ISO-8859-1")).isEqualTo(WINDOWS_1252);
        assertThat(CharsetLabels.named("latin1")).isEqualTo(WINDOWS_1252);
        assertThat(CharsetLabels.named("UTF8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetLabels.named("us-ascii")).isNull(); // let the bytes decide between UTF-8 and 1252
        assertThat(CharsetLabels.named("646")).isNull();
        assertThat(CharsetLabels.named("bogus")).isNull();
        assertThat(CharsetLabels.named("x\"y")).isNull();
        assertThat(CharsetLabels.named(null)).isNull();
    }

    // --- valid UTF-8 over a legacy declaration, and the undeclared default

    @Test
    void documentResavedAsUtf8UnderAnOldLegacyDeclarationIsReadAsUtf8() {
        String chinese = "谷歌在2014年收购的人工智能公司开发出一款计算机。";
        byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>" + chinese + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(bytes, null).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(text(bytes, "text/html; charset=iso-8859-1")).contains(chinese);
        byte[] feed = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>“ü”</t>".getBytes(StandardCharsets.UTF_8);
        assertThat(text(feed, "application/xml; charset=iso-8859-1")).endsWith("<t>“ü”</t>");
    }

    @Test
    void undeclaredBytesAreUtf8WhenTheyCanBeElseWindows1252() {
        assertThat(Charsets.decode("<t>é</t>".getBytes(StandardCharsets.UTF_8), null).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] latin = {'<', 't', '>', (byte) 0xE9, (byte) 0x85, '<', '/', 't', '>'};
        Decoded decoded = Charsets.decode(latin, null);
        assertThat(decoded.text()).isEqualTo("<t>é…</t>");
        assertThat(decoded.source()).isEqualTo(Source.NOT_UTF8);
        assertThat(text(page("").getBytes(WINDOWS_1252), null)).contains(TEXT);
    }

    @Test
    void defaultIsUtf8AndNothingIsEmpty() {
        assertThat(text(page("").getBytes(StandardCharsets.UTF_8), null)).contains(TEXT);
        assertThat(text(new byte[0], null)).isEmpty();
        assertThat(text(null, null)).isEmpty();
    }

    @Test
    void utf8Validation() {
        assertThat(Utf8Check.of("plain".getBytes(StandardCharsets.US_ASCII), 100)).isEqualTo(Utf8Check.ASCII);
        assertThat(Utf8Check.of("café €".getBytes(StandardCharsets.UTF_8), 100)).isEqualTo(Utf8Check.VALID_MULTIBYTE);
        assertThat(Utf8Check.of("café".getBytes(WINDOWS_1252), 100)).isEqualTo(Utf8Check.INVALID);
        // a lead byte cut off by the end of the body
        assertThat(Utf8Check.of(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, 100)).isEqualTo(Utf8Check.INVALID);
        // ... but not by the limit: the sequence starting before it is read to its end
        assertThat(Utf8Check.of("a€b".getBytes(StandardCharsets.UTF_8), 2)).isEqualTo(Utf8Check.VALID_MULTIBYTE);
    }

    // --- the bounds

    @Test
    void declarationsAreLookedForOnlyInTheFirstBytes() {
        String filler = "<!--" + "x".repeat(Charsets.DECLARATION_BYTES) + "-->";
        byte[] late = ("<html><head>" + filler + "<meta charset=\"windows-1252\"></head><body>" + TEXT + "</body></html>")
                .getBytes(WINDOWS_1252);
        Decoded decoded = Charsets.decode(late, null);
        assertThat(decoded.source()).isEqualTo(Source.NOT_UTF8); // the meta is beyond the window: not read
        byte[] early = ("<html><head><meta charset=\"windows-1252\">" + filler + "</head><body>" + TEXT + "</body></html>")
                .getBytes(WINDOWS_1252);
        assertThat(Charsets.decode(early, null).source()).isEqualTo(Source.HTML_META);
    }

    @Test
    void utf8ValidityIsJudgedOnABoundedPrefix() {
        byte[] body = new byte[Charsets.VALIDITY_BYTES + 10];
        Arrays.fill(body, (byte) 'a');
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(euro, 0, body, 10, euro.length);
        body[Charsets.VALIDITY_BYTES + 5] = (byte) 0xE9; // invalid as UTF-8, but past the judged prefix
        Decoded decoded = Charsets.decode(body, "text/html; charset=windows-1252");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).startsWith("aaaaaaaaaa€").contains("\uFFFD");

        body[Charsets.VALIDITY_BYTES - 5] = (byte) 0xE9; // inside the prefix: the declaration stands
        assertThat(Charsets.decode(body, "text/html; charset=windows-1252").charset()).isEqualTo(WINDOWS_1252);
    }
}
