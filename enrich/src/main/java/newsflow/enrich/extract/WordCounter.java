package newsflow.enrich.extract;

/** Counts words: whitespace-separated tokens holding at least one letter or digit. */
public final class WordCounter {

    private WordCounter() {
    }

    public static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int words = 0;
        boolean inToken = false;
        boolean hasWordChar = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (inToken && hasWordChar) {
                    words++;
                }
                inToken = false;
                hasWordChar = false;
            } else {
                inToken = true;
                hasWordChar |= Character.isLetterOrDigit(c);
            }
        }
        return inToken && hasWordChar ? words + 1 : words;
    }
}
