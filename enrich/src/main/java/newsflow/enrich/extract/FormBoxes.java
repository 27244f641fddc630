package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

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
    private static final Evaluator FIELDS = QueryParser.parse(
            "textarea, input:not([type]), input[type=text], input[type=email], input[type=search], input[type=tel], "
                    + "input[type=url], input[type=number]");
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
