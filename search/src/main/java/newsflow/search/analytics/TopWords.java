package newsflow.search.analytics;

import java.util.List;
import java.util.Map;

/**
 * The words most characteristic of the matching articles against the whole index.
 *
 * @param language the language the words were taken from: the one most of the matching articles are in; null
 *                 when nothing matched
 * @param words    best first, stop words of {@code language} left out
 * @param partial  Elasticsearch stopped at {@code search.timeout} or some shards failed
 */
public record TopWords(String language, List<Word> words, boolean partial) {

    public TopWords {
        words = List.copyOf(words);
    }

    /**
     * These words, each shown as the form {@code shown} names for its stem (a stem it does not name stays as it is).
     *
     * @param partial the step that found the forms was partial
     */
    TopWords shownAs(Map<String, String> shown, boolean partial) {
        return new TopWords(language, words.stream()
                .map(w -> new Word(shown.getOrDefault(w.stem(), w.term()), w.stem(), w.score(), w.count(), w.background()))
                .toList(), this.partial || partial);
    }

    /**
     * @param term       the word as the matching articles write it most often (its {@code stem}'s most frequent form
     *                   among them); the stem itself when no form was found
     * @param stem       as the index stores it (lower case, folded; stemmed where the index stems)
     * @param score      how much more often it occurs in the matches than in the index (Elasticsearch's JLH score)
     * @param count      sampled matching articles containing it
     * @param background articles of the whole index containing it
     */
    public record Word(String term, String stem, double score, long count, long background) {
    }
}
