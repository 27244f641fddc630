package newsflow.enrich.topics;

import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.TopicModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All of an article's topics: the operator's rules (source {@code rule}) followed by the trained model's
 * categories (source {@code model}), each group best first. Without a model only the rules apply. Both parts are
 * immutable, so one tagger serves every enrich thread.
 */
public final class TopicTagger {

    private final TopicMatcher rules;
    private final TopicModel model;

    /** @param model the trained classifier, or null for rules only */
    public TopicTagger(TopicMatcher rules, TopicModel model) {
        this.rules = rules;
        this.model = model;
    }

    /**
     * The tagger configured by {@code enrich.topics} and {@code enrich.model}; the model file is read here, once.
     *
     * @param modelPath empty or null: no model
     * @throws newsflow.enrich.classify.ClassifierException naming the file when the model cannot be loaded
     */
    public static TopicTagger configured(java.util.Map<String, List<String>> topics, String modelPath) {
        TopicModel model = modelPath == null || modelPath.isBlank() ? null : TopicModel.load(Path.of(modelPath.strip()));
        return new TopicTagger(new TopicMatcher(topics), model);
    }

    public List<TopicScore> tag(String title, String body) {
        List<TopicScore> out = new ArrayList<>(rules.match(title, body));
        if (model != null) {
            out.addAll(model.classify(title, body));
        }
        return out;
    }
}
