package newsflow.enrich.topics;

import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.watch.WatchTopics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * All of an article's topics: the operator's rules (source {@code rule}), the watch-topics it matches (source
 * {@code watch}), then the trained model's categories (source {@code model}), each group in its own order. Without
 * a model only rules and watch-topics apply. Every part is immutable, so one tagger serves every enrich thread.
 */
public final class TopicTagger {

    private final TopicMatcher rules;
    private final WatchTopics watch;
    private final TopicModel model;

    /** @param model the trained classifier, or null for rules only */
    public TopicTagger(TopicMatcher rules, TopicModel model) {
        this(rules, new WatchTopics(null), model);
    }

    /** @param model the trained classifier, or null for none */
    public TopicTagger(TopicMatcher rules, WatchTopics watch, TopicModel model) {
        this.rules = rules;
        this.watch = watch;
        this.model = model;
    }

    /**
     * The tagger configured by {@code enrich.topics}, {@code enrich.watchTopics} and {@code enrich.model}; the
     * model file is read here, once.
     *
     * @param modelPath empty or null: no model
     * @throws newsflow.enrich.classify.ClassifierException naming the file when the model cannot be loaded
     * @throws newsflow.enrich.watch.WatchQueryException naming the topic when a watch query does not parse
     */
    public static TopicTagger configured(Map<String, List<String>> topics, Map<String, String> watchTopics,
                                         String modelPath) {
        WatchTopics watch = new WatchTopics(watchTopics);
        TopicModel model = modelPath == null || modelPath.isBlank() ? null : TopicModel.load(Path.of(modelPath.strip()));
        return new TopicTagger(new TopicMatcher(topics), watch, model);
    }

    /** As enrich is configured. */
    public static TopicTagger configured(newsflow.common.config.EnrichConfig enrich) {
        return configured(enrich.topics(), enrich.watchTopics(), enrich.model());
    }

    /**
     * A tagger with new rules and watch-topics and this one's model (already loaded), for a configuration reload
     * that leaves {@code enrich.model} as it was.
     *
     * @throws newsflow.enrich.watch.WatchQueryException naming the topic when a watch query does not parse
     */
    public TopicTagger withRules(Map<String, List<String>> topics, Map<String, String> watchTopics) {
        return new TopicTagger(new TopicMatcher(topics), new WatchTopics(watchTopics), model);
    }

    public List<TopicScore> tag(String title, String body) {
        List<TopicScore> out = new ArrayList<>(rules.match(title, body));
        out.addAll(watch.match(title, body));
        if (model != null) {
            out.addAll(model.classify(title, body));
        }
        return out;
    }
}
