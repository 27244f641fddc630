package newsflow.ingest.parse.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the charset of a feed document and decodes it. In order: a byte-order mark; the charset of the
 * HTTP Content-Type (RFC 7303: it overrides the document); the encoding of the XML declaration (read in
 * whichever of the ASCII, UTF-16 or UTF-32 families the first bytes show); UTF-8; Windows-1252 when the bytes
 * are not UTF-8. Lenient like a browser: names Java does not know are mapped ({@code windows_1252},
 * {@code latin1}, quoted or spaced {@code charset= "us-ascii"}), Latin-1 is read as its superset Windows-1252
 * (feeds declared Latin-1 routinely carry Windows-1252 quotes and dashes), US-ASCII as UTF-8 when the bytes
 * are UTF-8, and bytes invalid in the chosen charset
 * become U+FFFD instead of failing the feed.
 */
public final class CharsetDetector {

    /** The text and the charset it was decoded with, and where that charset came from. */
    public record Decoded(String text, Charset charset, String source) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern HTTP_CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?\\s*([^\"';\\s]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']\\s*([^\"'\\s]+)");
    /** Names seen in feeds that Java does not know, or that stand for a charset whose superset is the right reader. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("latin1", "windows-1252"), Map.entry("latin-1", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso-latin-1", "windows-1252"), Map.entry("ansi", "windows-1252"), Map.entry("cp1252", "windows-1252"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode", "UTF-16"), Map.entry("gb2312", "GBK"),
            Map.entry("ks_c_5601-1987", "EUC-KR"), Map.entry("x-sjis", "Shift_JIS"));

    private CharsetDetector() {
    }

    /** @param contentType the HTTP Content-Type, null for a file */
    public static Decoded decode(byte[] body, String contentType) {
        Bom bom = Bom.of(body);
        if (bom != null) {
            return new Decoded(decodeLeniently(body, bom.length(), bom.charset()), bom.charset(), "byte-order mark");
        }
        Charset http = contentType == null ? null : named(httpCharset(contentType));
        if (http != null) {
            return new Decoded(decodeLeniently(body, 0, http), http, "HTTP header");
        }
        Charset family = family(body);
        if (!isAsciiCompatible(family)) {
            // the zero bytes say which UTF-16/32 it is; a declaration can only say less ("UTF-16") or be wrong
            return new Decoded(decodeLeniently(body, 0, family), family, "byte pattern");
        }
        Charset declared = named(declaredEncoding(body, family));
        if (declared != null && isAsciiCompatible(declared)) {
            return new Decoded(decodeLeniently(body, 0, declared), declared, "XML declaration");
        }
        String utf8 = strictUtf8(body);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, "default");
        }
        return new Decoded(decodeLeniently(body, 0, WINDOWS_1252), WINDOWS_1252, "not UTF-8");
    }

    /** The charset parameter of a Content-Type, unquoted; null when it has none. */
    static String httpCharset(String contentType) {
        Matcher m = HTTP_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** A charset for a name as feeds write it, or null when the name is unknown or blank. */
    static Charset named(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (key.equals("us-ascii") || key.equals("ascii") || key.equals("ansi-x3.4-1968")) {
            // ASCII says nothing UTF-8 does not; documents labelled so are often UTF-8: let the bytes decide
            return null;
        }
        String alias = ALIASES.get(key);
        for (String candidate : alias != null ? new String[] {alias} : new String[] {name.strip(), key}) {
            try {
                if (Charset.isSupported(candidate)) {
                    Charset charset = Charset.forName(candidate);
                    return charset.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charset;
                }
            } catch (IllegalCharsetNameException e) {
                // not a charset name at all
            }
        }
        return null;
    }

    /** UTF-32/UTF-16 without a BOM show in the zero bytes around the first '<'; everything else is ASCII-like. */
    private static Charset family(byte[] b) {
        if (b.length >= 4) {
            if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
                return UTF_32BE;
            }
            if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
                return UTF_32LE;
            }
        }
        if (b.length >= 2) {
            if (b[0] == 0 && b[1] != 0) {
                return StandardCharsets.UTF_16BE;
            }
            if (b[0] != 0 && b[1] == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return !name.startsWith("UTF-16") && !name.startsWith("UTF-32") && !name.equals("UTF-16");
    }

    private static String declaredEncoding(byte[] body, Charset family) {
        int n = Math.min(body.length, 1024);
        String head = new String(body, 0, n, isAsciiCompatible(family) ? StandardCharsets.ISO_8859_1 : family);
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeLeniently(byte[] body, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset));
            String text = chars.toString();
            // A BOM-less UTF-16 "UTF-16" decode may leave a leading U+FEFF; the XML parser must not see it.
            return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder reported an error", e);
        }
    }

    /** The byte-order marks of the Unicode encodings, longest first (UTF-32LE's starts like UTF-16LE's). */
    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Bom(UTF_32BE, 4);
            }
            if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Bom(UTF_32LE, 4);
            }
            if (starts(b, 0xEF, 0xBB, 0xBF)) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (starts(b, 0xFE, 0xFF)) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (starts(b, 0xFF, 0xFE)) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }

        private static boolean starts(byte[] b, int... prefix) {
            if (b.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
