package newsflow.common.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Function words (articles, pronouns, prepositions, auxiliaries…) of the languages newsflow's detector names
 * most often, for telling what an article is about from how it is written. The lists are ours, one file per
 * language under {@code newsflow/common/text/stopwords/}, read once on first use.
 */
public final class StopWords {

    /** ISO 639-1 codes with a bundled list. */
    public static final Set<String> LANGUAGES = Set.of("en", "fr", "de", "es", "it", "nl", "pt");

    private static final Map<String, Set<String>> LISTS = new ConcurrentHashMap<>();

    private StopWords() {
    }

    /** The stop words of {@code language} (ISO 639-1), lower case; empty for a language without a list. */
    public static Set<String> of(String language) {
        if (language == null) {
            return Set.of();
        }
        String lang = language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            return Set.of();
        }
        return LISTS.computeIfAbsent(lang, StopWords::read);
    }

    private static Set<String> read(String lang) {
        String resource = "/newsflow/common/text/stopwords/" + lang + ".txt";
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String content = comment < 0 ? line : line.substring(0, comment);
                for (String word : content.strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
