package newsflow.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facet aggregations of a search and their reading into {@link Facets}. Field names are those of
 * {@code docs/index.md}.
 *
 * <p>The IPTC facet reads the nested {@code topic_scores}, where each topic's code, label and parent stay together
 * (in the flat {@code iptc.*} fields an article's codes and labels are separate lists): terms on the code, the label
 * and parent from that code's own entries, and the article count from {@code reverse_nested}.
 */
final class FacetAggregations {

    static final int SIZE = 20;

    static final String IPTC = "iptc";
    static final String OPERATOR_TOPICS = "operator_topics";
    static final String WATCH_TOPICS = "watch_topics";
    static final String MODEL_TOPICS = "model_topics";
    static final String SOURCES = "sources";
    static final String LANGUAGES = "languages";
    static final String AUTHORS = "authors";
    static final String PER_DAY = "per_day";

    private static final String WITH_CODE = "with_code";
    private static final String CODES = "codes";
    private static final String LABEL = "label";
    private static final String PARENT = "parent";
    private static final String ARTICLES = "articles";

    /** The same for every search, and the client's objects are immutable: built once, not on every request. */
    private static final Map<String, Aggregation> AGGREGATIONS = aggregations();

    private FacetAggregations() {
    }

    static void addTo(SearchRequest.Builder b) {
        b.aggregations(AGGREGATIONS);
    }

    private static Map<String, Aggregation> aggregations() {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put(IPTC, iptc());
        aggs.put(OPERATOR_TOPICS, terms("operator_topics"));
        aggs.put(WATCH_TOPICS, terms("watch_topics"));
        aggs.put(MODEL_TOPICS, terms("model_topics"));
        aggs.put(SOURCES, terms("source"));
        aggs.put(LANGUAGES, terms("language"));
        aggs.put(AUTHORS, terms("authors"));
        aggs.put(PER_DAY, Aggregation.of(a -> a.dateHistogram(d -> d
                .field("published")
                .calendarInterval(CalendarInterval.Day)
                .format("yyyy-MM-dd")
                .minDocCount(1))));
        return java.util.Collections.unmodifiableMap(aggs);
    }

    private static Aggregation terms(String field) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(SIZE)));
    }

    private static Aggregation iptc() {
        Aggregation perCode = Aggregation.of(a -> a
                .terms(t -> t.field("topic_scores.code").size(SIZE))
                .aggregations(LABEL, x -> x.terms(t -> t.field("topic_scores.name").size(1)))
                .aggregations(PARENT, x -> x.terms(t -> t.field("topic_scores.parent").size(1)))
                .aggregations(ARTICLES, x -> x.reverseNested(r -> r)));
        return Aggregation.of(a -> a
                .nested(n -> n.path("topic_scores"))
                .aggregations(WITH_CODE, x -> x
                        .filter(f -> f.exists(e -> e.field("topic_scores.code")))
                        .aggregations(CODES, perCode)));
    }

    static Facets read(Map<String, Aggregate> aggs) {
        if (aggs == null || aggs.isEmpty()) {
            return Facets.EMPTY;
        }
        return new Facets(iptc(aggs.get(IPTC)), terms(aggs.get(OPERATOR_TOPICS)), terms(aggs.get(WATCH_TOPICS)),
                terms(aggs.get(MODEL_TOPICS)), terms(aggs.get(SOURCES)), terms(aggs.get(LANGUAGES)),
                terms(aggs.get(AUTHORS)), perDay(aggs.get(PER_DAY)));
    }

    private static List<Facets.IptcCount> iptc(Aggregate agg) {
        if (agg == null || !agg.isNested()) {
            return List.of();
        }
        Aggregate withCode = agg.nested().aggregations().get(WITH_CODE);
        Aggregate codes = withCode == null || !withCode.isFilter() ? null : withCode.filter().aggregations().get(CODES);
        if (codes == null || !codes.isSterms()) {
            return List.of(); // no document has a code (or the field is unmapped: another aggregate type, no buckets)
        }
        return codes.sterms().buckets().array().stream()
                .map(b -> new Facets.IptcCount(b.key().stringValue(), first(b, LABEL), articles(b), first(b, PARENT)))
                .toList();
    }

    /** Articles carrying the code: the reverse-nested count, or the entry count if that is missing. */
    private static long articles(StringTermsBucket b) {
        Aggregate back = b.aggregations().get(ARTICLES);
        return back != null && back.isReverseNested() ? back.reverseNested().docCount() : b.docCount();
    }

    private static String first(StringTermsBucket b, String name) {
        Aggregate sub = b.aggregations().get(name);
        if (sub == null || !sub.isSterms() || sub.sterms().buckets().array().isEmpty()) {
            return null;
        }
        return sub.sterms().buckets().array().getFirst().key().stringValue();
    }

    private static List<Facets.FacetCount> terms(Aggregate agg) {
        if (agg == null || !agg.isSterms()) {
            return List.of(); // an unmapped field answers with another aggregate type and no buckets
        }
        return agg.sterms().buckets().array().stream()
                .map(b -> new Facets.FacetCount(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static List<Facets.DayCount> perDay(Aggregate agg) {
        if (agg == null || !agg.isDateHistogram()) {
            return List.of();
        }
        return agg.dateHistogram().buckets().array().stream()
                .map(b -> new Facets.DayCount(b.keyAsString(), b.docCount()))
                .toList();
    }
}
