package newsflow.common.model;

/**
 * A topic assigned to an article.
 *
 * @param name   topic name (an operator rule's name, or a taxonomy label)
 * @param score  confidence in [0, 1]
 * @param source what assigned it: {@code rule} for operator-defined rules, {@code model} for a classifier
 */
public record TopicScore(String name, double score, String source) {
}
