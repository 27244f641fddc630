package newsflow.common.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Works out the charset of a fetched document (a feed or a page) and decodes it. One precedence, first match wins:
 * <ol>
 *   <li>a byte-order mark (UTF-8, UTF-16, UTF-32): unambiguous, whatever a server or the document says;</li>
 *   <li>the zero bytes of BOM-less UTF-16/UTF-32 around the first character: a declaration can only say less
 *       ("UTF-16") or be wrong;</li>
 *   <li>the declared charset: the HTTP {@code Content-Type} charset, else the XML declaration's {@code encoding},
 *       else an HTML {@code <meta charset>} / {@code http-equiv} (the header first, as RFC 7303 and the WHATWG
 *       sniffing algorithm both say: servers transcode). Two exceptions, both cases where the declaration is
 *       provably wrong: a UTF-16/UTF-32 declaration over bytes without a zero byte (such bytes cannot be
 *       UTF-16/32, every markup character would bring one), and a legacy declaration over bytes that hold
 *       non-ASCII text valid as UTF-8 (a document re-saved as UTF-8 under its old declaration, or a stale
 *       header: legacy text almost never forms valid multi-byte runs, and reading UTF-8 as the legacy charset
 *       turns every such character into mojibake). In both cases the bytes decide, as below;</li>
 *   <li>UTF-8 when the bytes are UTF-8, else windows-1252 (the web's commonest legacy encoding).</li>
 * </ol>
 * Labels are read as browsers read them ({@link CharsetLabels}): Latin-1 and US-ASCII mean windows-1252, so
 * curly quotes in "Latin-1" documents survive. Bytes invalid in the chosen charset become U+FFFD instead of
 * failing the document.
 *
 * <p>The work is bounded: declarations are looked for in the first {@value #DECLARATION_BYTES} bytes, zero bytes
 * in the same window, and UTF-8 validity is judged on the first {@value #VALIDITY_BYTES} bytes (one pass, no
 * allocation); only the final decode reads the whole body.
 */
public final class Charsets {

    /** How far declarations (XML prolog, HTML meta) and zero bytes are looked for. */
    static final int DECLARATION_BYTES = 4096;
    /** How much of the body decides whether it is valid UTF-8. */
    static final int VALIDITY_BYTES = 1 << 20;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** Where the charset came from, for logs and tests. */
    public enum Source {
        BYTE_ORDER_MARK, BYTE_PATTERN, HTTP_HEADER, XML_DECLARATION, HTML_META, UTF8_BYTES, NOT_UTF8
    }

    /** The text and the charset it was decoded with, and where that charset came from. */
    public record Decoded(String text, Charset charset, Source source) {
    }

    private Charsets() {
    }

    /**
     * Decodes {@code body}; {@code contentType} is the HTTP Content-Type header, null for a file or when absent.
     * A null or empty body is the empty text.
     */
    public static Decoded decode(byte[] body, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body;
        Bom bom = Bom.of(bytes);
        if (bom != null) {
            return decoded(bytes, bom.length(), bom.charset(), Source.BYTE_ORDER_MARK);
        }
        Charset wide = ZeroBytes.family(bytes);
        if (wide != null) {
            return decoded(bytes, 0, wide, Source.BYTE_PATTERN);
        }
        boolean hasZeroByte = ZeroBytes.anyIn(bytes, DECLARATION_BYTES);
        Utf8Check utf8 = Utf8Check.of(bytes, VALIDITY_BYTES);
        Declared declared = declared(bytes, contentType);
        if (declared != null && !contradicted(declared.charset(), hasZeroByte, utf8)) {
            return decoded(bytes, 0, declared.charset(), declared.source());
        }
        return utf8 == Utf8Check.INVALID
                ? decoded(bytes, 0, WINDOWS_1252, Source.NOT_UTF8)
                : decoded(bytes, 0, StandardCharsets.UTF_8, Source.UTF8_BYTES);
    }

    /** Whether the bytes prove a declared charset wrong (see the class comment). */
    private static boolean contradicted(Charset declared, boolean hasZeroByte, Utf8Check utf8) {
        if (CharsetLabels.isWide(declared)) {
            return !hasZeroByte;
        }
        return !declared.equals(StandardCharsets.UTF_8) && utf8 == Utf8Check.VALID_MULTIBYTE;
    }

    private record Declared(Charset charset, Source source) {
    }

    /** The first known charset among the header, the XML declaration and an HTML meta; null when none. */
    private static Declared declared(byte[] body, String contentType) {
        Charset http = CharsetLabels.named(CharsetLabels.httpCharset(contentType));
        if (http != null) {
            return new Declared(http, Source.HTTP_HEADER);
        }
        // Declarations are ASCII, so reading the prefix as Latin-1 finds them whatever the real encoding.
        String head = new String(body, 0, Math.min(body.length, DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
        Charset xml = CharsetLabels.named(Declarations.xmlEncoding(head));
        if (xml != null) {
            return new Declared(xml, Source.XML_DECLARATION);
        }
        Charset meta = Declarations.metaCharsets(head).stream().map(CharsetLabels::named)
                .filter(c -> c != null).findFirst().orElse(null);
        return meta == null ? null : new Declared(meta, Source.HTML_META);
    }

    private static Decoded decoded(byte[] body, int offset, Charset charset, Source source) {
        return new Decoded(decodeLeniently(body, offset, charset), charset, source);
    }

    private static String decodeLeniently(byte[] body, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset));
            String text = chars.toString();
            // A BOM-less "UTF-16" decode may leave a leading U+FEFF; parsers must not see it.
            return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder reported an error", e);
        }
    }
}
