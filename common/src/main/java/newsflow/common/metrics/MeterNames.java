package newsflow.common.metrics;

/**
 * Meter names shared by the stages and by whatever reads them (progress display, dashboards).
 * Counters unless noted. Tags: {@code feed} (feed URL) on feed meters, {@code reason} on failure meters.
 *
 * <p>Prometheus names follow from these by Micrometer's convention: dots become underscores, counters end in
 * {@code _total}, timers in {@code _seconds} (with {@code _count}, {@code _sum}, {@code _max} and, where buckets
 * are set, {@code _bucket}), gauges end in their base unit. So {@link #DEAD_LETTERS} is scraped as
 * {@code newsflow_dead_letters_total}. The dashboard ({@code deploy/grafana/}) and the alerting rules
 * ({@code deploy/prometheus/alerts.yml}) use the Prometheus names; {@code MetricsContractIT} holds them to what a
 * running pipeline exports. See docs/metrics.md.
 */
public final class MeterNames {
    /** Feed polls that returned a document or 304. Tag feed. */
    public static final String FEEDS_POLLED = "newsflow.ingest.feeds.polled";
    /** Feed polls that failed. Tags feed, reason. */
    public static final String FEEDS_FAILED = "newsflow.ingest.feeds.failed";
    /** Feeds that reached ingest.disableAfterFailures consecutive failures (tag feed). */
    public static final String FEEDS_DISABLED = "newsflow.ingest.feeds.disabled";
    /** WebSub subscriptions and deliveries (tag event: verified, denied, delivered, bad_signature, …). */
    public static final String WEBSUB_EVENTS = "newsflow.ingest.websub.events";
    /** Entries published to the entries topic (new or changed). */
    public static final String ENTRIES_PUBLISHED = "newsflow.ingest.entries.published";
    /** Entries skipped because they were already published unchanged. */
    public static final String ENTRIES_SKIPPED = "newsflow.ingest.entries.skipped";
    /** Articles produced by enrich. Tag method (PAGE, FEED_CONTENT, FEED_SUMMARY). */
    public static final String ARTICLES_EXTRACTED = "newsflow.enrich.articles.extracted";
    /** Article pages enrich did not fetch because their host had no turn for it soon enough (politeness). */
    public static final String PAGES_DEFERRED = "newsflow.enrich.pages.deferred";
    /** Articles whose body enrich took from the AMP or print version of a shell page. Tag kind (amp, print). */
    public static final String ALTERNATE_PAGES = "newsflow.enrich.pages.alternate";
    /** Articles whose body enrich cut so the record fits the broker's record limit ({@code extraction.truncated}). */
    public static final String ARTICLES_TRUNCATED = "newsflow.enrich.articles.truncated";
    /** Records enrich dead-lettered. Tag reason. */
    public static final String ENRICH_FAILED = "newsflow.enrich.failed";
    /** Topic configuration reloads. Tag outcome (applied, failed). */
    public static final String TOPICS_RELOADS = "newsflow.enrich.topics.reloads";
    /** Documents Elasticsearch accepted. */
    public static final String ARTICLES_INDEXED = "newsflow.index.documents.indexed";
    /** Documents Elasticsearch rejected (dead-lettered). Tag reason. */
    public static final String INDEX_FAILED = "newsflow.index.failed";
    /** Bulk requests retried because Elasticsearch was unreachable or overloaded. */
    public static final String INDEX_RETRIES = "newsflow.index.bulk.retries";
    /** Articles the alerts stage matched against the saved searches. */
    public static final String ALERTS_ARTICLES_MATCHED = "newsflow.alerts.articles.matched";
    /** Alerts written (one per article and saved search that match). */
    public static final String ALERTS_CREATED = "newsflow.alerts.created";
    /** Webhook deliveries that ended, tag outcome (delivered, dead-lettered, no-webhook). */
    public static final String ALERTS_DELIVERIES = "newsflow.alerts.deliveries";
    /**
     * Starts of the alerts stage's matching, tags {@code path} (how saved searches are matched: {@code in-process}) and
     * {@code percolator} (whether the Elasticsearch node has the percolator module: present, absent, unknown).
     */
    public static final String ALERTS_MATCHING_STARTS = "newsflow.alerts.matching.starts";
    /** Records of the alerts stage dead-lettered. Tag reason. */
    public static final String ALERTS_FAILED = "newsflow.alerts.failed";
    /** Batches a Kafka stage rewound and paused to retry after a failure (processing, acks or commit); tag {@code stage}. */
    public static final String BATCH_RETRIES = "newsflow.stage.batch.retries";
    /** Records a Kafka stage finished and committed (its throughput); tag {@code stage}. */
    public static final String STAGE_RECORDS = "newsflow.stage.records";
    /** Timer: how long a Kafka stage's batches take, from poll to done, with histogram buckets; tag {@code stage}. */
    public static final String STAGE_BATCH_DURATION = "newsflow.stage.batch.duration";
    /**
     * Gauge, base unit records: records in the stage's input topic not yet read by this process's consumer, over
     * the partitions it holds; tags {@code stage}, {@code topic}. Summed over instances it is the group's lag.
     */
    public static final String STAGE_LAG = "newsflow.stage.lag";
    /** Dead letters a stage delivered to the dead-letter topic (acknowledged); tag {@code stage}. */
    public static final String DEAD_LETTERS = "newsflow.dead.letters";
    /** Records skipped because even their truncated dead letter was refused (logged at ERROR); tag {@code stage}. */
    public static final String DEAD_LETTERS_DROPPED = "newsflow.dead.letters.dropped";
    /** Timer: one feed poll (fetch, parse, publish, save state), with histogram buckets. */
    public static final String INGEST_POLL_DURATION = "newsflow.ingest.poll.duration";

    /**
     * Fetches that failed, whatever they were for (feed, page, robots.txt, WebSub hub). Tag reason: the
     * {@code FetchException} kind in lower case ({@code deadline}, {@code refused}, {@code timeout}, …).
     */
    public static final String HTTP_FETCH_FAILURES = "newsflow.http.fetch.failures";
    /** Every fetch, whatever its outcome: with {@link #HTTP_FETCH_FAILURES} it gives the failure ratio. */
    public static final String HTTP_FETCHES = "newsflow.http.fetches";

    /**
     * Searches by outcome (tag outcome: ok, partial, refused_limit, refused_busy, timeout, unreachable, failed);
     * see docs/search-limits.md.
     */
    public static final String SEARCHES = "newsflow.search.requests";

    private MeterNames() {
    }
}
