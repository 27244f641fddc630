package newsflow.lab.eval;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a data set's ground truth was written, where it differs from what the extractor outputs. The extractor's
 * body never starts with the headline (scrapinghub's and modernweb's convention); dragnet's gold text does, so
 * for that set the scorer puts the extracted title in front of the predicted body. Conventions belong here, in
 * the scorer's per-set configuration, never in the extractor.
 *
 * @param headlineInBody       the gold body starts with the headline: score {@code title + body}
 * @param listNumbersUnscored the gold writes numbers before ordered-list items ("3. Blended courses") that are not
 *                             in the page's text (a browser draws them): a number ("3." or "3)") that opens a line
 *                             is left out of both the gold and the predicted text before scoring, so neither side
 *                             is charged for it
 * @param commentsCut          the set's README says its gold body is the text before a {@code !@#$%^&*() COMMENTS}
 *                             line, the page's comments left out, but some gold bodies still hold that line and the
 *                             comments after it (dragnet-dev: 20 of 772): the compared text ends before the line, as
 *                             the README says the gold is. An extracted body never holds the line, so only such gold
 *                             changes
 */
public record ScoringConvention(boolean headlineInBody, boolean listNumbersUnscored, boolean commentsCut) {

    public static final ScoringConvention DEFAULT = new ScoringConvention(false, false, false);

    /** A number with its dot or parenthesis at the start of a line, and the spaces after it. */
    private static final Pattern LINE_NUMBER = Pattern.compile("(?m)^[ \\t]*\\d{1,3}[.)][ \\t]+");
    /** Dragnet's line before a page's comments, as its README names it (one or two spaces before the word). */
    private static final Pattern COMMENTS_LINE = Pattern.compile("(?m)^!@#\\$%\\^&\\*\\(\\)[ \\t]+COMMENTS[ \\t]*$");

    /** Per set, by directory name, as each set's README states it (or its gold shows: modernweb's list numbers). */
    private static final Map<String, ScoringConvention> BY_SET = Map.of(
            "dragnet-dev", new ScoringConvention(true, false, true),
            "modernweb-dev", new ScoringConvention(false, true, false));

    public static ScoringConvention forSet(String directoryName) {
        return BY_SET.getOrDefault(directoryName, DEFAULT);
    }

    /** The text scored for a page whose extractor output is {@code title} and {@code body}. */
    public String scoredBody(String title, String body) {
        String b = body == null ? "" : body;
        // an empty body stays an empty prediction: a title alone is not an extracted article
        if (!headlineInBody || b.isBlank() || title == null || title.isBlank()) {
            return b;
        }
        return title.strip() + "\n\n" + b;
    }

    /**
     * A gold or predicted body as the metric compares it: the same on both sides. The written predictions stay as
     * {@link #scoredBody} made them, so the shared {@code evaluate.py} scores them against the gold as it is.
     */
    public String compared(String text) {
        String t = text == null ? "" : text;
        if (commentsCut) {
            Matcher marker = COMMENTS_LINE.matcher(t);
            if (marker.find()) {
                t = t.substring(0, marker.start()).strip();
            }
        }
        return listNumbersUnscored ? LINE_NUMBER.matcher(t).replaceAll("") : t;
    }
}
