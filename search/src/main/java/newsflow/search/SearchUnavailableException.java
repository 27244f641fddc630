package newsflow.search;

/** Elasticsearch could not answer (unreachable, overloaded, failing). Worth trying again later. */
public final class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
