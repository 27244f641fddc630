package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.Buckets;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import newsflow.search.SearchService;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One search answers a whole attention request: the scope (filters and dates, no query) is the search's query;
 * a date histogram over it gives the totals, and a {@code filters} aggregation with one bucket per query, each
 * with the same histogram under it, gives the matching counts. Every histogram has the request's range as its
 * extended bounds, so empty buckets come back with 0 and all series line up.
 */
final class AttentionSearch {

    static final String AGG_TOTAL = "total";
    static final String AGG_QUERIES = "queries";
    static final String AGG_PER_DATE = "per_date";
    static final String AGG_SOURCES = "sources";
    static final String DATE_FORMAT = "yyyy-MM-dd";

    private AttentionSearch() {
    }

    static SearchRequest request(AttentionQuery a, String alias, String timeout) {
        Aggregation perDate = a.top() > 0
                ? histogram(a, Map.of(AGG_SOURCES, Aggregation.of(t -> t.terms(x -> x.field("source").size(a.top())))))
                : histogram(a, Map.of());
        return SearchRequest.of(s -> s
                .index(alias)
                .timeout(timeout)
                .size(0)
                .query(a.scope())
                .aggregations(AGG_TOTAL, histogram(a, Map.of()))
                .aggregations(AGG_QUERIES, x -> x
                        .filters(f -> f.filters(Buckets.of(b -> b.array(a.queries()))))
                        .aggregations(AGG_PER_DATE, perDate)));
    }

    private static Aggregation histogram(AttentionQuery a, Map<String, Aggregation> sub) {
        // the bounds are days in the histogram's format; Elasticsearch rounds them down to their bucket
        String min = a.from().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String max = a.to().minusMillis(1).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return Aggregation.of(x -> {
            var agg = x.dateHistogram(d -> d
                    .field("published")
                    .calendarInterval(a.interval().calendar())
                    .timeZone("UTC")
                    .format(DATE_FORMAT)
                    .minDocCount(0)
                    .extendedBounds(e -> e.min(FieldDateMath.of(m -> m.expr(min))).max(FieldDateMath.of(m -> m.expr(max)))));
            return sub.isEmpty() ? agg : agg.aggregations(sub);
        });
    }

    static AttentionResult result(AttentionQuery a, SearchResponse<?> response) {
        Map<String, Aggregate> aggs = response.aggregations();
        Map<String, Long> totals = new HashMap<>();
        for (DateHistogramBucket b : histogramBuckets(aggs.get(AGG_TOTAL))) {
            totals.put(b.keyAsString(), b.docCount());
        }
        List<FiltersBucket> perQuery = aggs.get(AGG_QUERIES) == null || !aggs.get(AGG_QUERIES).isFilters()
                ? List.of() : aggs.get(AGG_QUERIES).filters().buckets().array();
        List<AttentionResult.Series> series = new ArrayList<>();
        List<AttentionResult.SourceSeries> sources = a.top() > 0 ? new ArrayList<>() : null;
        for (int i = 0; i < a.queries().size(); i++) {
            List<DateHistogramBucket> dates = i < perQuery.size()
                    ? histogramBuckets(perQuery.get(i).aggregations().get(AGG_PER_DATE)) : List.of();
            List<AttentionResult.Bucket> buckets = new ArrayList<>();
            List<AttentionResult.SourceBucket> sourceBuckets = new ArrayList<>();
            for (DateHistogramBucket b : dates) {
                long total = totals.getOrDefault(b.keyAsString(), 0L);
                buckets.add(new AttentionResult.Bucket(b.keyAsString(), b.docCount(), total,
                        total == 0 ? 0 : (double) b.docCount() / total));
                if (sources != null) {
                    sourceBuckets.add(new AttentionResult.SourceBucket(b.keyAsString(),
                            AggBuckets.terms(b.aggregations().get(AGG_SOURCES))));
                }
            }
            String label = a.labels().get(i);
            series.add(new AttentionResult.Series(label, List.copyOf(buckets)));
            if (sources != null) {
                sources.add(new AttentionResult.SourceSeries(label, List.copyOf(sourceBuckets)));
            }
        }
        return new AttentionResult(a.interval().key(), List.copyOf(series), sources == null ? null : List.copyOf(sources),
                SearchService.isPartial(response));
    }

    private static List<DateHistogramBucket> histogramBuckets(Aggregate agg) {
        return agg == null || !agg.isDateHistogram() ? List.of() : agg.dateHistogram().buckets().array();
    }

    /** The series of a scope with no article at all (the alias does not exist yet): every bucket 0. */
    static AttentionResult empty(AttentionQuery a) {
        List<AttentionResult.Bucket> zeros = new ArrayList<>();
        for (var day = a.interval().bucketOf(a.from()); !day.isAfter(a.interval().bucketOf(a.to().minusMillis(1)));
             day = day.plus(1, a.interval().unit())) {
            zeros.add(new AttentionResult.Bucket(day.toString(), 0, 0, 0));
        }
        List<AttentionResult.Series> series = a.labels().stream().map(l -> new AttentionResult.Series(l, List.copyOf(zeros))).toList();
        List<AttentionResult.SourceSeries> sources = a.top() == 0 ? null : a.labels().stream()
                .map(l -> new AttentionResult.SourceSeries(l, zeros.stream()
                        .map(z -> new AttentionResult.SourceBucket(z.date(), List.of())).toList()))
                .toList();
        return new AttentionResult(a.interval().key(), series, sources, false);
    }
}
