package newsflow.search;

/** Too many searches at once, here ({@code search.maxConcurrent}) or in Elasticsearch: try again shortly. */
public final class SearchBusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public SearchBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
