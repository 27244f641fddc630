package newsflow.common.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A topic assigned to an article.
 *
 * @param name   topic name: an operator rule's or watch-topic's name, a model label, or a taxonomy's official label
 * @param score  confidence in [0, 1] (cosines for zero-shot taxonomy topics: a ranking, see the tagger)
 * @param source what assigned it: {@code rule} for operator-defined rules, {@code watch} for watch-topics,
 *               {@code iptc} for the default IPTC tagger, {@code model} for a trained classifier
 * @param code   the topic's IPTC Media Topic code ({@code medtop:20000763}) when it is an IPTC topic (from the default
 *               tagger, or a model label that names one), else null
 * @param parent the code of the IPTC topic one level up (its broader topic), null for a top-level topic and for
 *               topics outside the taxonomy
 */
public record TopicScore(String name, double score, String source, String code, String parent) {

    /** {@link #source()} of the operator's rules ({@code enrich.topics}). */
    public static final String RULE = "rule";
    /** {@link #source()} of the operator's watch-topics ({@code enrich.watchTopics}). */
    public static final String WATCH = "watch";
    /** {@link #source()} of the default IPTC Media Topics tagger. */
    public static final String IPTC = "iptc";
    /** {@link #source()} of a trained classifier ({@code enrich.model}). */
    public static final String MODEL = "model";

    /** A topic outside any taxonomy: an operator's rule, a watch-topic or a model label. */
    public TopicScore(String name, double score, String source) {
        this(name, score, source, null, null);
    }

    /** Whether this is an IPTC Media Topic (it carries its code). */
    @JsonIgnore
    public boolean isIptc() {
        return code != null && !code.isBlank();
    }
}
