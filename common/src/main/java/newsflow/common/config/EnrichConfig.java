package newsflow.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param fetchPages  fetch each article page (false: use the feed's content only)
 * @param concurrency article pages fetched in parallel per instance
 * @param topics      operator-defined topics: name → words or phrases, any of which tags an article with it
 * @param watchTopics operator watch-topics: name → boolean query over title and body ({@code AND OR NOT ( ) "phrase"})
 * @param model       path of a trained topic model ({@code newsflow topics train}); empty: no model, rules only
 * @param reloadInterval how often enrich re-reads the configuration file for changed topics, watch-topics and
 *                    model; zero: never (changes then take a restart)
 * @param respectRobots fetch an article page only when the site's robots.txt allows our user agent; a page it
 *                    disallows is not fetched and the article is built from the feed's own content
 * @param perHostConcurrency article pages of one host fetched at once, at most (per instance)
 * @param perHostDelay least time between the starts of two page fetches on one host (per instance)
 * @param taxonomy    the categories used while no {@code model} is set: {@value #IPTC} (IPTC Media Topics: the shipped
 *                    model for the topics it was trained on, embedding similarity for the others) or {@value #NO_TAXONOMY}
 * @param extractBudget CPU time one page's extraction may take; past it the article is built from the feed's content
 *                    (see docs/extraction-bounds.md)
 */
public record EnrichConfig(boolean fetchPages, int concurrency, Map<String, List<String>> topics,
                           Map<String, String> watchTopics, String model, Duration reloadInterval,
                           boolean respectRobots, int perHostConcurrency, Duration perHostDelay, String taxonomy,
                           Duration extractBudget) {

    public static final String IPTC = "iptc";
    public static final String NO_TAXONOMY = "none";

    /** The politeness of {@code defaults.yaml}, for configurations built in code. */
    static final int DEFAULT_PER_HOST_CONCURRENCY = 2;
    static final Duration DEFAULT_PER_HOST_DELAY = Duration.ofSeconds(1);
    /** The extraction budget of {@code defaults.yaml}, for configurations built in code. */
    public static final Duration DEFAULT_EXTRACT_BUDGET = Duration.ofSeconds(5);

    public EnrichConfig {
        taxonomy = taxonomy == null || taxonomy.isBlank() ? NO_TAXONOMY : taxonomy.strip().toLowerCase(java.util.Locale.ROOT);
        if (!taxonomy.equals(IPTC) && !taxonomy.equals(NO_TAXONOMY)) {
            throw new IllegalArgumentException("enrich.taxonomy must be \"" + IPTC + "\" or \"" + NO_TAXONOMY
                    + "\", got \"" + taxonomy + "\"");
        }
        reloadInterval = reloadInterval == null || reloadInterval.isNegative() ? Duration.ZERO : reloadInterval;
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        watchTopics = watchTopics == null ? Map.of() : Map.copyOf(watchTopics);
        model = model == null ? "" : model.strip();
        perHostConcurrency = Math.max(1, perHostConcurrency);
        perHostDelay = perHostDelay == null || perHostDelay.isNegative() ? Duration.ZERO : perHostDelay;
        extractBudget = extractBudget == null ? DEFAULT_EXTRACT_BUDGET : extractBudget;
        if (extractBudget.isNegative() || extractBudget.isZero()) {
            throw new IllegalArgumentException("enrich.extractBudget must be a positive duration, got " + extractBudget);
        }
    }

    /** Respecting robots.txt, with the default per-host politeness, without the default taxonomy (only the topics given). */
    public EnrichConfig(boolean fetchPages, int concurrency, Map<String, List<String>> topics,
                        Map<String, String> watchTopics, String model, Duration reloadInterval) {
        this(fetchPages, concurrency, topics, watchTopics, model, reloadInterval, true, DEFAULT_PER_HOST_CONCURRENCY,
                DEFAULT_PER_HOST_DELAY, NO_TAXONOMY, DEFAULT_EXTRACT_BUDGET);
    }

    /** These topics, watch-topics, model and taxonomy, every other setting as it is. */
    public EnrichConfig withTopics(Map<String, List<String>> topics, Map<String, String> watchTopics, String model,
                                   String taxonomy) {
        return new EnrichConfig(fetchPages, concurrency, topics, watchTopics, model, reloadInterval, respectRobots,
                perHostConcurrency, perHostDelay, taxonomy, extractBudget);
    }

    /** Whether the default taxonomy tags articles: it does while no trained model is configured. */
    public boolean usesTaxonomy() {
        return model.isEmpty() && taxonomy.equals(IPTC);
    }
}
