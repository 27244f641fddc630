package newsflow.enrich.embed;

/**
 * What an article gives the embedding model: the title, then the start of the text, cut at a word boundary. The
 * MiniLM models were trained on at most 256 word pieces (about 1,000 characters of English news); the library would
 * split a longer text into pieces and average them, which multiplies the cost per article for little gain on what
 * a news item is about, which its opening says.
 */
final class EmbeddingInput {

    static final int MAX_CHARS = 1000;

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
