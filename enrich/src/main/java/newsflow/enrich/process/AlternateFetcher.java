package newsflow.enrich.process;

/**
 * Gets an alternate version (AMP, print) of a page that turned out to be a shell. {@link ArticleBuilder} does no
 * I/O of its own: the caller fetches, through the same fetcher, robots.txt check and per-host politeness as the
 * page itself.
 */
@FunctionalInterface
public interface AlternateFetcher {

    /** Fetches nothing: the article is built from the page as it is (for {@code newsflow extract}, tests). */
    AlternateFetcher NONE = url -> new PageOutcome.NotFetched("alternate versions are not fetched here");

    /** The outcome of fetching {@code url}; never throws. */
    PageOutcome fetch(String url);
}
