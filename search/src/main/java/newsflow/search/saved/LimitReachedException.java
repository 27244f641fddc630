package newsflow.search.saved;

/** Creating one more saved search would go past {@code alerts.maxSavedSearches}. */
public final class LimitReachedException extends RuntimeException {

    public static final String LIMIT = "alerts.maxSavedSearches";

    public LimitReachedException(String message) {
        super(message);
    }
}
