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
 * {@code <meta charset>} / {@code http-equiv} declaration in the first 4 KiB, else UTF-8.
 *
 * <p>The BOM goes first (as in the WHATWG encoding-sniffing algorithm) because it is unambiguous: a page that
 * starts with a UTF-8 BOM is UTF-8 whatever a misconfigured server says. Labels are mapped the way browsers map
 * them ({@code iso-8859-1} and {@code us-ascii} mean windows-1252), so curly quotes in "Latin-1" pages survive.
 */
final class PageDecoder {

    private static final int PRESCAN_BYTES = 4096;
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
        Optional<Charset> header = ContentTypes.charset(contentType).map(PageDecoder::browserEquivalent);
        if (header.isPresent()) {
            return header.get();
        }
        return metaCharset(body).orElse(StandardCharsets.UTF_8);
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
            return Charset.forName("windows-1252");
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
