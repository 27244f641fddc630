package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A call-to-action box inside the story: a line of pitch and a link styled as a button ("Try it free: Get Started",
 * "Your keys to a better career … Start a Free Trial"). A story's text links words in its sentences; a link drawn as
 * a button ({@code elementor-button}, {@code wp-block-button__link}, {@code btn btn-primary}) is a control, and the
 * small block around it (at most {@value #MAX_BOX_CHARS} characters) is the promotion it belongs to. Page builders
 * also write such a box as separate blocks, a picture, a pitch and the button, set off from the story by a
 * thematic break ({@code <hr>}) on each side: the blocks between the two breaks are then the box, when they are as
 * short. A note set wholly in italics whose link goes to a sign-up page (a path naming a newsletter, a subscription,
 * a sign-up) is such a box too: the story's own sentences are not set apart so, and a plain sentence that links a
 * subscription page ("We have rolled out the subscription option") is news, so it is kept. Removed from the chosen
 * content, unless the boxes are a large share of it.
 */
final class ButtonBoxes {

    static final int MAX_BOX_CHARS = 300;
    /** Boxes may take at most this share of the chosen text. */
    private static final double MAX_SHARE = 0.3;
    private static final Set<String> BUTTON_WORDS = Set.of("button", "btn", "cta");
    private static final Pattern PARTS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Evaluator LINKS = QueryParser.parse("a[class], a[href]");
    private static final Evaluator EMPHASIS = QueryParser.parse("em, i");
    private static final Set<String> SIGN_UP_WORDS = Set.of("newsletter", "newsletters", "subscribe", "signup");
    private static final Evaluator BREAKS = QueryParser.parse("hr");
    /** A box written as separate blocks is a picture, a pitch and a button or two, not a run of many blocks. */
    static final int MAX_BOX_BLOCKS = 8;

    private ButtonBoxes() {
    }

    static List<Element> remove(List<Element> content, ExtractionBudget budget) {
        return MinorParts.remove(content, budget, LINKS, ButtonBoxes::boxAround, MAX_SHARE);
    }

    /**
     * The largest block around a button link with at most {@value #MAX_BOX_CHARS} characters, or the run of blocks
     * between two breaks that holds it when that is as short; empty for other links.
     */
    private static List<Element> boxAround(Element a, Element root, ElementMeasures m) {
        boolean button = isButton(a);
        if (!(button || isSignUp(a)) || m.textLength(a) == 0) {
            return List.of();
        }
        Element box = a;
        for (Element p = a.parent(); p != null && p != root && m.textLength(p) <= MAX_BOX_CHARS; p = p.parent()) {
            box = p;
        }
        if (!button && !isNoteInEmphasis(box, m)) {
            return List.of();
        }
        List<Element> between = betweenBreaks(box, m);
        return between.isEmpty() ? List.of(box) : between;
    }

    /**
     * {@code box} and its siblings up to a break on each side, if they have at most {@value #MAX_BOX_CHARS} chars
     * and {@value #MAX_BOX_BLOCKS} blocks (which also bounds the walk: empty siblings add no text).
     */
    private static List<Element> betweenBreaks(Element box, ElementMeasures m) {
        Deque<Element> run = new ArrayDeque<>();
        run.add(box);
        int chars = m.textLength(box);
        Element before = box.previousElementSibling();
        for (; before != null && !isBreak(before, m); before = before.previousElementSibling()) {
            chars += m.textLength(before);
            run.addFirst(before);
            if (chars > MAX_BOX_CHARS || run.size() > MAX_BOX_BLOCKS) {
                return List.of();
            }
        }
        Element after = box.nextElementSibling();
        for (; after != null && !isBreak(after, m); after = after.nextElementSibling()) {
            chars += m.textLength(after);
            run.addLast(after);
            if (chars > MAX_BOX_CHARS || run.size() > MAX_BOX_BLOCKS) {
                return List.of();
            }
        }
        return before == null || after == null ? List.of() : List.copyOf(run);
    }

    /** A thematic break: an {@code <hr>}, or a block that holds one and no text. */
    private static boolean isBreak(Element e, ElementMeasures m) {
        return e.nameIs("hr") || m.textLength(e) == 0 && m.contains(e, BREAKS);
    }

    /** A block set wholly in emphasis: an editor's note beside the story, not a sentence of it. */
    private static boolean isNoteInEmphasis(Element box, ElementMeasures m) {
        return box.isBlock() && m.textLengthOf(box, EMPHASIS) >= m.textLength(box);
    }

    /** A link to a page where the reader signs up: its path names a newsletter, a subscription, a sign-up. */
    private static boolean isSignUp(Element a) {
        String href = a.attr("href");
        int scheme = href.indexOf("://");
        int path = scheme < 0 ? 0 : href.indexOf('/', scheme + 3);
        if (path < 0) {
            return false;
        }
        String previous = "";
        for (String part : PARTS.split(href.substring(path).toLowerCase(Locale.ROOT))) {
            if (SIGN_UP_WORDS.contains(part) || previous.equals("sign") && part.equals("up")) {
                return true;
            }
            previous = part;
        }
        return false;
    }

    private static boolean isButton(Element a) {
        String names = CAMEL.matcher(a.className()).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
        for (String part : PARTS.split(names)) {
            if (BUTTON_WORDS.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
