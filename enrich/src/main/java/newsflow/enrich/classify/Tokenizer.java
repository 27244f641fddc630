package newsflow.enrich.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case word tokens: runs of letters and digits. A possessive {@code 's} is dropped
 * ({@code Korea's} → {@code korea}, so "North Korea" matches it); other apostrophes inside a word are dropped and
 * the word kept whole ({@code don't} → {@code dont}). Everything else separates.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<String> tokens(String text) {
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
            } else if (isApostrophe(cp) && !word.isEmpty() && possessive(text, i + len)) {
                i += len + 1; // the apostrophe and the s; the word ends here
                continue;
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

    /** An {@code s} at {@code at} that ends the word. */
    private static boolean possessive(String text, int at) {
        return at < text.length() && (text.charAt(at) == 's' || text.charAt(at) == 'S')
                && (at + 1 == text.length() || !Character.isLetterOrDigit(text.codePointAt(at + 1)));
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }
}
