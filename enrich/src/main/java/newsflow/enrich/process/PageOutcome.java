package newsflow.enrich.process;

import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;

/** What happened when enrich tried to get an entry's page. */
public sealed interface PageOutcome {

    /** The page was fetched (2xx, or 304 with no body). */
    record Fetched(FetchResponse response) implements PageOutcome {
    }

    /** The fetch failed: connection, timeout, HTTP error status, oversize body … */
    record Failed(FetchException error) implements PageOutcome {
    }

    /**
     * No page to use, for the given reason: no fetch was attempted (page fetching disabled, no usable link), or
     * the fetched page broke the extractor and the article is built from the feed alone.
     */
    record NotFetched(String reason) implements PageOutcome {
    }
}
