package newsflow.lab.eval;

import java.util.Map;

/**
 * How a data set's ground truth was written, where it differs from what the extractor outputs. The extractor's
 * body never starts with the headline (scrapinghub's and modernweb's convention); dragnet's gold text does, so
 * for that set the scorer puts the extracted title in front of the predicted body. Conventions belong here, in
 * the scorer's per-set configuration, never in the extractor.
 *
 * @param headlineInBody the gold body starts with the headline: score {@code title + body}
 */
public record ScoringConvention(boolean headlineInBody) {

    public static final ScoringConvention DEFAULT = new ScoringConvention(false);

    /** Per set, by directory name, as each set's README states it. */
    private static final Map<String, ScoringConvention> BY_SET = Map.of(
            "dragnet-dev", new ScoringConvention(true));

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
}
