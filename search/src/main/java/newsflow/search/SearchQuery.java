package newsflow.search;

import java.time.Instant;

/**
 * What an analyst asks for. All filters are optional (null = no filter).
 *
 * @param q           free text in simple query string syntax (quotes for phrases, {@code -word}, {@code a | b});
 *                    blank means "everything, newest first"
 * @param topic       only articles tagged with this topic
 * @param source      only articles from this source (feed name)
 * @param lang        only articles in this language (ISO 639-1)
 * @param from        published at or after
 * @param to          published before (exclusive)
 * @param size        hits per page, 1 to {@link #MAX_SIZE}
 * @param searchAfter paging cursor: the {@code next} value of the previous page, null for the first page
 * @param collapseStories one hit per story (its best match), with the other articles of the story as "also
 *                    reported by"; not with paging
 */
public record SearchQuery(
        String q,
        String topic,
        String source,
        String lang,
        Instant from,
        Instant to,
        int size,
        String searchAfter,
        boolean collapseStories) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public SearchQuery {
        q = blankToNull(q);
        topic = blankToNull(topic);
        source = blankToNull(source);
        lang = blankToNull(lang);
        searchAfter = blankToNull(searchAfter);
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if (collapseStories && searchAfter != null) {
            throw new IllegalArgumentException("'after' (paging) is not available with collapse=story: ask for a larger 'size'");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
    }

    /** Every story's articles as separate hits. */
    public SearchQuery(String q, String topic, String source, String lang, Instant from, Instant to, int size,
                       String searchAfter) {
        this(q, topic, source, lang, from, to, size, searchAfter, false);
    }

    /** Free text, no filters, first page of {@link #DEFAULT_SIZE}. */
    public static SearchQuery text(String q) {
        return new SearchQuery(q, null, null, null, null, null, DEFAULT_SIZE, null);
    }

    public boolean hasText() {
        return q != null;
    }

    public SearchQuery withSearchAfter(String cursor) {
        return new SearchQuery(q, topic, source, lang, from, to, size, cursor, collapseStories);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
