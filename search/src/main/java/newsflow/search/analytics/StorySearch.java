package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import newsflow.index.document.ArticleDocument;
import newsflow.search.SearchService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request for one story's articles, timeline and sources, and its answer as a {@link StoryView}. */
final class StorySearch {

    /** A story that ran up to this long gets an hourly timeline, a longer one a daily timeline. */
    static final Duration HOURLY_UP_TO = Duration.ofDays(3);
    /** Sources listed for a story, at most. */
    static final int SOURCES = 100;
    /** Bucket keys as ISO-8601 instants in UTC (the histogram's time zone). */
    static final String INSTANT_FORMAT = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    static final String AGG_FIRST = "first";
    static final String AGG_LAST = "last";
    static final String AGG_PER_HOUR = "per_hour";
    static final String AGG_PER_DAY = "per_day";
    static final String AGG_SOURCES = "sources";

    private StorySearch() {
    }

    /**
     * Both timelines are asked for, so one request answers; each has at most one bucket per article (empty
     * buckets are left out), and the one that fits the story's span is kept.
     */
    static SearchRequest request(String storyId, String alias, String timeout, int maxArticles) {
        return SearchRequest.of(s -> s
                .index(alias)
                .timeout(timeout)
                .query(q -> q.term(t -> t.field("story_id").value(storyId)))
                .size(maxArticles)
                .trackTotalHits(t -> t.enabled(true))
                .sort(SortOptions.of(o -> o.field(f -> f.field("published").order(SortOrder.Asc).missing(FieldValue.of("_last")))),
                        SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))))
                .source(src -> src.filter(f -> f.includes(ArticleSummary.FIELDS)))
                .aggregations(AGG_FIRST, a -> a.min(m -> m.field("published")))
                .aggregations(AGG_LAST, a -> a.max(m -> m.field("published")))
                .aggregations(AGG_PER_HOUR, timeline(CalendarInterval.Hour))
                .aggregations(AGG_PER_DAY, timeline(CalendarInterval.Day))
                .aggregations(AGG_SOURCES, a -> a.terms(t -> t.field("source").size(SOURCES))));
    }

    private static Aggregation timeline(CalendarInterval interval) {
        return Aggregation.of(a -> a.dateHistogram(d -> d
                .field("published")
                .calendarInterval(interval)
                .timeZone("UTC")
                .format(INSTANT_FORMAT)
                .minDocCount(1)));
    }

    /** Empty when the story has no article. */
    static Optional<StoryView> view(String storyId, SearchResponse<ArticleDocument> response) {
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<ArticleSummary> articles = hits.stream().map(h -> ArticleSummary.of(h.id(), h.source(), null)).toList();
        long size = response.hits().total() == null ? articles.size() : response.hits().total().value();
        Map<String, Aggregate> aggs = response.aggregations();
        boolean hourly = hourly(aggs.get(AGG_FIRST), aggs.get(AGG_LAST));
        return Optional.of(new StoryView(storyId, size, articles.getFirst(), articles, size > articles.size(),
                hourly ? "hour" : "day", AggBuckets.dates(aggs.get(hourly ? AGG_PER_HOUR : AGG_PER_DAY)),
                AggBuckets.terms(aggs.get(AGG_SOURCES)), SearchService.isPartial(response)));
    }

    private static boolean hourly(Aggregate first, Aggregate last) {
        if (first == null || last == null || !first.isMin() || !last.isMax()
                || first.min().value() == null || last.max().value() == null) {
            return true; // no dated article: the timeline is empty either way
        }
        Instant from = Instant.ofEpochMilli(first.min().value().longValue());
        Instant to = Instant.ofEpochMilli(last.max().value().longValue());
        return Duration.between(from, to).compareTo(HOURLY_UP_TO) <= 0;
    }
}
