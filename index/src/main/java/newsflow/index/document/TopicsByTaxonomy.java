package newsflow.index.document;

import newsflow.common.model.TopicScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An article's topics split by the taxonomy they belong to, for the per-taxonomy document fields: IPTC Media Topics
 * (every topic carrying a code, whichever tagger assigned it), the operator's rules, watch-topics, and a trained
 * model's labels outside IPTC. Each list keeps the tagger's order without repeats. A topic from an unknown source
 * without a code is in none of them (it stays in the {@code topics} union).
 */
record TopicsByTaxonomy(List<ArticleDocument.IptcField> iptc, List<String> operatorTopics, List<String> watchTopics,
                        List<String> modelTopics) {

    static TopicsByTaxonomy of(List<TopicScore> topics) {
        Map<String, ArticleDocument.IptcField> iptc = new LinkedHashMap<>();
        Set<String> operator = new LinkedHashSet<>();
        Set<String> watch = new LinkedHashSet<>();
        Set<String> model = new LinkedHashSet<>();
        for (TopicScore t : topics) {
            if (t.name() == null || t.name().isBlank()) {
                continue;
            }
            if (t.isIptc()) {
                iptc.putIfAbsent(t.code(), new ArticleDocument.IptcField(t.code(), t.name(), blankToNull(t.parent())));
            } else if (TopicScore.RULE.equals(t.source())) {
                operator.add(t.name());
            } else if (TopicScore.WATCH.equals(t.source())) {
                watch.add(t.name());
            } else if (TopicScore.MODEL.equals(t.source())) {
                model.add(t.name());
            }
        }
        return new TopicsByTaxonomy(new ArrayList<>(iptc.values()), List.copyOf(operator), List.copyOf(watch),
                List.copyOf(model));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
