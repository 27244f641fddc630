package newsflow.ingest.parse;

import org.jsoup.Jsoup;

/** Plain text out of the HTML fragments and entity-escaped strings feeds put in titles and names. */
final class Text {

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
        String collapsed = text.replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Null for null or blank, the value otherwise (feeds' HTML is passed on as it is). */
    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
