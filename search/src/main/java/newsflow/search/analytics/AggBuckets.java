package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;

import java.util.List;

/** Reads the buckets of the aggregations analytics asks for; an absent or unmapped aggregation has none. */
final class AggBuckets {

    private AggBuckets() {
    }

    /** Terms of a keyword field with their counts, as Elasticsearch ordered them (most first). */
    static List<KeyCount> terms(Aggregate agg) {
        if (agg == null || !agg.isSterms()) {
            return List.of(); // an unmapped field answers with another aggregate type and no buckets
        }
        return agg.sterms().buckets().array().stream()
                .map(b -> new KeyCount(b.key().stringValue(), b.docCount()))
                .toList();
    }

    /** Date histogram buckets keyed by their formatted start. */
    static List<StoryView.DateCount> dates(Aggregate agg) {
        if (agg == null || !agg.isDateHistogram()) {
            return List.of();
        }
        return agg.dateHistogram().buckets().array().stream()
                .map(b -> new StoryView.DateCount(b.keyAsString(), b.docCount()))
                .toList();
    }
}
