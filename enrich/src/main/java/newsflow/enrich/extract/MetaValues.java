package newsflow.enrich.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's descriptive meta tags under one spelling per property, read the way Readability.js reads them: a
 * {@code property} attribute is a space-separated list whose first {@code og:}/{@code article:}/{@code dc:}/
 * {@code dcterm:}/{@code twitter:} author, creator, description, published_time, title or site_name entry names the
 * value; otherwise a {@code name} such as {@code DC.Title}, {@code parsely-author}, {@code twitter:title} or plain
 * {@code author} does, lower-cased with dots read as colons. A later tag with the same key replaces an earlier one.
 */
final class MetaValues {

    private static final Pattern PROPERTY = Pattern.compile(
            "\\s*(?:article|dc|dcterm|og|twitter)\\s*:\\s*(?:author|creator|description|published_time|title|site_name)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "^\\s*(?:(?:dc|dcterm|og|twitter|parsely|weibo:(?:article|webpage))\\s*[-.:]\\s*)?"
                    + "(?:author|creator|pub-date|description|title|site_name)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACE = Pattern.compile("\\s");

    private final Map<String, String> values;

    private MetaValues(Map<String, String> values) {
        this.values = values;
    }

    static MetaValues of(Document doc) {
        Map<String, String> values = new HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String content = m.attr("content");
            if (content.isEmpty()) {
                continue;
            }
            Matcher property = m.hasAttr("property") ? PROPERTY.matcher(m.attr("property")) : null;
            if (property != null && property.find()) {
                values.put(key(property.group()), content.strip());
            } else if (m.hasAttr("name") && NAME.matcher(m.attr("name")).matches()) {
                values.put(key(m.attr("name")).replace('.', ':'), content.strip());
            }
        }
        return new MetaValues(values);
    }

    private static String key(String raw) {
        return SPACE.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The value of the first key present (entities decoded, whitespace collapsed), or null. */
    String first(String... keys) {
        for (String k : keys) {
            String v = MetadataExtractor.plain(values.get(k));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
