package newsflow.ingest.fetch;

import newsflow.common.config.FeedConfig;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.FetchResponse;
import newsflow.common.http.HttpFetcher;
import newsflow.ingest.state.FeedState;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Fetches a feed document with a conditional GET (the validators remembered in its state) through the one
 * shared {@link HttpFetcher}. A 304 answer means the feed has not changed since the last poll.
 */
public final class FeedFetcher {

    private final HttpFetcher http;

    public FeedFetcher(HttpFetcher http) {
        this.http = http;
    }

    /**
     * @return a 2xx response with the document, or a 304 ({@link FetchResponse#notModified()})
     * @throws FetchException when the feed could not be fetched, including a feed URL that is not a URL
     */
    public FetchResponse fetch(FeedConfig feed, FeedState state) throws FetchException {
        // where it moved to after a permanent redirect, else its configured address
        String url = state.movedTo() != null ? state.movedTo() : feed.url();
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, null, 0, "invalid feed URL '" + url + "'", e);
        }
        return http.fetch(new FetchRequest(uri, feed.userAgent(), feed.headers(), state.etag(), state.lastModified()));
    }
}
