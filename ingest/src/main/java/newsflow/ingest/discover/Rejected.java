package newsflow.ingest.discover;

/**
 * A candidate feed URL that did not turn out to be a feed.
 *
 * @param url    the candidate
 * @param reason why: the fetch or parse error
 */
public record Rejected(String url, String reason) {
}
