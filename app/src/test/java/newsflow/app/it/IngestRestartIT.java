package newsflow.app.it;

import newsflow.app.demo.DemoSite;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.http.HttpFetcher;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.ingest.IngestStage;
import newsflow.ingest.schedule.PollSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest remembers what it published in Kafka, not in memory: a new ingest process over the same feeds
 * publishes nothing again, and a feed that cannot be fetched is counted as failed without stopping the others.
 */
class IngestRestartIT {

    @Test
    void aRestartedIngestRepublishesNothingAndABrokenFeedStopsNoOther() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            List<FeedConfig> feeds = new ArrayList<>(site.feeds());
            feeds.add(new FeedConfig(site.baseUrl() + "/no-such-feed.xml", "Broken feed", null, null, Map.of()));
            NewsflowConfig config = IsolatedRun.config("ingest", feeds);

            PollSummary first = pollOnceAndStop(config);
            assertThat(first.feedsFailed()).isEqualTo(1);
            assertThat(first.feedsPolled()).isEqualTo(site.feeds().size());
            assertThat(first.entriesPublished()).isEqualTo(site.articleCount());

            PollSummary second = pollOnceAndStop(config);
            assertThat(second.feedsFailed()).isEqualTo(1);
            assertThat(second.entriesPublished()).isZero();

            assertThat(IsolatedRun.recordKeys(config, Topics.from(config.kafka()).entries())).hasSize(site.articleCount()).doesNotHaveDuplicates();
        }
    }

    /** A fresh ingest stage (as after a process restart): restores its state from Kafka, polls every feed once. */
    private static PollSummary pollOnceAndStop(NewsflowConfig config) {
        try (HttpFetcher http = new HttpFetcher(config.http());
             IngestStage ingest = new IngestStage(config, new KafkaClients(config.kafka()), http)) {
            return ingest.pollAllOnce();
        }
    }
}
