package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.List;

/**
 * A card is a block wrapped whole in one link: a heading and a line of pitch inside an {@code <a>} ("Free Storyboard
 * Template — We designed this template … Download"), the way sites write a teaser of another page or a download
 * offer inside a story. A story's own sentences link words, never whole headed blocks, so such a link is removed
 * from the chosen content, unless the cards are most of what was chosen (a post that is a list of cards).
 */
final class LinkedCards {

    private static final Evaluator CARD_BLOCKS = QueryParser.parse("h1, h2, h3, h4, h5, h6, p, div, ul, ol");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator LINKS = QueryParser.parse("a");
    /** Cards may take at most this share of the chosen text. */
    private static final double MAX_SHARE = 0.5;

    private LinkedCards() {
    }

    /** Removes the cards inside each root when they are at most half of the content; returns the content. */
    static List<Element> remove(List<Element> content, ExtractionBudget budget) {
        return MinorParts.remove(content, budget, LINKS, (a, root, m) -> isCard(a, m) ? List.of(a) : List.of(), MAX_SHARE);
    }

    /** A link holding a heading and another block of text beside it. */
    private static boolean isCard(Element a, ElementMeasures m) {
        int headed = m.textLengthOf(a, HEADINGS);
        return headed > 0 && m.textLength(a) > headed && m.contains(a, CARD_BLOCKS);
    }
}
