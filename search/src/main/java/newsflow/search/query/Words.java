package newsflow.search.query;

/** Words as the analyzers split them, counted to bound a query: runs of letters and digits. */
final class Words {

    private Words() {
    }

    static int count(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
            i += Character.charCount(c);
        }
        return words;
    }
}
