package newsflow.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The filter for one {@code topic=} value. An IPTC code ({@code medtop:20000763}) selects the articles with that
 * IPTC topic or one below it (its code in {@code iptc.code} or {@code iptc.parent}); any other value is a topic name
 * in any taxonomy (an IPTC official label, an operator topic, a watch-topic, a model label), matched exactly in the
 * {@code topics} union.
 */
public final class TopicFilter {

    private static final Pattern IPTC_CODE = Pattern.compile("medtop:\\d{8}", Pattern.CASE_INSENSITIVE);

    private TopicFilter() {
    }

    public static boolean isIptcCode(String topic) {
        return topic != null && IPTC_CODE.matcher(topic.strip()).matches();
    }

    public static Query of(String topic) {
        if (isIptcCode(topic)) {
            String code = topic.strip().toLowerCase(Locale.ROOT);
            return Query.of(q -> q.bool(b -> b
                    .should(s -> s.term(t -> t.field("iptc.code").value(code)))
                    .should(s -> s.term(t -> t.field("iptc.parent").value(code)))
                    .minimumShouldMatch("1")));
        }
        return Query.of(q -> q.term(t -> t.field("topics").value(topic)));
    }
}
