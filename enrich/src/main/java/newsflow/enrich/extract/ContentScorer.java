package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readability-style content scoring on a cleaned page. Every paragraph-like element with at least
 * {@value #MIN_PARAGRAPH_CHARS} characters scores {@code 1 + commas + min(chars / 100, 3)}; the score flows to
 * its parent in full, to its grandparent halved and further up divided by {@code 3 × level}. Containers start
 * from a tag prior (div +5, lists −3, headings −5) and a class/id prior (±25); the final score is scaled by
 * {@code 1 − link density}. The winner moves up to the ancestor of its near-tied rivals when text is split into
 * many similar blocks, out of a data table that outscored the prose around it, and out of wrappers it is the only
 * filled child of; it is then widened with those siblings that score well or read like prose, plus headings, lists
 * and tables that sit between selected siblings.
 */
final class ContentScorer {

    static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int MAX_LEVELS = 5;
    private static final int TOP_CANDIDATES = 5;
    private static final Set<String> TABLE_PARTS = Set.of("table", "tbody", "thead", "tfoot", "tr");
    private static final int MIN_RIVALS = 3;
    private static final double RIVAL_RATIO = 0.75;
    private static final int MIN_TWINS = 2;
    private static final double TWIN_RATIO = 0.5;
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> BLOCK_CHILDREN = Set.of(
            "p", "div", "section", "article", "table", "ul", "ol", "dl", "blockquote", "pre", "h1", "h2", "h3",
            "h4", "h5", "h6", "figure", "form", "header", "footer", "aside", "nav", "main");
    private static final Set<String> BETWEEN = Set.of(
            "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "figure", "pre");
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|"
                    + "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
                    + "sponsor|shopping|tags|tool|widget|byline|author|dateline|newsletter|cookie",
            Pattern.CASE_INSENSITIVE);
    /** Commas of the world's scripts (Latin, Arabic, small and fullwidth forms, CJK ideographic). */
    private static final String PASS = "content scoring";
    private static final Evaluator LINKS = QueryParser.parse("a");
    private static final String COMMAS = ",\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001";

    private ContentScorer() {
    }

    /**
     * The selected content: the best container and its qualifying siblings, in document order; {@code scores}
     * holds every scored container's final score, so that a doubtful choice can be made again elsewhere
     * ({@link DoubtfulWinner}).
     */
    record Selection(Element top, double topScore, List<Element> elements, Map<Element, Double> scores) {
        int textLength() {
            int n = 0;
            for (Element e : elements) {
                n += e.text().length();
            }
            return n;
        }
    }

    /** Empty selection (top null) when nothing on the page reads like a paragraph. */
    static Selection select(Element root) {
        return select(root, ElementMeasures.of(root, ExtractionBudget.unlimited(), PASS));
    }

    /** As {@link #select(Element)}, with the measures of {@code root}'s (unchanged) subtree. */
    static Selection select(Element root, ElementMeasures m) {
        Map<Element, Double> scores = score(root, m);
        Element[] leaders = new Element[TOP_CANDIDATES];
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            m.budget().tick(PASS);
            double finalScore = e.getValue() * (1 - m.linkDensity(e.getKey()));
            e.setValue(finalScore);
            if (finalScore > 0) {
                rank(leaders, e.getKey(), scores);
            }
        }
        Element top = leaders[0];
        if (top == null) {
            return new Selection(null, 0, List.of(), scores);
        }
        double best = scores.get(top);
        Element framed = commonAncestorOfRivals(top, leaders, scores);
        if (framed == top) {
            framed = commonAncestorOfTwins(top, scores, m);
        }
        top = climbSingleWrappers(outOfTable(framed), scores);
        double topScore = scores.getOrDefault(top, best);
        return new Selection(top, topScore, withSiblings(top, topScore, scores, m), scores);
    }

    /**
     * The selection made around {@code candidate} instead of the {@code rejected} winner: same framing and sibling
     * rules, except that the rejected block (and any sibling holding it) is not taken back in as a sibling.
     */
    static Selection selectAt(Element candidate, Element rejected, Map<Element, Double> scores, ElementMeasures m) {
        double best = scores.getOrDefault(candidate, 0.0);
        Element top = climbSingleWrappers(outOfTable(candidate), scores);
        if (rejected != null && (top == rejected || isInside(rejected, top))) {
            top = candidate;
        }
        double topScore = scores.getOrDefault(top, best);
        List<Element> kept = new ArrayList<>();
        for (Element e : withSiblings(top, topScore, scores, m)) {
            if (e == top || rejected == null || e != rejected && !isInside(rejected, e)) {
                kept.add(e);
            }
        }
        return new Selection(top, topScore, kept, scores);
    }

    /** Inserts {@code e} into the best-first array of leading candidates when it scores high enough. */
    private static void rank(Element[] leaders, Element e, Map<Element, Double> scores) {
        double score = scores.get(e);
        for (int i = 0; i < leaders.length; i++) {
            if (leaders[i] == null || score > scores.get(leaders[i])) {
                System.arraycopy(leaders, i, leaders, i + 1, leaders.length - i - 1);
                leaders[i] = e;
                return;
            }
        }
    }

    /**
     * Text split into many similar blocks (steps of a how-to, one container per paragraph group, a section per
     * chapter) makes each block a near-tie: when at least {@value #MIN_RIVALS} of the leading candidates score
     * within {@value #RIVAL_RATIO} of the winner, the closest ancestor of the winner that holds that many of
     * them is the article (Readability's rule for alternative candidates).
     */
    private static Element commonAncestorOfRivals(Element top, Element[] leaders, Map<Element, Double> scores) {
        double topScore = scores.get(top);
        List<Element> rivals = new ArrayList<>();
        for (int i = 1; i < leaders.length && leaders[i] != null; i++) {
            if (scores.get(leaders[i]) >= RIVAL_RATIO * topScore) {
                rivals.add(leaders[i]);
            }
        }
        if (rivals.size() < MIN_RIVALS) {
            return top;
        }
        // How many rivals each ancestor holds, counted in one walk up per rival: a walk per ancestor and rival
        // would cost the square of the depth on deeply nested pages.
        Map<Element, Integer> holding = new IdentityHashMap<>();
        for (Element rival : rivals) {
            for (Element p = rival.parent(); p != null; p = p.parent()) {
                holding.merge(p, 1, Integer::sum);
            }
        }
        for (Element ancestor = top.parent(); ancestor != null && !ancestor.nameIs("body"); ancestor = ancestor.parent()) {
            if (holding.getOrDefault(ancestor, 0) >= MIN_RIVALS) {
                return ancestor;
            }
        }
        return top;
    }

    /**
     * A body built from many blocks made alike (one styled container per section: same tag, same class) can have
     * its sections score unevenly, so that fewer than {@value #MIN_RIVALS} of them are among the leading five and
     * {@link #commonAncestorOfRivals} does not see the split: when at least {@value #MIN_TWINS} other candidates
     * built like the winner score at least {@value #TWIN_RATIO} of it, the closest ancestor holding at least half
     * of them (and {@value #MIN_TWINS}) is the article. Teaser cards are built alike too, but their link density
     * keeps their scores far below an article section's; nested twins (a block inside one like it) do not count.
     */
    private static Element commonAncestorOfTwins(Element top, Map<Element, Double> scores, ElementMeasures m) {
        String className = top.className();
        if (className.isBlank()) {
            return top;
        }
        double topScore = scores.get(top);
        List<Element> twins = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            m.budget().tick(PASS);
            Element c = e.getKey();
            if (c != top && e.getValue() >= TWIN_RATIO * topScore && c.normalName().equals(top.normalName())
                    && c.className().equals(className) && !isInside(c, top) && !isInside(top, c)) {
                twins.add(c);
            }
        }
        if (twins.size() < MIN_TWINS) {
            return top;
        }
        int needed = Math.max(MIN_TWINS, (twins.size() + 1) / 2);
        Map<Element, Integer> holding = new IdentityHashMap<>();
        for (Element twin : twins) {
            for (Element p = twin.parent(); p != null; p = p.parent()) {
                holding.merge(p, 1, Integer::sum);
            }
        }
        for (Element ancestor = top.parent(); ancestor != null && !ancestor.nameIs("body"); ancestor = ancestor.parent()) {
            if (holding.getOrDefault(ancestor, 0) >= needed) {
                return ancestor;
            }
        }
        return top;
    }

    static boolean isInside(Element inner, Element outer) {
        for (Element p = inner.parent(); p != null; p = p.parent()) {
            if (p == outer) {
                return true;
            }
        }
        return false;
    }

    private static Map<Element, Double> score(Element root, ElementMeasures m) {
        // in the order the blocks are met (elements hash by identity): every pass over the scores, and so every tie,
        // goes the same way on every parse; an identity map's order changed from one parse to the next
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element el : root.getAllElements()) {
            m.budget().tick(PASS);
            if (!isParagraphLike(el)) {
                continue;
            }
            int length = m.textLength(el);
            if (length < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double contentScore = 1 + m.countChars(el, COMMAS) + Math.min(length / 100.0, 3);
            Element ancestor = el.parent();
            for (int level = 0; ancestor != null && level < MAX_LEVELS; level++, ancestor = ancestor.parent()) {
                if (ancestor.normalName().equals("html") || ancestor.normalName().equals("#root")) {
                    break;
                }
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor));
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, contentScore / divider, Double::sum);
            }
        }
        return scores;
    }

    private static boolean isParagraphLike(Element el) {
        String tag = el.normalName();
        if (SCORED.contains(tag)) {
            return true;
        }
        // Divs and sections without block children are paragraphs written without <p>.
        if (tag.equals("div") || tag.equals("section")) {
            for (Element child : el.children()) {
                if (BLOCK_CHILDREN.contains(child.normalName())) {
                    return false;
                }
            }
            return !el.ownText().isBlank();
        }
        return false;
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    static double classWeight(Element e) {
        double weight = 0;
        String className = UtilityClasses.withoutStyleOnly(e.className()).toLowerCase(Locale.ROOT);
        String id = e.id().toLowerCase(Locale.ROOT);
        if (!className.isEmpty()) {
            weight += NEGATIVE.matcher(className).find() ? -25 : 0;
            weight += POSITIVE.matcher(className).find() ? 25 : 0;
        }
        if (!id.isEmpty()) {
            weight += NEGATIVE.matcher(id).find() ? -25 : 0;
            weight += POSITIVE.matcher(id).find() ? 25 : 0;
        }
        if (e.hasAttr("itemprop") && e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            weight += 50;
        }
        return weight;
    }

    /**
     * Cells are scored like paragraphs, so a long data table (a list of films, results, prices) can outscore the
     * prose around it: the table is then part of the article, and the block holding it is the article. A single
     * cell (old sites lay whole pages out in tables) stays the winner.
     */
    private static Element outOfTable(Element top) {
        Element current = top;
        while (TABLE_PARTS.contains(current.normalName()) && current.parent() != null
                && !current.parent().nameIs("body")) {
            current = current.parent();
        }
        return current;
    }

    /** When the winner is the only real child of its parent, the parent is the same content with a better frame. */
    private static Element climbSingleWrappers(Element top, Map<Element, Double> scores) {
        Element current = top;
        while (current.parent() != null && !current.parent().normalName().equals("body")
                && isOnlyFilledChild(current) && scores.containsKey(current.parent())) {
            current = current.parent();
        }
        return current;
    }

    /** No sibling holds text or an image: empty ad slots and spacers left by cleaning do not count. */
    private static boolean isOnlyFilledChild(Element e) {
        for (Element sibling : e.parent().children()) {
            if (sibling != e && (sibling.hasText() || sibling.selectFirst("img") != null)) {
                return false;
            }
        }
        return true;
    }

    private static List<Element> withSiblings(Element top, double topScore, Map<Element, Double> scores,
                                              ElementMeasures m) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> siblings = parent.children();
        boolean[] chosen = new boolean[siblings.size()];
        for (int i = 0; i < siblings.size(); i++) {
            Element sibling = siblings.get(i);
            chosen[i] = sibling == top || qualifies(sibling, top, topScore, threshold, scores, m);
        }
        // Headings, lists and tables between two chosen siblings belong to the same text.
        int first = -1;
        int last = -1;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            Element s = siblings.get(i);
            boolean between = i > first && i < last && BETWEEN.contains(s.normalName()) && m.linkDensity(s) < 0.5;
            if (chosen[i] || between) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean qualifies(Element sibling, Element top, double topScore, double threshold,
                                     Map<Element, Double> scores, ElementMeasures m) {
        boolean sameClass = !top.className().isEmpty() && top.className().equals(sibling.className());
        double bonus = sameClass ? topScore * 0.2 : 0;
        Double score = scores.get(sibling);
        if (score != null && score + bonus >= threshold) {
            return true;
        }
        if (score == null && sameClass) {
            // A block built like the winner whose paragraphs sit deeper than scores flow (an intro section
            // wrapped in more layers than the rest): judged on its text.
            return m.textLength(sibling) > 80 && m.linkDensity(sibling) < 0.25;
        }
        if (sibling.nameIs("p") || isParagraphLike(sibling)) {
            int length = m.textLength(sibling);
            double density = m.linkDensity(sibling);
            if (length > 80) {
                return density < 0.25;
            }
            return length > 0 && density == 0 && m.text(sibling).matches("(?s).*[.!?:\"”»]\\s*$");
        }
        return false;
    }

    /** Share of the element's text that sits inside links; 0 for empty elements. */
    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / total);
    }
}
