package newsflow.enrich.watch;

import newsflow.common.model.TopicScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's watch-topics ({@code enrich.watchTopics}: name → boolean query, see {@link WatchQueryParser}),
 * evaluated per article. A match is recorded as a topic with source {@value #SOURCE} and score 1: a query either
 * matches or it does not. Immutable and thread-safe.
 */
public final class WatchTopics {

    public static final String SOURCE = TopicScore.WATCH;

    private final Map<String, WatchQuery> queries;

    /** @throws WatchQueryException naming the topic when a query does not parse; all are checked up front */
    public WatchTopics(Map<String, String> topics) {
        Map<String, WatchQuery> parsed = new LinkedHashMap<>();
        if (topics != null) {
            new TreeMap<>(topics).forEach((name, query) -> {
                if (name == null || name.isBlank()) {
                    throw new WatchQueryException("watch-topic with an empty name: " + query);
                }
                parsed.put(name.strip(), WatchQueryParser.parse(name.strip(), query));
            });
        }
        this.queries = java.util.Collections.unmodifiableMap(parsed);
    }

    /** The watch-topics the article matches, by name. */
    public List<TopicScore> match(String title, String body) {
        if (queries.isEmpty()) {
            return List.of();
        }
        ArticleTokens article = new ArticleTokens(title, body);
        List<TopicScore> out = new ArrayList<>();
        queries.forEach((name, query) -> {
            if (query.matches(article)) {
                out.add(new TopicScore(name, 1.0, SOURCE));
            }
        });
        return out;
    }
}
