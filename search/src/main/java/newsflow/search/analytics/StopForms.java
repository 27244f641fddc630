package newsflow.search.analytics;

import newsflow.common.text.StopWords;
import newsflow.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A language's stop words in the form the index stores words in. Top words are index terms, which the text
 * analyzer made: lower-cased, and on a node with the {@code english} analyzer also stemmed ({@code nous} is
 * stored as {@code nou}). So each list is run once through the body field's analyzer of an index of the alias
 * and remembered; until that succeeds the plain words are used.
 */
final class StopForms {

    private static final Logger log = LoggerFactory.getLogger(StopForms.class);

    private final SearchService search;
    private final Map<String, Set<String>> analyzed = new ConcurrentHashMap<>();

    StopForms(SearchService search) {
        this.search = search;
    }

    /**
     * @param language the language of the words (ISO 639-1); a language without a list has no stop words
     * @param index    a concrete index of the alias whose analyzer to ask (the alias itself spans several)
     */
    Set<String> of(String language, String index) {
        Set<String> words = StopWords.of(language);
        if (words.isEmpty()) {
            return words;
        }
        Set<String> known = analyzed.get(language);
        if (known != null) {
            return known;
        }
        if (index == null) {
            return words;
        }
        try {
            List<String> tokens = search.analyze(index, TopWordsSearch.FIELD, List.copyOf(words));
            Set<String> forms = new HashSet<>(words);
            forms.addAll(tokens);
            Set<String> result = Set.copyOf(forms);
            analyzed.put(language, result);
            return result;
        } catch (RuntimeException e) {
            // the words as written still go; a stemmed form may show up among the top words until this works
            log.warn("cannot analyze the {} stop words with the analyzer of {}: {}", language, index, e.getMessage());
            return words;
        }
    }
}
