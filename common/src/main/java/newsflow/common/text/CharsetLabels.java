package newsflow.common.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charset labels as servers and documents write them, read the way browsers read them: names Java does not know
 * are mapped ({@code windows_1252}, {@code latin1}, quoted or spaced {@code charset= "us-ascii"}), Latin-1 is read
 * as its superset windows-1252 (documents declared Latin-1 routinely carry windows-1252 quotes and dashes), and
 * US-ASCII means nothing UTF-8 does not, so the bytes decide.
 */
final class CharsetLabels {

    private static final Pattern HTTP_CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?\\s*([^\"';\\s]+)");
    /** Names seen in the wild that Java does not know, or that stand for a charset whose superset is the right reader. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("latin1", "windows-1252"), Map.entry("latin-1", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso-latin-1", "windows-1252"), Map.entry("ansi", "windows-1252"), Map.entry("cp1252", "windows-1252"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode", "UTF-16"), Map.entry("gb2312", "GBK"),
            Map.entry("ks_c_5601-1987", "EUC-KR"), Map.entry("x-sjis", "Shift_JIS"));

    private CharsetLabels() {
    }

    /** The charset parameter of a Content-Type, unquoted; null when it has none or there is no header. */
    static String httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HTTP_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** The charset a label stands for, or null when the label is unknown, blank, or ASCII (the bytes decide). */
    static Charset named(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (key.equals("us-ascii") || key.equals("ascii") || key.equals("ansi-x3.4-1968")) {
            // documents labelled ASCII are often UTF-8 or windows-1252: let the bytes decide
            return null;
        }
        String alias = ALIASES.get(key);
        for (String candidate : alias != null ? new String[] {alias} : new String[] {name.strip(), key}) {
            try {
                if (Charset.isSupported(candidate)) {
                    Charset charset = Charset.forName(candidate);
                    if (charset.equals(StandardCharsets.US_ASCII)) {
                        return null; // an alias of ASCII Java knows ("646", "iso-ir-6")
                    }
                    return charset.equals(StandardCharsets.ISO_8859_1) ? Charsets.WINDOWS_1252 : charset;
                }
            } catch (IllegalCharsetNameException e) {
                // not a charset name at all
            }
        }
        return null;
    }

    /** UTF-16 and UTF-32 in any byte order: the encodings whose every ASCII character carries a zero byte. */
    static boolean isWide(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.equals("X-UTF-16LE-BOM")
                || name.equals("X-UTF-32BE-BOM") || name.equals("X-UTF-32LE-BOM");
    }
}
