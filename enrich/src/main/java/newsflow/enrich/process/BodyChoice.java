package newsflow.enrich.process;

import newsflow.common.model.Extraction.Method;
import newsflow.common.model.Extraction.PageFlag;
import newsflow.enrich.extract.WordCounter;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chooses an article's body between the page's extracted text and the feed's own content or summary, by quality:
 * <ol>
 *   <li>no usable page: the feed's content, else its summary;</li>
 *   <li>the page is a paywall or consent stub: the feed's content, else its summary, else the stub's text;</li>
 *   <li>thin page text (under {@value #MIN_PAGE_CHARS} characters): whichever of page, feed content and summary
 *       has the most words (the page on a tie);</li>
 *   <li>the feed's full content has {@value #FEED_CONTENT_RATIO} times the page's words: the feed's content. A
 *       truncated feed content (ending in "…", "[…]", "Read more") is a teaser, not full content, and never wins
 *       here;</li>
 *   <li>otherwise the page.</li>
 * </ol>
 * The reason is non-null whenever the page was fetched but not used, or not available.
 *
 * @param method where the body comes from
 * @param body   the chosen text
 * @param reason why the page was not used (null when it was)
 */
record BodyChoice(Method method, String body, String reason) {

    static final int MIN_PAGE_CHARS = 250;
    /** The page is not used when the feed's full content has this many times more words. */
    static final double FEED_CONTENT_RATIO = 2.0;

    /** A last line that cuts the text short: an ellipsis, "[…]" or a "read more" link's label. */
    private static final Pattern TRUNCATED_END = Pattern.compile(
            "(?i)(…|\\.\\.\\.|\\[\\s*(…|\\.\\.\\.)\\s*]|\\b(read more|continue reading|read the (full|rest of the) (article|story|post))"
                    + "[\\s\\p{P}→»›]*)$");

    /**
     * @param pageProblem why there is no page text to consider (fetch failed, not HTML …), null when there is
     * @param pageBody    the page's extracted text ("" when none)
     * @param pageFlag    the page is a stub, null when not
     * @param feedContent the feed's full content as text ("" when none)
     * @param feedSummary the feed's summary as text ("" when none)
     */
    static BodyChoice choose(String pageProblem, String pageBody, PageFlag pageFlag, String feedContent, String feedSummary) {
        if (pageProblem != null) {
            return feedOr(pageProblem, feedContent, feedSummary, "");
        }
        int pageWords = WordCounter.count(pageBody);
        if (pageFlag != null) {
            return feedOr("page is a " + pageFlag.name().toLowerCase(Locale.ROOT) + " stub (" + pageWords + " words)",
                    feedContent, feedSummary, pageBody);
        }
        if (pageBody.length() < MIN_PAGE_CHARS) {
            String reason = "page text too short (" + pageBody.length() + " characters)";
            int contentWords = WordCounter.count(feedContent);
            int summaryWords = WordCounter.count(feedSummary);
            if (contentWords > pageWords && contentWords >= summaryWords) {
                return new BodyChoice(Method.FEED_CONTENT, feedContent, reason);
            }
            if (summaryWords > pageWords) {
                return new BodyChoice(Method.FEED_SUMMARY, feedSummary, reason);
            }
            // Thin, but still more than the feed offers: the page is used, so there is no fallback to report.
            return new BodyChoice(Method.PAGE, pageBody, null);
        }
        int feedWords = WordCounter.count(feedContent);
        if (feedWords > FEED_CONTENT_RATIO * pageWords && !truncated(feedContent)) {
            return new BodyChoice(Method.FEED_CONTENT, feedContent,
                    "page text (" + pageWords + " words) much shorter than the feed's content (" + feedWords + " words)");
        }
        return new BodyChoice(Method.PAGE, pageBody, null);
    }

    /** Whether a feed text ends the way teasers do. */
    static boolean truncated(String text) {
        String end = text.strip();
        return TRUNCATED_END.matcher(end.length() > 80 ? end.substring(end.length() - 80) : end).find();
    }

    private static BodyChoice feedOr(String reason, String feedContent, String feedSummary, String pageBody) {
        if (!feedContent.isEmpty()) {
            return new BodyChoice(Method.FEED_CONTENT, feedContent, reason);
        }
        if (!feedSummary.isEmpty()) {
            return new BodyChoice(Method.FEED_SUMMARY, feedSummary, reason);
        }
        // Nothing from the feed: a stub's text is better than nothing, with the reason kept (the flag says why).
        return pageBody.isEmpty() ? new BodyChoice(Method.FEED_SUMMARY, "", reason) : new BodyChoice(Method.PAGE, pageBody, reason);
    }
}
