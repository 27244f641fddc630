package newsflow.ingest.parse.charset;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetDetectorTest {

    private static final String DOC = "<?xml version=\"1.0\"?><rss><channel><title>Ünïcødé “q”</title></channel></rss>";

    @Test
    void byteOrderMarksWinAndAreRemoved() {
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")}) {
            byte[] body = ("\uFEFF" + DOC).getBytes(cs);
            CharsetDetector.Decoded decoded = CharsetDetector.decode(body, "text/xml; charset=iso-8859-1");
            assertThat(decoded.text()).as(cs.name()).isEqualTo(DOC);
            assertThat(decoded.source()).isEqualTo("byte-order mark");
        }
    }

    @Test
    void utf16And32WithoutBomAreRecognisedFromTheirZeroBytes() {
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")}) {
            assertThat(CharsetDetector.decode(DOC.getBytes(cs), null).text()).as(cs.name()).isEqualTo(DOC);
        }
    }

    @Test
    void httpCharsetOverridesTheDeclarationAndIsReadLeniently() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>\u00e9</t>".getBytes(Charset.forName("windows-1252"));
        CharsetDetector.Decoded decoded = CharsetDetector.decode(body, "application/xml;charset='Windows_1252'");
        assertThat(decoded.text()).contains("<t>é</t>");
        assertThat(decoded.source()).isEqualTo("HTTP header");
        assertThat(CharsetDetector.httpCharset("text/xml; charset= \"us-ascii\"")).isEqualTo("us-ascii");
    }

    @Test
    void namesAreMappedToWhatFeedsMean() {
        assertThat(CharsetDetector.named("windows_1252")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(CharsetDetector.named("ISO-8859-1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(CharsetDetector.named("latin1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(CharsetDetector.named("UTF8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.named("us-ascii")).isNull(); // let the bytes decide between UTF-8 and 1252
        assertThat(CharsetDetector.named("bogus")).isNull();
        assertThat(CharsetDetector.named("x\"y")).isNull();
    }

    @Test
    void undeclaredBytesAreUtf8WhenTheyCanBeElseWindows1252() {
        assertThat(CharsetDetector.decode("<t>é</t>".getBytes(StandardCharsets.UTF_8), null).charset())
                .isEqualTo(StandardCharsets.UTF_8);
        byte[] latin = {'<', 't', '>', (byte) 0xE9, (byte) 0x85, '<', '/', 't', '>'};
        CharsetDetector.Decoded decoded = CharsetDetector.decode(latin, null);
        assertThat(decoded.text()).isEqualTo("<t>é…</t>");
        assertThat(decoded.source()).isEqualTo("not UTF-8");
    }

    @Test
    void aBogusDeclaredEncodingFallsBackToTheBytes() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"bogus\"?><t>ü</t>".getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.decode(body, null).text()).endsWith("<t>ü</t>");
    }
}
