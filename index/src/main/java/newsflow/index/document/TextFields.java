package newsflow.index.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysed text fields of the article document, in one place for the index (mapping, document) and for search.
 *
 * <p>{@code title}, {@code description} and {@code body} hold every article's text, analysed as English (the
 * default). An article in a language of {@link #LANGUAGES} carries its text a second time under
 * {@code i18n.<language>.title|description|body}, analysed with that language's stop words and stemming: the
 * field is chosen when the document is built, from the detected language, so each article is analysed twice at
 * most, never once per language. A query searches the English fields and every language's (see
 * {@link #withLanguageFields}): an article has text in its own language's fields only.
 */
public final class TextFields {

    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String BODY = "body";
    /** The object holding the per-language copies. */
    public static final String I18N = "i18n";

    /**
     * The languages with fields of their own (their key under {@code i18n}), each one the language detector
     * reports and Lucene stems: French, German, Spanish, Italian, Portuguese, Dutch, Swedish, Danish, Norwegian,
     * Finnish, Russian.
     */
    public static final List<String> LANGUAGES = List.of("fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru");

    /** Detected codes that share another code's fields: both written forms of Norwegian use its stemmer. */
    private static final Map<String, String> SAME_FIELDS_AS = Map.of("nb", "no", "nn", "no");

    private TextFields() {
    }

    /** The {@code i18n} key an article of {@code language} (ISO 639-1, as detected) is written under, if any. */
    public static Optional<String> languageKey(String language) {
        if (language == null) {
            return Optional.empty();
        }
        String key = SAME_FIELDS_AS.getOrDefault(language, language);
        return LANGUAGES.contains(key) ? Optional.of(key) : Optional.empty();
    }

    /** The field holding {@code base} ({@link #TITLE}, {@link #DESCRIPTION}, {@link #BODY}) in {@code languageKey}. */
    public static String languageField(String languageKey, String base) {
        return I18N + "." + languageKey + "." + base;
    }

    /**
     * {@code fields} followed by the same fields of every language, each with its boost, e.g.
     * {@code [title^3, body]} → {@code [title^3, body, i18n.fr.title^3, i18n.fr.body, i18n.de.title^3, …]}: the
     * field list of a query that finds articles in every language by their own stemming.
     */
    public static List<String> withLanguageFields(List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        for (String language : LANGUAGES) {
            for (String field : fields) {
                all.add(languageField(language, field));
            }
        }
        return List.copyOf(all);
    }
}
