package newsflow.enrich.extract;

import org.jsoup.nodes.Element;

import java.util.Set;

/**
 * Second opinion on a winner that comes before the page's own headline. A story follows its headline; a block
 * that precedes the heading repeating the page's title, does not hold it and shares few of its words is a sidebar
 * (an "About me" profile, a blogroll) that outscored a short post, typically one whose text is a list of links
 * the scorer discounts. The block right after the headline is then chosen, when it has text and is not mostly
 * links, with the scorer's own framing and sibling rules.
 */
final class WinnerBeforeHeadline {

    /** The winner is doubtful when it holds less than this share of the title's words. */
    static final double DOUBT_BELOW = 0.5;
    /** Least text for the block after the headline to be the story. */
    static final int MIN_FOLLOWER_CHARS = 100;
    /** A follower with more of its text in links than this is a list of teasers, not a post. */
    static final double MAX_FOLLOWER_LINK_DENSITY = 0.6;
    private static final String PASS = "content selection";

    private WinnerBeforeHeadline() {
    }

    /** The scorer's selection, or the one made at the block after the headline when the winner precedes it. */
    static ContentScorer.Selection reconsider(ContentScorer.Selection scored, Element root, String title,
                                              ElementMeasures m) {
        Element top = scored.top();
        if (top == null || title == null || ArticleExtractor.key(title).isEmpty()) {
            return scored;
        }
        Element headline = headline(root, ArticleExtractor.key(title), m);
        if (headline == null || headline == top || ContentScorer.isInside(headline, top)
                || ContentScorer.isInside(top, headline) || !precedes(top, headline, root, m)) {
            return scored;
        }
        Set<String> titleWords = DoubtfulWinner.words(title);
        if (titleWords.isEmpty() || DoubtfulWinner.overlap(titleWords, m.text(top)) >= DOUBT_BELOW) {
            return scored;
        }
        Element follower = headline.nextElementSibling();
        if (follower == null || m.textLength(follower) < MIN_FOLLOWER_CHARS
                || m.linkDensity(follower) > MAX_FOLLOWER_LINK_DENSITY) {
            return scored;
        }
        return ContentScorer.selectAt(follower, top, scored.scores(), m);
    }

    /** The first h1–h3 whose text is the title. */
    private static Element headline(Element root, String titleKey, ElementMeasures m) {
        for (Element e : root.getAllElements()) {
            m.budget().tick(PASS);
            if ((e.nameIs("h1") || e.nameIs("h2") || e.nameIs("h3")) && ArticleExtractor.key(e.text()).equals(titleKey)) {
                return e;
            }
        }
        return null;
    }

    /** Whether {@code a} starts before {@code b} in document order (neither holds the other). */
    private static boolean precedes(Element a, Element b, Element root, ElementMeasures m) {
        for (Element e : root.getAllElements()) {
            m.budget().tick(PASS);
            if (e == a) {
                return true;
            }
            if (e == b) {
                return false;
            }
        }
        return false;
    }
}
