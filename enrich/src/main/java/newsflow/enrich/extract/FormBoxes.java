package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.Locale;
import java.util.Set;

/**
 * A form the reader fills in, written without a {@code <form>} element (a script sends it): a feedback box under
 * the post ("Tell us how we can improve this post?" over a text area and a Submit button), a newsletter sign-up, a
 * search box. A field to type into and a button to send it, in a block of at most {@value #MAX_BOX_CHARS}
 * characters of text (prompts and labels), make the block a control, not story text; the story's own paragraphs
 * hold no fields. A block that holds a {@code <form>} is not one: the form is chrome by its tag, and what stands
 * beside it (a short post above its comment form) is judged on its own. Page chrome for {@link BoilerplateCleaner}, so it is judged before the fields themselves are
 * dropped as never content, on the outermost block that is still that short.
 */
final class FormBoxes {

    static final int MAX_BOX_CHARS = 300;
    /** The types of an {@code <input>} one types text into ("" when it has none: a text field). */
    private static final Set<String> TEXT_INPUTS = Set.of("", "text", "email", "search", "tel", "url", "number");
    /**
     * A text area or a text input. Written as code, not as {@code input:not([type])}: a structural selector cannot
     * be matched element by element ({@link ElementMeasures#matching}).
     */
    private static final Evaluator FIELDS = new Evaluator() {
        @Override
        public boolean matches(Element root, Element e) {
            return e.nameIs("textarea")
                    || e.nameIs("input") && TEXT_INPUTS.contains(e.attr("type").strip().toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "textarea, input(type=text…)";
        }
    };
    private static final Evaluator FORMS = QueryParser.parse("form");
    private static final Evaluator SENDERS = QueryParser.parse(
            "button, input[type=submit], input[type=button], input[type=image]");

    private FormBoxes() {
    }

    /** A block of short text that holds a field to type into and a button to send it. */
    static boolean isFormBox(Element e, ElementMeasures m) {
        return m.textLength(e) <= MAX_BOX_CHARS && m.contains(e, FIELDS) && m.contains(e, SENDERS)
                && !m.contains(e, FORMS);
    }
}
