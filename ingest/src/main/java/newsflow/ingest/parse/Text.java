package newsflow.ingest.parse;

import org.jsoup.Jsoup;

import java.nio.charset.Charset;

/** Plain text out of the HTML fragments and entity-escaped strings feeds put in titles and names. */
final class Text {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Text() {
    }

    /** Tags stripped, entities decoded, whitespace collapsed; null for null or blank input. */
    static String plain(String htmlOrText) {
        if (htmlOrText == null || htmlOrText.isBlank()) {
            return null;
        }
        // Cheap path: most titles contain neither markup nor entities.
        String text = htmlOrText.indexOf('<') < 0 && htmlOrText.indexOf('&') < 0
                ? htmlOrText
                : Jsoup.parseBodyFragment(htmlOrText).text();
        String collapsed = windows1252Controls(text).replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Null for null or blank, the value otherwise (feeds' HTML is passed on as it is, but see below). */
    static String orNull(String value) {
        return value == null || value.isBlank() ? null : windows1252Controls(value);
    }

    /**
     * The C1 control characters U+0080–U+009F mean nothing in text; in feeds they are Windows-1252 quotes and
     * dashes that went through a Latin-1 decoder or a {@code &#146;} reference. Mapped to what was meant.
     */
    static String windows1252Controls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
                out.append(mapped.charAt(0) == '\uFFFD' ? c : mapped.charAt(0));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
