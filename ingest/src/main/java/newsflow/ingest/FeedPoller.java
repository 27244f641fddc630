package newsflow.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import newsflow.common.config.FeedConfig;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;
import newsflow.common.log.LogContext;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.fetch.FeedFetcher;
import newsflow.ingest.parse.FeedParseException;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.parse.ParsedFeed;
import newsflow.ingest.parse.PushHub;
import newsflow.ingest.publish.EntryPublisher;
import newsflow.ingest.publish.PublishException;
import newsflow.ingest.publish.PublishPlan;
import newsflow.ingest.schedule.FeedPoll;
import newsflow.ingest.schedule.NetworkWatch;
import newsflow.ingest.schedule.PollOutcome;
import newsflow.ingest.schedule.PollTiming;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.FeedStateStore;
import newsflow.ingest.state.StateSaveException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One poll of one feed: conditional fetch, parse, publish what is new or changed, then remember it.
 *
 * <p>Order matters: entries are acknowledged by the broker <em>before</em> the state naming them is saved. A
 * crash in between republishes them on restart, which is harmless (downstream is idempotent by id); the
 * other order could lose them.
 *
 * <p>Public so that the ingest benchmark ({@code newsflow bench-ingest schedule}) can run the real poll path
 * with in-memory stand-ins for Kafka; {@link IngestStage} is what wires it in the service.
 */
public final class FeedPoller implements FeedPoll {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final EntryPublisher publisher;
    private final FeedStateStore states;
    private final PollTiming timing;
    private final int rememberedIds;
    private final MeterRegistry meters;
    private final Clock clock;
    private final NetworkWatch network;
    /** Told of every WebSub hub a fetched feed advertises (subscribes when WebSub is on). */
    private final BiConsumer<String, PushHub> hubAdvertised;
    private final Timer pollDuration;
    private final SeenDocuments seen = new SeenDocuments();
    /** Histogram buckets of a poll: from a 304 on loopback to one that ran into http.totalTimeout. */
    static final Duration[] POLL_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    public FeedPoller(FeedFetcher fetcher, FeedParser parser, EntryPublisher publisher, FeedStateStore states,
               PollTiming timing, int rememberedIds, NetworkWatch network, BiConsumer<String, PushHub> hubAdvertised,
               MeterRegistry meters, Clock clock) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.publisher = publisher;
        this.states = states;
        this.timing = timing;
        this.rememberedIds = rememberedIds;
        this.network = network;
        this.hubAdvertised = hubAdvertised;
        this.meters = meters;
        this.clock = clock;
        this.pollDuration = Timer.builder(MeterNames.INGEST_POLL_DURATION).serviceLevelObjectives(POLL_BUCKETS).register(meters);
    }

    @Override
    public PollOutcome poll(FeedConfig feed) {
        try (LogContext.Scope about = LogContext.feed(IngestStage.STAGE, feed.url())) {
            return pollFeed(feed);
        }
    }

    private PollOutcome pollFeed(FeedConfig feed) {
        long start = System.nanoTime();
        try {
            return pollOnce(feed);
        } finally {
            pollDuration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private PollOutcome pollOnce(FeedConfig feed) {
        String url = feed.url();
        FeedState state = states.get(url);
        FeedState before = state;
        Instant now = clock.instant();
        try {
            FetchResponse response = fetcher.fetch(feed, state);
            network.reached();
            if (response.movedPermanentlyTo() != null) {
                String newHome = response.movedPermanentlyTo().toString();
                log.info("feed {} moved permanently to {}: fetched there from now on (update the configuration to the new address)",
                        url, newHome);
                state = state.withMovedTo(newHome);
            }
            if (response.notModified()) {
                // nothing new to learn the posting rate from: keep the interval adapted last time
                Instant next = now.plus(state.interval() != null ? state.interval() : timing.interval(feed));
                // A 304 may omit the validators; the ones sent are still the right ones then.
                String etag = response.etag() != null ? response.etag() : state.etag();
                String lastModified = response.lastModified() != null ? response.lastModified() : state.lastModified();
                FeedState after = state.withSuccess(etag, lastModified, now).withNextPollAt(next);
                states.save(after);
                seen.stateMoved(url, before, after);
                meters.counter(MeterNames.FEEDS_POLLED, "feed", url).increment();
                log.debug("feed {}: not modified", url);
                return new PollOutcome(url, PollOutcome.Status.NOT_MODIFIED, 0, 0, null, null, next);
            }
            byte[] digest = SeenDocuments.digest(response.body());
            SeenDocuments.Seen same = seen.same(feed, digest, response.contentType(), before);
            if (same != null) {
                return sameDocument(feed, state, same, response, now);
            }
            seen.forget(url);
            ParsedFeed parsed = parser.parse(response.body(), response.contentType(), url);
            List<FeedEntry> entries = parsed.entries(feed.name(), now);
            PublishPlan plan = PublishPlan.of(entries, state);
            Duration interval = timing.adaptedInterval(feed, parsed.hints(),
                    parsed.items().stream().map(FeedEntry::published).toList(), now);
            Instant next = timing.nextPoll(now, interval, parsed.hints());
            publisher.publish(plan.toPublish());
            if (timing.disabled(state.errorStreak())) {
                log.info("feed {} answers again after {} failures: enabled", url, state.errorStreak());
            }
            FeedState after = state.withSuccess(response.etag(), response.lastModified(), now)
                    .remember(plan.seen(), rememberedIds)
                    .withInterval(interval)
                    .withNextPollAt(next);
            states.save(after);
            seen.remember(new SeenDocuments.Seen(digest, response.contentType(), feed, parsed.hints(), parsed.push(), after));

            if (parsed.push() != null) {
                hubAdvertised.accept(url, parsed.push());
            }
            int skipped = plan.skipped().size() + parsed.skippedItems();
            meters.counter(MeterNames.FEEDS_POLLED, "feed", url).increment();
            meters.counter(MeterNames.ENTRIES_PUBLISHED, "feed", url).increment(plan.toPublish().size());
            meters.counter(MeterNames.ENTRIES_SKIPPED, "feed", url).increment(skipped);
            log.info("feed {} ({}): {} entries published, {} skipped", url, parsed.format(),
                    plan.toPublish().size(), skipped);
            return new PollOutcome(url, PollOutcome.Status.FETCHED, plan.toPublish().size(), skipped, null, null, next);
        } catch (FetchException e) {
            return fetchFailed(feed, e);
        } catch (FeedParseException e) {
            return failed(feed, "parse", e);
        } catch (PublishException e) {
            return failed(feed, "publish", e);
        } catch (StateSaveException e) {
            return failed(feed, "state", e);
        } catch (RuntimeException e) {
            log.error("feed {}: unexpected error", url, e);
            return failed(feed, "internal", e);
        }
    }

    private PollOutcome fetchFailed(FeedConfig feed, FetchException e) {
        if (e.kind() == FetchException.Kind.CONNECT || e.kind() == FetchException.Kind.TIMEOUT) {
            if (network.unreachable(feed.url())) {
                return duringOutage(feed, e);
            }
        } else {
            network.reached(); // the host answered, if only with an error
        }
        if (e.isThrottling()) {
            return failed(feed, PollOutcome.THROTTLED, e, e.retryAfter().orElse(null));
        }
        return failed(feed, e.kind().name().toLowerCase(Locale.ROOT), e);
    }

    /** Our network is down, not the feed: retry soon, and do not count it in the feed's error streak. */
    private PollOutcome duringOutage(FeedConfig feed, FetchException e) {
        String url = feed.url();
        Instant next = clock.instant().plus(NetworkWatch.RETRY_DURING_OUTAGE);
        meters.counter(MeterNames.FEEDS_FAILED, "feed", url, "reason", "network").increment();
        log.debug("feed {}: not reached during a network outage, next attempt at {}: {}", url, next, e.getMessage());
        FeedState state = states.get(url);
        try {
            states.save(state.withNextPollAt(next));
        } catch (StateSaveException saveFailed) {
            log.warn("feed {}: {}", url, saveFailed.getMessage());
        }
        return PollOutcome.failure(url, "network", e.getMessage(), next);
    }

    private PollOutcome failed(FeedConfig feed, String reason, Exception cause) {
        return failed(feed, reason, cause, null);
    }

    /**
     * The document processed last time, byte for byte, against the state it left: nothing can be new, so it is
     * neither parsed nor published again; the poll counts as not modified, at the interval adapted last time.
     */
    private PollOutcome sameDocument(FeedConfig feed, FeedState state, SeenDocuments.Seen same, FetchResponse response,
                                     Instant now) throws StateSaveException {
        String url = feed.url();
        Duration interval = state.interval() != null ? state.interval() : timing.interval(feed);
        Instant next = timing.nextPoll(now, interval, same.hints());
        FeedState after = state.withSuccess(response.etag(), response.lastModified(), now).withNextPollAt(next);
        states.save(after);
        seen.remember(same.withAfter(after));
        if (same.hub() != null) {
            hubAdvertised.accept(url, same.hub()); // renews the subscription in time, as every fetch does
        }
        meters.counter(MeterNames.FEEDS_POLLED, "feed", url).increment();
        log.debug("feed {}: the same document as last time", url);
        return new PollOutcome(url, PollOutcome.Status.NOT_MODIFIED, 0, 0, null, null, next);
    }

    /** @param retryAfter the wait the server asked for, if any: the next attempt is no sooner */
    private PollOutcome failed(FeedConfig feed, String reason, Exception cause, Duration retryAfter) {
        String url = feed.url();
        seen.forget(url);
        Instant now = clock.instant();
        // Re-read: a failed state save has already updated the in-memory state with what was published.
        FeedState failedState = states.get(url).withFailure(cause.getMessage(), now);
        Instant next = now.plus(timing.afterFailure(feed, failedState.errorStreak()));
        if (retryAfter != null && now.plus(retryAfter).isAfter(next)) {
            next = now.plus(retryAfter);
        }
        failedState = failedState.withNextPollAt(next);
        if (timing.disabled(failedState.errorStreak()) && !timing.disabled(failedState.errorStreak() - 1)) {
            meters.counter(MeterNames.FEEDS_DISABLED, "feed", url).increment();
            log.error("feed {} disabled after {} consecutive failures (last success {}): tried once a day from now on; "
                    + "last error: {}", url, failedState.errorStreak(),
                    failedState.lastSuccess() == null ? "never" : failedState.lastSuccess(), cause.getMessage());
        }
        meters.counter(MeterNames.FEEDS_FAILED, "feed", url, "reason", reason).increment();
        log.warn("feed {}: poll failed ({}, {} in a row), next attempt at {}: {}", url, reason,
                failedState.errorStreak(), next, cause.getMessage());
        try {
            states.save(failedState);
        } catch (StateSaveException e) {
            log.warn("feed {}: {}", url, e.getMessage());
        }
        return PollOutcome.failure(url, reason, cause.getMessage(), next);
    }
}
