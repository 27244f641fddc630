package newsflow.esanalysis;

import java.util.Map;
import java.util.TreeSet;

/** Looks a language name up in a filter's table, with an error that names the filter and the names it knows. */
final class Languages {

    private Languages() {
    }

    /**
     * @param fallback the language used when the definition names none (see {@link LanguageSettings})
     * @throws IllegalArgumentException when the definition names a language the table lacks
     */
    static <T> T lookUp(Map<String, T> table, String filter, LanguageSettings settings, String fallback) {
        String language = settings.language();
        if (language == null || language.isEmpty()) {
            language = fallback;
        }
        T found = table.get(language);
        if (found == null) {
            throw new IllegalArgumentException(filter + ": unknown \"language\" [" + language
                    + "]; known: " + new TreeSet<>(table.keySet()));
        }
        return found;
    }
}
