package newsflow.enrich.extract;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Per-element text measures of a subtree, computed once: the text length Jsoup's {@code text()} would give, the
 * link text inside, and sums or flags over the descendants matching a selector, each aggregated bottom-up in one
 * pass. Asking {@code e.text()} or {@code e.select("a")} of every element costs the subtree's size per element, so
 * the square of the depth on deeply nested pages; here every answer is a table look-up.
 *
 * <p>The root's text is accumulated once exactly as {@code Element.text()} does (whitespace normalised, a space
 * between blocks); an element's text is that accumulation between its start and its end, trimmed: the
 * accumulation of a subtree depends on what precedes it only in leading white space, which the trim drops.
 *
 * <p>Measures describe the tree when they were taken: a pass that removes elements answers for a subtree only while
 * that subtree is intact. Elements outside the measured subtree are measured directly (the slow way).
 */
final class ElementMeasures {

    private static final Evaluator LINKS = QueryParser.parse("a");
    /** A combinator as a selector prints it ("div p", "div > p", "h2 + p"); a list's parts are joined by ", ". */
    private static final java.util.regex.Pattern DESCENDANT_OR_SIBLING = java.util.regex.Pattern.compile("[^,\\s] ");

    private final Map<Element, Integer> index;
    private final List<Element> elements;
    private final int[] parent;
    private final int[] start;
    private final int[] end;
    private final StringBuilder text;
    private final ExtractionBudget budget;
    private final Map<Object, int[]> sums = new HashMap<>();
    /** Count of non-white characters before each offset of the text, made when first asked. */
    private int[] visible;
    private final Map<String, int[]> charCounts = new HashMap<>();

    private ElementMeasures(Element root, ExtractionBudget budget, String pass) {
        this.budget = budget;
        this.index = new IdentityHashMap<>();
        this.elements = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        this.text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            int current = -1;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (preserveWhitespace(t.parentNode()) || t instanceof CDataNode) {
                        text.append(t.getWholeText());
                    } else {
                        StringUtil.appendNormalisedWhitespace(text, t.getWholeText(), lastCharIsWhitespace(text));
                    }
                } else if (node instanceof Element e) {
                    budget.tick(pass);
                    // Element.text() appends this space only when something precedes: here always the same rule,
                    // and the trim removes the space when the element's own text starts after it.
                    if (!text.isEmpty() && (e.isBlock() || e.nameIs("br")) && !lastCharIsWhitespace(text)) {
                        text.append(' ');
                    }
                    int i = elements.size();
                    index.put(e, i);
                    elements.add(e);
                    parents.add(current);
                    spans.add(new int[]{text.length(), -1});
                    current = i;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    int i = index.get(e);
                    spans.get(i)[1] = text.length();
                    current = parents.get(i);
                    Node next = e.nextSibling();
                    if (!e.tag().isInline() && (next instanceof TextNode || next instanceof Element n && n.tag().isInline())
                            && !lastCharIsWhitespace(text)) {
                        text.append(' ');
                    }
                }
            }
        }, root);
        int n = elements.size();
        parent = new int[n];
        start = new int[n];
        end = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = parents.get(i);
            int s = spans.get(i)[0];
            int e = spans.get(i)[1];
            // String.trim(): everything up to U+0020 is trimmed
            while (s < e && text.charAt(s) <= ' ') {
                s++;
            }
            while (e > s && text.charAt(e - 1) <= ' ') {
                e--;
            }
            start[i] = s;
            end[i] = e;
        }
    }

    /** Measures {@code root}'s subtree; {@code pass} names the caller for a budget overrun. */
    static ElementMeasures of(Element root, ExtractionBudget budget, String pass) {
        return new ElementMeasures(root, budget, pass);
    }

    ExtractionBudget budget() {
        return budget;
    }

    /** {@code e.text()}, from the table when {@code e} was measured. */
    String text(Element e) {
        Integer i = index.get(e);
        return i == null ? e.text() : text.substring(start[i], end[i]);
    }

    /**
     * Where {@code e}'s text starts and ends in the measured subtree's text, as shares of it (0 = top, 1 = bottom);
     * {@code {0, 1}} for an element outside the measured subtree.
     */
    double[] span(Element e) {
        Integer i = index.get(e);
        if (i == null || text.isEmpty()) {
            return new double[] {0, 1};
        }
        return new double[] {(double) start[i] / text.length(), (double) end[i] / text.length()};
    }

    /**
     * The text of {@code outer} without that of {@code inner}, elements inside it in document order, not nested in
     * each other; those outside it are ignored.
     */
    String textWithout(Element outer, List<Element> inner) {
        Integer o = index.get(outer);
        if (o == null) {
            String t = outer.text();
            for (Element e : inner) {
                t = t.replace(e.text(), " ");
            }
            return t;
        }
        StringBuilder rest = new StringBuilder();
        int at = start[o];
        for (Element e : inner) {
            Integer i = index.get(e);
            if (i != null && start[i] >= at && end[i] <= end[o]) {
                rest.append(text, at, start[i]).append(' ');
                at = end[i];
            }
        }
        return rest.append(text, at, end[o]).toString();
    }

    /** The first {@code max} characters of {@code e.text()}, without copying the rest. */
    String textPrefix(Element e, int max) {
        Integer i = index.get(e);
        if (i == null) {
            String t = e.text();
            return t.length() > max ? t.substring(0, max) : t;
        }
        return text.substring(start[i], Math.min(end[i], start[i] + max));
    }

    /** {@code e.text().isBlank()}. */
    boolean isBlank(Element e) {
        Integer i = index.get(e);
        if (i == null) {
            return e.text().isBlank();
        }
        if (visible == null) {
            visible = new int[text.length() + 1];
            for (int c = 0; c < text.length(); c++) {
                visible[c + 1] = visible[c] + (Character.isWhitespace(text.charAt(c)) ? 0 : 1);
            }
        }
        return visible[end[i]] == visible[start[i]];
    }

    /** How many characters of {@code e.text()} are one of {@code chars}; {@code chars} keys a memo: use a constant. */
    int countChars(Element e, String chars) {
        Integer i = index.get(e);
        if (i == null) {
            return countIn(e.text(), chars);
        }
        int[] prefix = charCounts.computeIfAbsent(chars, k -> {
            int[] counts = new int[text.length() + 1];
            for (int c = 0; c < text.length(); c++) {
                counts[c + 1] = counts[c] + (chars.indexOf(text.charAt(c)) >= 0 ? 1 : 0);
            }
            return counts;
        });
        return prefix[end[i]] - prefix[start[i]];
    }

    static int countIn(String text, String chars) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** {@code e.text().length()}. */
    int textLength(Element e) {
        Integer i = index.get(e);
        return i == null ? e.text().length() : end[i] - start[i];
    }

    /** Sum of {@code a.text().length()} over {@code e.select("a")}. */
    int linkChars(Element e) {
        return textLengthOf(e, LINKS);
    }

    /** Share of the element's text inside links; 0 for empty elements (as {@link ContentScorer#linkDensity}). */
    double linkDensity(Element e) {
        int total = textLength(e);
        return total == 0 ? 0 : Math.min(1.0, (double) linkChars(e) / total);
    }

    /*
     * Selectors given here must be simple (tags, attributes, classes, lists of them: no combinators), and created
     * once (they key the memo).
     */

    /** Sum of the text lengths of {@code e.select(selector)} (the element itself included when it matches). */
    int textLengthOf(Element e, Evaluator selector) {
        return sum(e, List.of(selector, "length"), matching(selector), this::textLength);
    }

    /** Size of {@code e.select(selector)}. */
    int count(Element e, Evaluator selector) {
        return sum(e, List.of(selector, "count"), matching(selector), el -> 1);
    }

    /** {@code e.selectFirst(selector) != null}. */
    boolean contains(Element e, Evaluator selector) {
        return count(e, selector) > 0;
    }

    /**
     * Matches as {@code select} does for a simple selector (Element.is would walk up to the root every time).
     *
     * @throws IllegalArgumentException for a structural selector ({@code :not}, {@code :has}, {@code :is},
     *                                  combinators): Jsoup memoises its matches in a per-thread map that only
     *                                  {@code select} clears, so matching it element by element here would keep every
     *                                  page a thread has seen
     */
    static Predicate<Element> matching(Evaluator selector) {
        if (isStructural(selector)) {
            throw new IllegalArgumentException("a structural selector cannot be matched element by element: " + selector);
        }
        return el -> selector.matches(el, el);
    }

    static boolean isStructural(Evaluator selector) {
        for (Class<?> c = selector.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getSimpleName().equals("StructuralEvaluator")) {
                return true;
            }
        }
        // a list or conjunction of selectors prints its parts: a structural part shows its pseudo-class or combinator
        String written = selector.toString();
        return written.contains(":not(") || written.contains(":has(") || written.contains(":is(")
                || DESCENDANT_OR_SIBLING.matcher(written).find();
    }

    /**
     * Sum of {@code value} over {@code e} and its descendants that pass {@code filter}; {@code key} names the
     * combination of filter and value for the memo (one table per key, made when first asked).
     */
    int sum(Element e, Object key, Predicate<Element> filter, ToIntFunction<Element> value) {
        Integer i = index.get(e);
        if (i == null) {
            int total = 0;
            for (Element m : e.getAllElements()) {
                if (filter.test(m)) {
                    total += value.applyAsInt(m);
                }
            }
            return total;
        }
        int[] values = sums.get(key);
        if (values == null) {
            values = aggregate(filter, value);
            sums.put(key, values);
        }
        return values[i];
    }

    /** One value per element, children folded into parents: elements are in document order, so backwards works. */
    private int[] aggregate(Predicate<Element> filter, ToIntFunction<Element> value) {
        int n = elements.size();
        int[] values = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            budget.tick("measures");
            Element el = elements.get(i);
            if (filter.test(el)) {
                values[i] += value.applyAsInt(el);
            }
            if (parent[i] >= 0) {
                values[parent[i]] += values[i];
            }
        }
        return values;
    }

    private static boolean lastCharIsWhitespace(StringBuilder sb) {
        return !sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ';
    }

    /** As Jsoup's: the element or one of its five closest ancestors keeps white space ({@code pre}, {@code textarea}). */
    private static boolean preserveWhitespace(Node node) {
        if (node instanceof Element el) {
            int i = 0;
            do {
                if (el.tag().preserveWhitespace()) {
                    return true;
                }
                el = el.parent();
                i++;
            } while (i < 6 && el != null);
        }
        return false;
    }
}
