package newsflow.app.run;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.metrics.MeterNames;
import newsflow.common.metrics.Metrics;
import newsflow.common.url.ArticleIds;
import newsflow.index.es.ElasticsearchClients;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Progress of a pipeline running in this process, read from the stage counters and from the index itself
 * (the counters say what happened in this run; the index says what is searchable, including earlier runs).
 */
public final class ProgressReport {

    private final NewsflowConfig config;
    private final int feeds;
    private final int expectedArticles;
    private final List<String> expectedIds;
    private final MeterRegistry registry = Metrics.registry();
    private long indexedInIndex;

    /**
     * @param articleUrls the links of every article the run should end with; progress counts the documents
     *                    with their ids, so documents left in the index by other runs or feeds do not count
     */
    public ProgressReport(NewsflowConfig config, int feeds, Collection<String> articleUrls) {
        this.config = config;
        this.feeds = feeds;
        this.expectedIds = articleUrls.stream().map(ArticleIds::forUrl).distinct().toList();
        this.expectedArticles = expectedIds.size();
    }

    /**
     * Prints a progress line every two seconds until the index holds {@code expectedArticles} documents
     * and every feed has been polled, or the timeout passes.
     *
     * @return true when complete
     */
    public boolean awaitAllIndexed(Duration timeout, Consumer<String> printer) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            while (System.nanoTime() < deadline) {
                indexedInIndex = countDocuments(es);
                String line = line();
                if (!line.equals(last)) {
                    printer.accept(line);
                    last = line;
                }
                if (feedsDone() >= feeds && indexedInIndex >= expectedArticles) {
                    return true;
                }
                Thread.sleep(2000);
            }
        }
        return false;
    }

    private long countDocuments(ElasticsearchClient es) {
        try {
            es.indices().refresh(r -> r.index(config.elasticsearch().index()));
            return es.count(c -> c.index(config.elasticsearch().index())
                    .query(q -> q.ids(i -> i.values(expectedIds)))).count();
        } catch (Exception e) {
            return 0; // the alias does not exist until the first document is indexed
        }
    }

    /** Feeds with at least one poll behind them, successful or not. */
    private long feedsDone() {
        return Stream.concat(registry.find(MeterNames.FEEDS_POLLED).counters().stream(),
                        registry.find(MeterNames.FEEDS_FAILED).counters().stream())
                .filter(c -> c.count() > 0)
                .map(c -> c.getId().getTag("feed"))
                .distinct()
                .count();
    }

    String line() {
        return String.format("feeds polled %d/%d (failed %d) · entries published %d (unchanged %d) · articles extracted %d (from feed content %d) · indexed %d · failed %d · searchable %d/%d",
                feedsDone(), feeds, count(MeterNames.FEEDS_FAILED),
                count(MeterNames.ENTRIES_PUBLISHED), count(MeterNames.ENTRIES_SKIPPED),
                count(MeterNames.ARTICLES_EXTRACTED), fallbacks(),
                count(MeterNames.ARTICLES_INDEXED), count(MeterNames.ENRICH_FAILED) + count(MeterNames.INDEX_FAILED),
                indexedInIndex, expectedArticles);
    }

    public String summary(Duration wall) {
        double seconds = wall.toMillis() / 1000.0;
        long indexed = count(MeterNames.ARTICLES_INDEXED);
        return String.format("""
                summary
                  feeds polled       %d of %d (%d failed polls)
                  entries published  %d new or changed, %d already published
                  articles extracted %d (%d from the feed's own content)
                  documents indexed  %d this run; %d of the %d demo articles searchable in '%s'
                  failures           %d dead-lettered (enrich %d, index %d)
                  wall time          %.1f s, %.2f articles/s indexed""",
                feedsDone(), feeds, count(MeterNames.FEEDS_FAILED),
                count(MeterNames.ENTRIES_PUBLISHED), count(MeterNames.ENTRIES_SKIPPED),
                count(MeterNames.ARTICLES_EXTRACTED), fallbacks(),
                indexed, indexedInIndex, expectedArticles, config.elasticsearch().index(),
                count(MeterNames.ENRICH_FAILED) + count(MeterNames.INDEX_FAILED),
                count(MeterNames.ENRICH_FAILED), count(MeterNames.INDEX_FAILED),
                seconds, seconds > 0 ? indexed / seconds : 0.0);
    }

    private long fallbacks() {
        return registry.find(MeterNames.ARTICLES_EXTRACTED).counters().stream()
                .filter(c -> !"PAGE".equals(c.getId().getTag("method")))
                .mapToLong(c -> (long) c.count()).sum();
    }

    private long count(String name) {
        return registry.find(name).counters().stream().mapToLong(c -> (long) c.count()).sum();
    }
}
