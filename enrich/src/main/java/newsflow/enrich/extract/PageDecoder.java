package newsflow.enrich.extract;

import newsflow.common.http.ContentTypes;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns page bytes into text. Charset order: byte-order mark, then the HTTP {@code Content-Type} charset, then a
 * {@code <meta charset>} / {@code http-equiv} declaration in the first 4 KiB, else UTF-8 when the bytes are UTF-8
 * and windows-1252 when not. A declared legacy charset loses to UTF-8 when the bytes hold non-ASCII text that is
 * valid UTF-8 throughout (a page re-saved as UTF-8 under its old declaration).
 *
 * <p>The BOM goes first (as in the WHATWG encoding-sniffing algorithm) because it is unambiguous: a page that
 * starts with a UTF-8 BOM is UTF-8 whatever a misconfigured server says. Labels are mapped the way browsers map
 * them ({@code iso-8859-1} and {@code us-ascii} mean windows-1252), so curly quotes in "Latin-1" pages survive.
 */
final class PageDecoder {

    private static final int PRESCAN_BYTES = 4096;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    /** Decodes {@code body}; {@code contentType} is the HTTP header value, null when absent. */
    public static String decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        Charset charset = detectCharset(body, contentType);
        int skip = bomLength(body);
        return new String(body, skip, body.length - skip, charset);
    }

    /** The charset {@link #decode} uses for these bytes. */
    public static Charset detectCharset(byte[] body, String contentType) {
        Optional<Charset> bom = bomCharset(body);
        if (bom.isPresent()) {
            return bom.get();
        }
        Optional<Charset> declared = ContentTypes.charset(contentType).map(PageDecoder::browserEquivalent)
                .or(() -> metaCharset(body));
        Utf8 utf8 = Utf8.check(body);
        if (declared.isPresent()) {
            // A page re-saved as UTF-8 keeps its old declaration (and servers send stale headers): non-ASCII text
            // that is valid UTF-8 throughout is UTF-8 (legacy encodings almost never form valid multi-byte runs),
            // and decoding it as the declared charset would turn every such character into mojibake.
            return utf8 == Utf8.VALID_MULTIBYTE ? StandardCharsets.UTF_8 : declared.get();
        }
        // Nothing declared: UTF-8 when the bytes are UTF-8, else the web's commonest legacy encoding.
        return utf8 == Utf8.INVALID ? WINDOWS_1252 : StandardCharsets.UTF_8;
    }

    /** What a byte sequence is as UTF-8. */
    enum Utf8 {
        ASCII, VALID_MULTIBYTE, INVALID;

        static Utf8 check(byte[] b) {
            boolean multibyte = false;
            int i = 0;
            while (i < b.length) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int extra;
                if (c >= 0xC2 && c <= 0xDF) {
                    extra = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    extra = 2;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    extra = 3;
                } else {
                    return INVALID;
                }
                for (int k = 1; k <= extra; k++) {
                    if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                        return INVALID;
                    }
                }
                multibyte = true;
                i += extra + 1;
            }
            return multibyte ? VALID_MULTIBYTE : ASCII;
        }
    }

    static Optional<Charset> metaCharset(byte[] body) {
        // Declarations are ASCII, so reading the prefix as Latin-1 finds them whatever the real encoding.
        String prefix = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(prefix);
        while (m.find()) {
            Optional<Charset> cs = forLabel(m.group(1));
            if (cs.isPresent()) {
                Charset c = cs.get();
                // A UTF-16 declaration read through an ASCII-compatible prefix is necessarily wrong (WHATWG says UTF-8).
                return Optional.of(c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c);
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> forLabel(String label) {
        try {
            return Optional.of(browserEquivalent(Charset.forName(label.strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Charset browserEquivalent(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("us-ascii")) {
            return WINDOWS_1252;
        }
        return charset;
    }

    private static Optional<Charset> bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static int bomLength(byte[] b) {
        Optional<Charset> bom = bomCharset(b);
        if (bom.isEmpty()) {
            return 0;
        }
        return bom.get().equals(StandardCharsets.UTF_8) ? 3 : 2;
    }
}
