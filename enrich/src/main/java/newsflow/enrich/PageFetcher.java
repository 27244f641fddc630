package newsflow.enrich;

import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;

/** Gets an article page. The stage uses the shared {@code HttpFetcher}; tests substitute their own. */
@FunctionalInterface
interface PageFetcher {

    /**
     * @throws FetchException           when no usable response came back
     * @throws IllegalArgumentException when {@code url} is not a valid URI
     */
    FetchResponse fetch(String url) throws FetchException;

    /** The site's robots.txt does not let us fetch the page: nothing was requested. */
    final class Disallowed extends RuntimeException {
        Disallowed(String url) {
            super("robots.txt disallows fetching " + url);
        }
    }
}
