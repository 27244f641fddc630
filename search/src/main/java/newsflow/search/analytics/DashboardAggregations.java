package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import newsflow.index.document.ArticleDocument;
import newsflow.search.SearchService;
import newsflow.search.query.QueryTranslator;
import newsflow.search.query.SearchScope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's one Elasticsearch request (size 0, aggregations only) over a search's scope, sent through the
 * search's guards ({@link SearchService#send}), and its reading.
 * Every aggregation has a fixed size, so the answer is bounded whatever the index holds; only the time buckets
 * grow with the date range (one per day, week or month that has articles).
 */
public final class DashboardAggregations {

    /** Topics drawn as series over time. */
    static final int TOPIC_SERIES = 5;
    static final int AUTHORS = 10;
    static final int LARGEST_STORIES = 10;
    /** Stories of two or more articles whose sizes are counted; more are left out (and flagged). */
    static final int STORY_SIZE_BUCKETS = 1000;

    static final String AGG_OVER_TIME = "over_time";
    static final String AGG_TOPICS = "topics";
    static final String AGG_AUTHORS = "authors";
    static final String AGG_STORIES = "stories";
    static final String AGG_LARGEST = "largest_stories";
    static final String AGG_FIRST = "first";
    static final String AGG_SIZES = "story_sizes";

    private DashboardAggregations() {
    }

    /**
     * @param interval {@code day}, {@code week} or {@code month}; null or blank means {@code day}
     * @throws newsflow.search.SearchBusyException, newsflow.search.SearchTimeoutException, IllegalArgumentException,
     *         newsflow.search.SearchUnavailableException as {@link SearchService#search}
     */
    public static Dashboard run(SearchService search, SearchScope scope, String interval) {
        return run(search, scope, Interval.parse(interval));
    }

    static Dashboard run(SearchService search, SearchScope scope, Interval interval) {
        SearchRequest request = build(scope, interval, search.alias(), search.limits().timeout());
        return search.send(request, Void.class)
                .map(response -> toDashboard(interval, response))
                .orElseGet(() -> Dashboard.empty(interval));
    }

    static SearchRequest build(SearchScope scope, Interval interval, String alias, Duration timeout) {
        Aggregation overTime = overTime(interval);
        return new SearchRequest.Builder()
                .index(alias)
                .timeout(timeout.toMillis() + "ms")
                .query(QueryTranslator.toEsQuery(scope))
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations(AGG_OVER_TIME, overTime)
                .aggregations(AGG_TOPICS, a -> a.terms(t -> t.field("topics").size(TOPIC_SERIES))
                        .aggregations(AGG_OVER_TIME, overTime))
                .aggregations(AGG_AUTHORS, a -> a.terms(t -> t.field("authors").size(AUTHORS)))
                .aggregations(AGG_STORIES, a -> a.cardinality(c -> c.field("story_id")))
                .aggregations(AGG_LARGEST, a -> a.terms(t -> t.field("story_id").size(LARGEST_STORIES))
                        // the first report names the story
                        .aggregations(AGG_FIRST, f -> f.topHits(h -> h.size(1)
                                .sort(SortOptions.of(so -> so.field(fs -> fs.field("published").order(SortOrder.Asc))))
                                .source(src -> src.filter(sf -> sf.includes("title", "source"))))))
                .aggregations(AGG_SIZES, a -> a.terms(t -> t.field("story_id").size(STORY_SIZE_BUCKETS).minDocCount(2)))
                .build();
    }

    private static Aggregation overTime(Interval interval) {
        return Aggregation.of(a -> a.dateHistogram(d -> d.field("published").calendarInterval(interval.calendar())
                .format("yyyy-MM-dd").minDocCount(1)));
    }

    static Dashboard toDashboard(Interval interval, SearchResponse<?> response) {
        Map<String, Aggregate> aggs = response.aggregations();
        TotalHits total = response.hits().total();
        // bucket date -> count, then each topic's counts per date
        Map<String, Long> counts = histogram(aggs.get(AGG_OVER_TIME));
        Map<String, List<KeyCount>> perDate = new TreeMap<>();
        counts.keySet().forEach(date -> perDate.put(date, new ArrayList<>()));
        List<String> topics = new ArrayList<>();
        for (StringTermsBucket topic : stringBuckets(aggs.get(AGG_TOPICS))) {
            String name = topic.key().stringValue();
            topics.add(name);
            histogram(topic.aggregations().get(AGG_OVER_TIME)).forEach((date, n) ->
                    perDate.computeIfAbsent(date, d -> new ArrayList<>()).add(new KeyCount(name, n)));
        }
        List<Dashboard.Bucket> overTime = perDate.entrySet().stream()
                .map(e -> new Dashboard.Bucket(e.getKey(), counts.getOrDefault(e.getKey(), 0L), e.getValue()))
                .toList();
        List<KeyCount> authors = stringBuckets(aggs.get(AGG_AUTHORS)).stream()
                .map(b -> new KeyCount(b.key().stringValue(), b.docCount())).toList();
        return new Dashboard(total == null ? 0 : total.value(), interval.key(), overTime, topics, authors, stories(aggs));
    }

    private static Dashboard.Stories stories(Map<String, Aggregate> aggs) {
        Aggregate cardinality = aggs.get(AGG_STORIES);
        long distinct = cardinality != null && cardinality.isCardinality() ? cardinality.cardinality().value() : 0;
        List<Dashboard.Story> largest = stringBuckets(aggs.get(AGG_LARGEST)).stream().map(b -> {
            Aggregate first = b.aggregations().get(AGG_FIRST);
            ArticleDocument doc = first == null || !first.isTopHits() || first.topHits().hits().hits().isEmpty()
                    || first.topHits().hits().hits().getFirst().source() == null
                    ? null : first.topHits().hits().hits().getFirst().source().to(ArticleDocument.class);
            return new Dashboard.Story(b.key().stringValue(), b.docCount(), doc == null ? null : doc.title(),
                    doc == null ? null : doc.source());
        }).toList();
        Aggregate sizesAgg = aggs.get(AGG_SIZES);
        List<StringTermsBucket> multi = stringBuckets(sizesAgg);
        Map<Long, Long> sizes = new TreeMap<>();
        multi.forEach(b -> sizes.merge(b.docCount(), 1L, Long::sum));
        boolean complete = sizesAgg == null || !sizesAgg.isSterms() || sizesAgg.sterms().sumOtherDocCount() == null
                || sizesAgg.sterms().sumOtherDocCount() == 0;
        // every other story has one article (cardinality is approximate past its threshold: never below zero)
        long singles = Math.max(0, distinct - multi.size());
        Map<Long, Long> all = new LinkedHashMap<>();
        if (singles > 0) {
            all.put(1L, singles);
        }
        all.putAll(sizes);
        List<Dashboard.SizeCount> sizeCounts = all.entrySet().stream()
                .map(e -> new Dashboard.SizeCount(e.getKey(), e.getValue())).toList();
        return new Dashboard.Stories(distinct, largest, sizeCounts, complete);
    }

    private static Map<String, Long> histogram(Aggregate agg) {
        Map<String, Long> out = new TreeMap<>();
        if (agg != null && agg.isDateHistogram()) {
            agg.dateHistogram().buckets().array().forEach(b -> out.put(b.keyAsString(), b.docCount()));
        }
        return out;
    }

    private static List<StringTermsBucket> stringBuckets(Aggregate agg) {
        // an unmapped field answers with another aggregate type and no buckets
        return agg != null && agg.isSterms() ? agg.sterms().buckets().array() : List.of();
    }
}
