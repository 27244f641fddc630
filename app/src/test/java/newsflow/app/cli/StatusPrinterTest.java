package newsflow.app.cli;

import newsflow.app.status.PipelineStatus;
import newsflow.common.kafka.ConsumerGroups;
import newsflow.ingest.status.FeedStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPrinterTest {

    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void rendersEverySectionAndNamesAVersionMismatch() {
        PipelineStatus s = new PipelineStatus(AT,
                List.of(new PipelineStatus.Stage("ingest", "nf-ingest", "nf.feed-state", "Stable",
                                List.of(new ConsumerGroups.Member("newsflow-ingest-1", "/10.0.0.5", List.of(0, 1, 2))), null),
                        new PipelineStatus.Stage("index", "nf-index", "nf.articles", "Empty", List.of(), 42L)),
                new PipelineStatus.Feeds(12, 1, List.of(new FeedStatus("https://a.example/rss", null, true, null,
                        "HTTP 404", 3, null, null, 0, false, false))),
                new PipelineStatus.DeadLetters(AT.minusSeconds(3600), 3, Map.of("enrich", 2L, "index", 1L)),
                new PipelineStatus.Elasticsearch("http://es:9200", "yellow", 1, "newsflow-articles", Set.of(1), 2, 1500L,
                        "in-process (the Elasticsearch node has no percolator module)"),
                new PipelineStatus.Disk("/srv/newsflow/data", 3L << 30, 1L << 30, (4L << 30) + 5, 20L << 30),
                List.of());

        String text = StatusPrinter.render(s);

        assertThat(text).contains("newsflow status at 2026-05-01T12:00:00Z");
        assertThat(text).containsPattern("ingest +nf-ingest +Stable +1 +- +newsflow-ingest-1@10\\.0\\.0\\.5 \\[0, 1, 2]");
        assertThat(text).containsPattern("index +nf-index +Empty +0 +42 on nf\\.articles");
        assertThat(text).contains("feeds: 12 registered, 1 failing, 1 not polled yet", "https://a.example/rss", "HTTP 404");
        assertThat(text).contains("dead letters in the last hour: 3 (enrich 2, index 1)");
        assertThat(text).contains("elasticsearch http://es:9200: yellow, 1 node(s)",
                "alias newsflow-articles: 1500 documents, schema version 1 (this build writes 2): run `newsflow index upgrade`",
                "alert matching: in-process (the Elasticsearch node has no percolator module)");
        assertThat(text).contains("local stack data /srv/newsflow/data: 4.0 GiB (kafka 3.0 GiB, elasticsearch 1.0 GiB), 20.0 GiB free");
        assertThat(text).doesNotContain("problems");
    }

    @Test
    void aSectionThatCouldNotBeReadIsLeftOutAndItsProblemShown() {
        PipelineStatus s = new PipelineStatus(AT, List.of(), null, null, null,
                new PipelineStatus.Disk("/tmp/none", 0, 0, 0, null),
                List.of("kafka: no Kafka to talk to", "elasticsearch at http://127.0.0.1:1: Connection refused"));

        String text = StatusPrinter.render(s);

        assertThat(text).doesNotContain("stages", "feeds:", "dead letters", "alias");
        assertThat(text).contains("local stack data /tmp/none: does not exist");
        assertThat(text).contains("problems\n  kafka: no Kafka to talk to\n  elasticsearch at http://127.0.0.1:1: Connection refused");
    }
}
