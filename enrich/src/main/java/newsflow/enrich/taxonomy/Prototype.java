package newsflow.enrich.taxonomy;

import java.util.List;

/** The text embedded for a topic, to which articles are compared. */
public enum Prototype {
    /** The topic's name. */
    NAME,
    /** "name: definition". */
    DEFINITION,
    /** "name: definition" and, for a top-level topic, its children's names ("Includes: …"). */
    CHILDREN,
    /**
     * For a top-level topic the mean of the embeddings of its own and each child's "name: definition", so the family
     * as a whole stands for it; a second-level topic is its "name: definition".
     */
    FAMILY;

    String text(Taxonomy.Topic topic, List<Taxonomy.Topic> children) {
        return switch (this) {
            case NAME -> topic.name();
            case DEFINITION, FAMILY -> topic.name() + ": " + topic.definition();
            case CHILDREN -> children.isEmpty() ? topic.name() + ": " + topic.definition()
                    : topic.name() + ": " + topic.definition() + ". Includes: "
                    + String.join(", ", children.stream().map(Taxonomy.Topic::name).toList()) + ".";
        };
    }
}
