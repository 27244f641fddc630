package newsflow.enrich.process;

import newsflow.common.http.ContentTypes;
import newsflow.common.http.FetchResponse;
import newsflow.enrich.extract.ArticleExtractor;
import newsflow.enrich.extract.ExtractedPage;
import newsflow.enrich.extract.ExtractionBudget;
import newsflow.enrich.extract.ExtractionBudgetExceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;

/**
 * A page outcome read: the extraction when there is a usable HTML page, else why not.
 *
 * @param extracted  what the extractor found, null when there is no usable page
 * @param httpStatus status of the fetch, 0 when there was no response
 * @param finalUrl   the address that answered, null when none did
 * @param problem    why there is no page text to consider, null when there is
 * @param response   the response the page was extracted from, null when there is none
 */
record PageResult(ExtractedPage extracted, int httpStatus, String finalUrl, String problem, FetchResponse response) {

    private static final Set<String> HTML_TYPES = Set.of("", "text/html", "application/xhtml+xml", "text/plain",
            "application/xml", "text/xml");

    private static final Logger LOG = LoggerFactory.getLogger(PageResult.class);

    /** Reads the outcome, extracting a page within {@link ExtractionBudget#DEFAULT}. */
    static PageResult read(PageOutcome outcome) {
        return read(outcome, ExtractionBudget.DEFAULT);
    }

    /**
     * Reads the outcome; a page whose extraction runs past {@code extractBudget} is not used (the problem says
     * so, and becomes the fallback reason when the feed's content is used instead).
     */
    static PageResult read(PageOutcome outcome, Duration extractBudget) {
        return switch (outcome) {
            case PageOutcome.NotFetched n -> new PageResult(null, 0, null, n.reason(), null);
            case PageOutcome.Failed f -> new PageResult(null, f.error().status(), null,
                    "page fetch failed: " + f.error().getMessage(), null);
            case PageOutcome.Fetched ok -> {
                var r = ok.response();
                String finalUrl = r.uri() == null ? null : r.uri().toString();
                String mediaType = ContentTypes.mediaType(r.contentType());
                if (r.notModified() || r.body() == null || r.body().length == 0) {
                    yield new PageResult(null, r.status(), finalUrl, "page response had no body (HTTP " + r.status() + ")", null);
                }
                if (!HTML_TYPES.contains(mediaType)) {
                    yield new PageResult(null, r.status(), finalUrl, "page is not HTML: " + mediaType, null);
                }
                ExtractedPage page;
                try {
                    page = ArticleExtractor.extract(r.body(), r.contentType(), finalUrl, ExtractionBudget.of(extractBudget));
                } catch (ExtractionBudgetExceeded e) {
                    LOG.warn("{} ({} bytes): {}; the feed's content is used", finalUrl, r.body().length, e.getMessage());
                    yield new PageResult(null, r.status(), finalUrl, e.getMessage(), null);
                }
                yield new PageResult(page, r.status(), finalUrl, null, r);
            }
        };
    }

    /** The same page with another extraction (a merge with its alternate version's). */
    PageResult withExtracted(ExtractedPage other) {
        return new PageResult(other, httpStatus, finalUrl, problem, response);
    }
}
