package newsflow.enrich.topics;

import newsflow.common.config.EnrichConfig;
import newsflow.common.model.TopicScore;
import newsflow.enrich.classify.TopicClassifier;
import newsflow.enrich.classify.TopicModel;
import newsflow.enrich.taxonomy.IptcCodes;
import newsflow.enrich.watch.WatchTopics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * All of an article's topics: the operator's rules (source {@code rule}), the watch-topics it matches (source
 * {@code watch}), then the categories of the trained model (source {@code model}) or, without one, of the default
 * IPTC taxonomy (source {@code iptc}), each group in its own order. IPTC topics carry their code and parent code; so
 * does a model label that is an IPTC topic's official name ({@link IptcCodes}). Every part is immutable, so one tagger serves
 * every enrich thread.
 */
public final class TopicTagger {

    private final TopicMatcher rules;
    private final WatchTopics watch;
    private final TopicClassifier model;

    /** @param model the trained classifier, or null for rules only */
    public TopicTagger(TopicMatcher rules, TopicClassifier model) {
        this(rules, new WatchTopics(null), model);
    }

    /** @param model the classifier (a trained model or the default taxonomy), or null for none */
    public TopicTagger(TopicMatcher rules, WatchTopics watch, TopicClassifier model) {
        this.rules = rules;
        this.watch = watch;
        this.model = model;
    }

    /**
     * The tagger configured by {@code enrich.topics}, {@code enrich.watchTopics} and {@code enrich.model}; the
     * model file is read here, once.
     *
     * @param modelPath empty or null: no model (and no default taxonomy)
     * @throws newsflow.enrich.classify.ClassifierException naming the file when the model cannot be loaded
     * @throws newsflow.enrich.watch.WatchQueryException naming the topic when a watch query does not parse
     */
    public static TopicTagger configured(Map<String, List<String>> topics, Map<String, String> watchTopics,
                                         String modelPath) {
        WatchTopics watch = new WatchTopics(watchTopics);
        TopicModel model = modelPath == null || modelPath.isBlank() ? null : TopicModel.load(Path.of(modelPath.strip()));
        return new TopicTagger(new TopicMatcher(topics), watch, model);
    }

    /**
     * As enrich is configured: with {@code enrich.model} empty and {@code enrich.taxonomy: iptc} the default IPTC
     * taxonomy tags articles (its embedding model is loaded here, once per process).
     */
    public static TopicTagger configured(EnrichConfig enrich) {
        if (enrich.usesTaxonomy()) {
            return new TopicTagger(new TopicMatcher(enrich.topics()), new WatchTopics(enrich.watchTopics()),
                    DefaultTaxonomy.iptc());
        }
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
            out.addAll(IptcCodes.attach(model.classify(title, body)));
        }
        return out;
    }
}
