package newsflow.app.demo;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders in a text. Values are inserted as given: whoever builds the map decides
 * whether a value is escaped for HTML, for JSON or inserted raw (an article body).
 *
 * <p>A placeholder without a value is an error rather than an empty string, so a typo in a template fails when
 * the demo site starts instead of quietly producing a page with a hole in it. {@code {{base}}} is left alone:
 * the site replaces it last, in every response, once its port is known.
 */
final class Template {

    static final String BASE = "{{base}}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private Template() {
    }

    static String fill(String templateName, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 4096);
        while (m.find()) {
            String key = m.group(1);
            String replacement;
            if (key.equals("base")) {
                replacement = BASE;
            } else {
                replacement = values.get(key);
                if (replacement == null) {
                    throw new IllegalStateException("template " + templateName + " uses {{" + key + "}} but no value was given");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
