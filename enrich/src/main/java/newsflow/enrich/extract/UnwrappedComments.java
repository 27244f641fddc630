package newsflow.enrich.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reader comments written straight into the post's container without a wrapper: Movable Type's classic templates
 * put each comment in a bare {@code <div id="c169900">} (or after an empty anchor {@code <a id="c64002784"></a>})
 * followed by a {@code <p class="posted">Posted by: …</p>} line, as siblings of the story's own paragraphs, so no
 * class or id names the thread and the scorer takes it in with the story. When a container holds at least
 * {@value #MIN_COMMENTS} children with such numbered ids, the run from the first to the last of them is dropped,
 * with the last comment's paragraphs up to its "posted" line (when one follows within a few paragraphs).
 */
final class UnwrappedComments {

    /** One numbered block may be anything (a chapter "c1"); a run of them is a thread. */
    static final int MIN_COMMENTS = 2;
    /** "c169900", "comment-4411", "comment_12": a comment's number as its whole id. */
    private static final Pattern COMMENT_ID = Pattern.compile("(?i)(c|comment[-_]?)\\d{3,}");
    private static final int MAX_POSTED_LINE = 200;
    /** Paragraphs of the last comment looked through for its "posted" line. */
    private static final int MAX_LAST_COMMENT_PARAGRAPHS = 20;
    private static final String PASS = "boilerplate cleaning";

    private UnwrappedComments() {
    }

    /** Removes unwrapped comment runs under {@code root}, in place. */
    static void remove(Element root, ExtractionBudget budget) {
        Map<Element, List<Element>> byParent = new IdentityHashMap<>();
        for (Element e : root.getAllElements()) {
            budget.tick(PASS);
            if (isMarker(e) && e.parent() != null && COMMENT_ID.matcher(e.id()).matches()) {
                byParent.computeIfAbsent(e.parent(), p -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<Element, List<Element>> run : byParent.entrySet()) {
            if (run.getValue().size() >= MIN_COMMENTS) {
                removeRun(run.getKey(), run.getValue().getFirst(), run.getValue().getLast(), budget);
            }
        }
    }

    private static void removeRun(Element parent, Element first, Element last, ExtractionBudget budget) {
        List<Element> children = parent.children();
        int from = first.elementSiblingIndex();
        int to = last.elementSiblingIndex();
        for (int i = to + 1; i < children.size() && i <= to + MAX_LAST_COMMENT_PARAGRAPHS
                && children.get(i).nameIs("p"); i++) {
            if (isPostedLine(children.get(i))) {
                to = i;
                break;
            }
        }
        List<Element> doomed = new ArrayList<>(children.subList(from, to + 1));
        for (Element e : doomed) {
            budget.tick(PASS);
            e.remove();
        }
    }

    /** A comment's block ({@code div}) or the empty anchor before its paragraphs. */
    private static boolean isMarker(Element e) {
        return !e.id().isEmpty() && (e.nameIs("div") || e.nameIs("a") && !e.hasText() && e.childrenSize() == 0);
    }

    /** The comment's signature line: a short paragraph classed "posted" or reading "Posted by …". */
    private static boolean isPostedLine(Element e) {
        String text = e.text();
        return text.length() < MAX_POSTED_LINE
                && (e.hasClass("posted") || text.regionMatches(true, 0, "posted by", 0, "posted by".length()));
    }
}
