package newsflow.enrich.classify;

import newsflow.common.model.TopicScore;

import java.util.List;

/** What enrich asks of a topic classifier: the categories of one article, best first. Thread-safe. */
public interface TopicClassifier {

    List<TopicScore> classify(String title, String text);
}
