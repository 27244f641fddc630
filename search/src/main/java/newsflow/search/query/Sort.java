package newsflow.search.query;

import java.util.Locale;

/** The order of results; ties are always broken by date, newest first, then by id (stable paging). */
public enum Sort {
    /** Best match first: the default with a query. */
    RELEVANCE,
    /** Most recently published first: the default without a query. */
    NEWEST,
    /** Earliest published first. */
    OLDEST;

    /** The parameter's value ({@code relevance}, {@code newest}, {@code oldest}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Sort of(String value) {
        for (Sort s : values()) {
            if (s.key().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("'sort' must be relevance, newest or oldest, got '" + value + "'");
    }

    /** Relevance with a query, newest first without one. */
    public static Sort defaultFor(QueryNode query) {
        return query == null ? NEWEST : RELEVANCE;
    }
}
