package newsflow.enrich.taxonomy;

import newsflow.common.model.TopicScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives a trained model's labels their IPTC identity: a label that is the official name of a bundled IPTC Media Topic
 * (as the shipped training recipe produces, and as the topics guide asks operators to label) gets that topic's code
 * and parent, so the index files it under the IPTC taxonomy rather than beside it. Other labels stay as they are.
 */
public final class IptcCodes {

    private static final class Bundled {
        static final Map<String, Taxonomy.Topic> BY_NAME = Taxonomy.iptc().topics().stream()
                .collect(Collectors.toUnmodifiableMap(Taxonomy.Topic::name, Function.identity(), (a, b) -> a));
    }

    private IptcCodes() {
    }

    /** The topics with code and parent added where a name is an IPTC topic's official name and no code is set. */
    public static List<TopicScore> attach(List<TopicScore> topics) {
        List<TopicScore> out = new ArrayList<>(topics.size());
        for (TopicScore t : topics) {
            Taxonomy.Topic iptc = t.isIptc() || t.name() == null ? null : Bundled.BY_NAME.get(t.name());
            out.add(iptc == null ? t : new TopicScore(t.name(), t.score(), t.source(), iptc.qcode(), iptc.parent()));
        }
        return out;
    }
}
