package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A call-to-action box inside the story: a line of pitch and a link styled as a button ("Try it free: Get Started",
 * "Your keys to a better career … Start a Free Trial"). A story's text links words in its sentences; a link drawn as
 * a button ({@code elementor-button}, {@code wp-block-button__link}, {@code btn btn-primary}) is a control, and the
 * small block around it (at most {@value #MAX_BOX_CHARS} characters) is the promotion it belongs to. Removed from the
 * chosen content, unless the boxes are a large share of it.
 */
final class ButtonBoxes {

    static final int MAX_BOX_CHARS = 300;
    /** Boxes may take at most this share of the chosen text. */
    private static final double MAX_SHARE = 0.3;
    private static final Set<String> BUTTON_WORDS = Set.of("button", "btn", "cta");
    private static final Pattern PARTS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Evaluator LINKS = QueryParser.parse("a[class]");

    private ButtonBoxes() {
    }

    static List<Element> remove(List<Element> content, ExtractionBudget budget) {
        return MinorParts.remove(content, budget, LINKS, ButtonBoxes::boxAround, MAX_SHARE);
    }

    /** The largest block around a button link with at most {@value #MAX_BOX_CHARS} characters; null for other links. */
    private static Element boxAround(Element a, Element root, ElementMeasures m) {
        if (!isButton(a) || m.textLength(a) == 0) {
            return null;
        }
        Element box = a;
        for (Element p = a.parent(); p != null && p != root && m.textLength(p) <= MAX_BOX_CHARS; p = p.parent()) {
            box = p;
        }
        return box;
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
