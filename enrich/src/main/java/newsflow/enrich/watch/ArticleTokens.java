package newsflow.enrich.watch;

import newsflow.enrich.classify.Tokenizer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Title and body as lower-case word tokens; a phrase matches inside one of them, never across the two. Built once
 * per article and shared by every query asked about it.
 */
public final class ArticleTokens {

    private final List<List<String>> fields;
    private final Set<String> words = new HashSet<>();

    public ArticleTokens(String title, String body) {
        this.fields = List.of(Tokenizer.tokens(title), Tokenizer.tokens(body));
        fields.forEach(words::addAll);
    }

    boolean contains(List<String> phrase) {
        if (!words.containsAll(phrase)) {
            return false;
        }
        if (phrase.size() == 1) {
            return true;
        }
        for (List<String> tokens : fields) {
            for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
                if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }
}
