package newsflow.common.config;

import java.time.Duration;

/**
 * @param defaultInterval  poll interval of feeds that set none
 * @param minInterval      no feed is polled more often than this
 * @param errorBackoffMax  longest wait after repeated failures of one feed
 * @param maxEntriesPerFeed items read from one feed document at most
 * @param rememberedIds    ids remembered per feed to avoid republishing entries (bounded, newest kept)
 * @param pollThreads      feeds fetched in parallel
 * @param perHostConcurrency polls of feeds on one host in flight at once, at most
 * @param perHostDelay     least time between the start of two polls on one host
 * @param maxInterval      longest interval the schedule adapts a quiet feed to (feeds with their own interval keep it)
 * @param disableAfterFailures consecutive failures after which a feed counts as disabled: reported, and tried only daily
 */
public record IngestConfig(
        Duration defaultInterval,
        Duration minInterval,
        Duration errorBackoffMax,
        int maxEntriesPerFeed,
        int rememberedIds,
        int pollThreads,
        int perHostConcurrency,
        Duration perHostDelay,
        Duration maxInterval,
        int disableAfterFailures) {
}
