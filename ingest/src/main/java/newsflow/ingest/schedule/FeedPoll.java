package newsflow.ingest.schedule;

import newsflow.common.config.FeedConfig;

/** Polls one feed once: fetch, parse, publish, remember. Reports failures in the outcome rather than throwing. */
@FunctionalInterface
public interface FeedPoll {

    PollOutcome poll(FeedConfig feed);
}
