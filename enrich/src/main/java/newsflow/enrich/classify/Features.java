package newsflow.enrich.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Feature counts of one text: words and, if enabled, adjacent word pairs; the title's counted {@code titleWeight} times. */
final class Features {

    private Features() {
    }

    static Map<String, Integer> counts(String title, String text, FeatureOptions options) {
        Map<String, Integer> counts = new HashMap<>();
        add(counts, Tokenizer.tokens(title), options.bigrams(), options.titleWeight());
        add(counts, Tokenizer.tokens(text), options.bigrams(), 1);
        return counts;
    }

    private static void add(Map<String, Integer> counts, List<String> tokens, boolean bigrams, int weight) {
        if (weight == 0) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            counts.merge(tokens.get(i), weight, Integer::sum);
            if (bigrams && i > 0) {
                // a space cannot occur inside a token, so "a b" never collides with a single word
                counts.merge(tokens.get(i - 1) + ' ' + tokens.get(i), weight, Integer::sum);
            }
        }
    }
}
