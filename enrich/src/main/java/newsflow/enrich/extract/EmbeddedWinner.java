package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.List;
import java.util.Set;

/**
 * Second opinion on a winner that sits inside the page's declared article container ({@code itemprop=articleBody},
 * an {@code <article>}): a photo gallery's fifty captions or a box of teasers embedded in the story can outscore
 * the story's own paragraphs around it, and then hold most of the container's text. Such a winner is doubtful when
 * it shares few words with the page's description ({@link DoubtfulWinner}'s measure), while the rest of the
 * container shares many and is prose of its own: the container is then the article, without the embedded block.
 * {@link DoubtfulWinner} cannot make this choice, since it only looks at blocks that neither hold the winner nor
 * sit inside it.
 */
final class EmbeddedWinner {

    /** Paragraph text the container must keep without the winner: a story, not a headline and a dek. */
    static final int MIN_REST_PROSE = 500;
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");

    private EmbeddedWinner() {
    }

    /**
     * Whether {@code selected} (the scorer's choice, inside {@code declared}) is a block embedded in the story that
     * the story, {@code declared} without it, should replace.
     *
     * @param description the page's description (null or short: nothing to judge by)
     */
    static boolean isEmbedded(List<Element> selected, Element declared, String description, ElementMeasures m) {
        if (description == null || selected.isEmpty()) {
            return false;
        }
        Set<String> wanted = DoubtfulWinner.words(description);
        if (wanted.size() < DoubtfulWinner.MIN_QUERY_WORDS) {
            return false;
        }
        StringBuilder chosen = new StringBuilder();
        int chosenProse = 0;
        for (Element e : selected) {
            chosen.append(m.text(e)).append(' ');
            chosenProse += m.textLengthOf(e, PARAGRAPHS);
        }
        double own = DoubtfulWinner.overlap(wanted, chosen.toString());
        if (own >= DoubtfulWinner.DOUBT_BELOW
                || m.textLengthOf(declared, PARAGRAPHS) - chosenProse < MIN_REST_PROSE) {
            return false;
        }
        double rest = DoubtfulWinner.overlap(wanted, m.textWithout(declared, selected));
        return rest >= DoubtfulWinner.REPLACEMENT_AT_LEAST && rest >= 2 * own;
    }
}
