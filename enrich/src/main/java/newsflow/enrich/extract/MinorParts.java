package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Removes the parts of the chosen content that a pass finds around some of its links or pictures (cards wrapped in a
 * link, call-to-action boxes, an author's photo and bio), unless together they are more than a share of its text: then they are what was chosen (a
 * post that is a list of cards), and the content is left as it is.
 */
final class MinorParts {

    private static final String PASS = "content pruning";

    /** The part of the content around a link (one element, or a run of siblings); empty when the link marks none. */
    @FunctionalInterface
    interface Finder {
        List<Element> partAround(Element link, Element root, ElementMeasures m);
    }

    private MinorParts() {
    }

    /** @return {@code content}, the parts removed from its roots when they are at most {@code maxShare} of its text */
    static List<Element> remove(List<Element> content, ExtractionBudget budget, Evaluator links, Finder finder,
                                double maxShare) {
        Set<Element> parts = Collections.newSetFromMap(new IdentityHashMap<>());
        int total = 0;
        int inParts = 0;
        for (Element root : content) {
            budget.check(PASS);
            ElementMeasures m = ElementMeasures.of(root, budget, PASS);
            total += m.textLength(root);
            for (Element link : root.select(links)) {
                budget.tick(PASS);
                for (Element part : finder.partAround(link, root, m)) {
                    if (parts.add(part)) {
                        inParts += m.textLength(part);
                    }
                }
            }
        }
        if (parts.isEmpty() || inParts > maxShare * total) {
            return content;
        }
        new ArrayList<>(parts).forEach(Element::remove);
        return content;
    }
}
