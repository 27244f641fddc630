package newsflow.enrich.embed;

/**
 * What an article gives the embedding model: the title, then the start of the text, cut at a word boundary. What a
 * news item is about its title and first sentences say; the model's cost grows with its input (up to its
 * 256-word-piece window, about 1,000 characters), and the words of the whole text still reach the classifier as word
 * features. docs/measurements.md has the cost and the accuracy at 300 and 1,000 characters.
 */
final class EmbeddingInput {

    static final int MAX_CHARS = 300;

    private EmbeddingInput() {
    }

    static String of(String title, String text) {
        String t = title == null ? "" : title.strip();
        String body = text == null ? "" : text.strip();
        String joined = t.isEmpty() ? body : body.isEmpty() ? t : t + ". " + body;
        if (joined.length() <= MAX_CHARS) {
            return joined;
        }
        int cut = joined.lastIndexOf(' ', MAX_CHARS);
        return joined.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
    }
}
