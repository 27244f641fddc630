package newsflow.search.analytics;

import java.util.List;

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
     * @param term       as the index stores it (lower case; stemmed where the index stems)
     * @param score      how much more often it occurs in the matches than in the index (Elasticsearch's JLH score)
     * @param count      sampled matching articles containing it
     * @param background articles of the whole index containing it
     */
    public record Word(String term, double score, long count, long background) {
    }
}
