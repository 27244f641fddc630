package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
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
    private static final String PASS = "content pruning";

    private LinkedCards() {
    }

    /** Removes the cards inside each root when they are under half of the content; returns the content. */
    static List<Element> remove(List<Element> content, ExtractionBudget budget) {
        List<Element> cards = new ArrayList<>();
        int total = 0;
        int carded = 0;
        for (Element root : content) {
            budget.check(PASS);
            ElementMeasures m = ElementMeasures.of(root, budget, PASS);
            total += m.textLength(root);
            for (Element a : root.select(LINKS)) {
                budget.tick(PASS);
                if (isCard(a, m)) {
                    cards.add(a);
                    carded += m.textLength(a);
                }
            }
        }
        if (cards.isEmpty() || carded > MAX_SHARE * total) {
            return content;
        }
        cards.forEach(Element::remove);
        return content;
    }

    /** A link holding a heading and another block of text beside it. */
    private static boolean isCard(Element a, ElementMeasures m) {
        int headed = m.textLengthOf(a, HEADINGS);
        return headed > 0 && m.textLength(a) > headed && m.contains(a, CARD_BLOCKS);
    }
}
