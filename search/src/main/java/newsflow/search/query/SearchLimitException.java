package newsflow.search.query;

/** A query past one of the configured limits; {@link #limit()} names the configuration key. */
public final class SearchLimitException extends IllegalArgumentException {

    private final String limit;

    public SearchLimitException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The configuration key of the limit, for example {@code search.maxTerms}. */
    public String limit() {
        return limit;
    }
}
