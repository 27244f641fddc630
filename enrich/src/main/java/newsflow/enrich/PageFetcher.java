package newsflow.enrich;

import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;

import java.time.Duration;

/** Gets an article page. The stage uses the shared {@code HttpFetcher}; tests substitute their own. */
@FunctionalInterface
interface PageFetcher {

    /**
     * @throws FetchException           when no usable response came back
     * @throws IllegalArgumentException when {@code url} is not a valid URI
     */
    FetchResponse fetch(String url) throws FetchException;

    /**
     * The page's host has no turn for us soon enough (it asked us to back off, or many of its pages wait already):
     * nothing was requested.
     */
    final class HostBusy extends RuntimeException {
        HostBusy(String url, Duration waited) {
            super("politeness: no turn on the host of " + url + " within " + waited.toSeconds() + " s");
        }
    }

    /** The site's robots.txt does not let us fetch the page: nothing was requested. */
    final class Disallowed extends RuntimeException {
        Disallowed(String url) {
            super("robots.txt disallows fetching " + url);
        }
    }
}
