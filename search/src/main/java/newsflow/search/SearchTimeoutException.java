package newsflow.search;

/**
 * Elasticsearch did not answer a search within the client deadline. The query was too costly, or the node is
 * busy: it says nothing about whether the node is reachable.
 */
public final class SearchTimeoutException extends RuntimeException {

    public SearchTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
