package newsflow.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How an article's body and metadata were obtained.
 *
 * @param method        where the body came from
 * @param httpStatus    status of the page fetch, 0 when no response was received
 * @param fallbackReason why the page was not used, null when it was; for a page that was a shell, also which of its
 *                      other versions (AMP, print) was used instead or why none was ({@code fieldSources.body} is then
 *                      {@code amp} or {@code print} when one was)
 * @param fieldSources  per field with a value (title, byline, published, …, body) where it came from; on the wire
 *                      the object of names it always was ({@code {"title":"json-ld","body":"feed"}})
 * @param extractor     name and version of the extractor that produced the body
 * @param pageFlag      what the fetched page turned out to be when it was a stub with little text (a paywall or a
 *                      consent wall), null otherwise; added later, so records written before it read as null
 * @param truncated     true when the body was cut so the article fits the broker's record limit (see
 *                      {@code docs/record-limits.md}); written only when true, so records without it read as false
 */
public record Extraction(
        Method method,
        int httpStatus,
        String fallbackReason,
        FieldSources fieldSources,
        String extractor,
        PageFlag pageFlag,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean truncated) {

    public Extraction {
        fieldSources = fieldSources == null ? FieldSources.NONE : fieldSources;
    }

    /** An extraction of a page that was no stub. */
    public Extraction(Method method, int httpStatus, String fallbackReason, FieldSources fieldSources, String extractor) {
        this(method, httpStatus, fallbackReason, fieldSources, extractor, null);
    }

    /** An extraction whose body was kept whole. */
    public Extraction(Method method, int httpStatus, String fallbackReason, FieldSources fieldSources, String extractor,
                      PageFlag pageFlag) {
        this(method, httpStatus, fallbackReason, fieldSources, extractor, pageFlag, false);
    }

    /** The same extraction, marked as having had its body cut to fit the record limit. */
    public Extraction asTruncated() {
        return new Extraction(method, httpStatus, fallbackReason, fieldSources, extractor, pageFlag, true);
    }

    /** A page that shows little text behind a wall instead of the article. */
    public enum PageFlag {
        /** Subscription or registration wall: the page says the article is not free to read. */
        PAYWALL,
        /** Cookie or privacy consent wall in front of the article. */
        CONSENT
    }

    public enum Method {
        /** Extracted from the fetched article page. */
        PAGE,
        /** The page could not be used; the body is the feed's own full content. */
        FEED_CONTENT,
        /** The page could not be used and the feed had only a summary. */
        FEED_SUMMARY
    }
}
