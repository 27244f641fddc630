package newsflow.enrich.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case word tokens: runs of letters and digits; apostrophes inside a word are dropped
 * ({@code don't} → {@code dont}) so contractions and possessives stay one token. Everything else separates.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        StringBuilder word = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (isApostrophe(cp) && !word.isEmpty() && i + len < n
                    && Character.isLetter(text.codePointAt(i + len))) {
                // inside a word: skip it, keep the word going
            } else if (!word.isEmpty()) {
                out.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            i += len;
        }
        if (!word.isEmpty()) {
            out.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }
}
