package newsflow.common.config;

import java.util.List;
import java.util.Map;

/**
 * @param fetchPages  fetch each article page (false: use the feed's content only)
 * @param concurrency article pages fetched in parallel per instance
 * @param topics      operator-defined topics: name → words or phrases, any of which tags an article with it
 * @param watchTopics operator watch-topics: name → boolean query over title and body ({@code AND OR NOT ( ) "phrase"})
 * @param model       path of a trained topic model ({@code newsflow topics train}); empty: no model, rules only
 */
public record EnrichConfig(boolean fetchPages, int concurrency, Map<String, List<String>> topics,
                           Map<String, String> watchTopics, String model) {

    public EnrichConfig {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        watchTopics = watchTopics == null ? Map.of() : Map.copyOf(watchTopics);
        model = model == null ? "" : model.strip();
    }
}
