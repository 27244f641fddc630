package newsflow.search.analytics;

import java.util.List;

/**
 * Every article of one story, as Google News' "full coverage" shows it.
 *
 * @param size      articles in the story, all of them (the list may hold fewer: {@code truncated})
 * @param first     the first report: the earliest published article
 * @param articles  oldest first, at most {@code search.maxStoryArticles}; articles without a date last
 * @param truncated the story has more articles than {@code articles} lists
 * @param interval  {@code hour} or {@code day}: the timeline's bucket, by how long the story ran
 * @param timeline  articles per hour or day (UTC), only buckets with articles, oldest first
 * @param sources   articles per source, most first
 * @param partial   Elasticsearch stopped at {@code search.timeout} or some shards failed
 */
public record StoryView(String id, long size, ArticleSummary first, List<ArticleSummary> articles, boolean truncated,
                        String interval, List<DateCount> timeline, List<KeyCount> sources, boolean partial) {

    public StoryView {
        articles = List.copyOf(articles);
        timeline = List.copyOf(timeline);
        sources = List.copyOf(sources);
    }

    /** @param date the bucket's start, an ISO-8601 instant in UTC */
    public record DateCount(String date, long count) {
    }
}
