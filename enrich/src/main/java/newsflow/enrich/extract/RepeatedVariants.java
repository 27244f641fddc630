package newsflow.enrich.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Page builders (Framer's {@code ssr-variant} blocks, responsive "mobile"/"desktop" copies) render the whole story
 * once per screen size, as sibling containers with the same text, and CSS shows one of them: the body came out two
 * or three times over. Only whole containers are collapsed (a {@code div}, {@code section} or {@code article}
 * holding other elements, with at least {@value #MIN_CHARS} characters) whose text equals an earlier sibling's, so
 * a paragraph that a story repeats on purpose stays.
 */
final class RepeatedVariants {

    static final int MIN_CHARS = 200;
    /**
     * Earlier containers of the same length a container is compared with: copies are few (one per screen size), and
     * many blocks of one length (a generated page) must not cost a comparison per pair.
     */
    static final int MAX_COMPARED = 4;
    private static final String PASS = "content pruning";

    private RepeatedVariants() {
    }

    /** The content with later copies removed: roots that repeat an earlier root, and repeated containers inside. */
    static List<Element> collapse(List<Element> content, ExtractionBudget budget) {
        List<Element> kept = new ArrayList<>();
        Map<Integer, List<Element>> seenRoots = new HashMap<>();
        for (Element root : content) {
            budget.check(PASS);
            ElementMeasures m = ElementMeasures.of(root, budget, PASS);
            if (isContainer(root, m) && repeats(root, m, seenRoots)) {
                continue;
            }
            List<Element> doomed = new ArrayList<>();
            for (Element e : root.getAllElements()) {
                budget.tick(PASS);
                if (e.childrenSize() >= 2) {
                    doomed.addAll(repeatedChildren(e, m));
                }
            }
            doomed.forEach(Element::remove);
            kept.add(root);
        }
        return kept;
    }

    private static List<Element> repeatedChildren(Element parent, ElementMeasures m) {
        List<Element> out = new ArrayList<>();
        Map<Integer, List<Element>> seen = new HashMap<>();
        for (Element child : parent.children()) {
            m.budget().tick(PASS);
            if (isContainer(child, m) && repeats(child, m, seen)) {
                out.add(child);
            }
        }
        return out;
    }

    /** Whether {@code e}'s text was seen before; records it otherwise. Texts are compared only at equal lengths. */
    private static boolean repeats(Element e, ElementMeasures m, Map<Integer, List<Element>> seen) {
        List<Element> sameLength = seen.computeIfAbsent(m.textLength(e), n -> new ArrayList<>());
        if (!sameLength.isEmpty()) {
            String text = m.text(e);
            for (Element earlier : sameLength) {
                if (m.text(earlier).equals(text)) {
                    return true;
                }
            }
        }
        if (sameLength.size() < MAX_COMPARED) {
            sameLength.add(e);
        }
        return false;
    }

    private static boolean isContainer(Element e, ElementMeasures m) {
        return (e.nameIs("div") || e.nameIs("section") || e.nameIs("article")) && e.childrenSize() > 0
                && m.textLength(e) >= MIN_CHARS;
    }
}
