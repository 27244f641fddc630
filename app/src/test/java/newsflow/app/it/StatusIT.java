package newsflow.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.demo.DemoSite;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.status.PipelineStatus;
import newsflow.app.status.StatusCollector;
import newsflow.app.testing.Cli;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.TestArticles;
import newsflow.app.testing.TestStack;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.index.schema.IndexNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code newsflow status} against the real broker and node while the demo site's feeds (and one broken feed) run
 * through ingest, enrich and index: every stage's group with its instance, the lag on each input topic, the
 * failing feed, the dead letter of the last hour, the node's health and the alias's documents, the stack's disk.
 * Then with the pipeline stopped (no members, records waiting show as lag) and with Elasticsearch unreachable
 * (the other sections still shown, the problem named, exit status 1).
 */
class StatusIT {

    @Test
    void reportsStagesLagFeedsDeadLettersElasticsearchAndDisk() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            String broken = site.baseUrl() + "/no-such-feed.xml";
            List<FeedConfig> feeds = new ArrayList<>(site.feeds());
            feeds.add(new FeedConfig(broken, "Broken feed", null, null, Map.of()));
            Path stackDir = Path.of(TestStack.config().dataDir());
            NewsflowConfig config = IsolatedRun.config("status", feeds);
            Path yaml = Cli.configFile(config.withDataDir(stackDir.toString()));
            Topics topics = Topics.from(config.kafka());

            try (Pipeline pipeline = new Pipeline(config, EnumSet.of(StageName.INGEST, StageName.ENRICH, StageName.INDEX)).start()) {
                TestArticles.produceRaw(config, topics.entries(), "not-an-entry", "{ not json");
                Eventually.await("every demo article indexed", Duration.ofMinutes(3), Duration.ofSeconds(1),
                        () -> IsolatedRun.documentsPerId(config, site.articleUrls()).size() == site.articleCount(),
                        () -> IsolatedRun.documentsPerId(config, site.articleUrls()).size() + " of " + site.articleCount());
                Eventually.await("the report settled", Duration.ofMinutes(1), Duration.ofSeconds(1),
                        () -> settled(status(yaml, 0)), () -> status(yaml, 0).toString());

                JsonNode s = status(yaml, 0);
                for (String stage : List.of("ingest", "enrich", "index")) {
                    JsonNode st = stage(s, stage);
                    assertThat(st.get("group").asText()).isEqualTo(config.kafka().groupPrefix() + stage);
                    assertThat(st.get("members")).as(stage).hasSize(1);
                    assertThat(st.get("state").asText()).isEqualTo("Stable");
                }
                assertThat(stage(s, "ingest").get("topic").asText()).isEqualTo(topics.feedState());
                assertThat(stage(s, "ingest").has("lag")).as("ingest polls feeds, it has no lag").isFalse();
                assertThat(stage(s, "enrich").get("topic").asText()).isEqualTo(topics.entries());
                assertThat(stage(s, "enrich").get("lag").asLong()).isZero();
                assertThat(stage(s, "index").get("topic").asText()).isEqualTo(topics.articles());
                assertThat(stage(s, "index").get("lag").asLong()).isZero();

                assertThat(s.at("/feeds/registered").asInt()).isEqualTo(feeds.size());
                assertThat(s.at("/feeds/failing")).singleElement().satisfies(f -> {
                    assertThat(f.get("url").asText()).isEqualTo(broken);
                    assertThat(f.get("lastError").asText()).contains("404");
                });
                assertThat(s.at("/deadLetters/total").asLong()).isEqualTo(1);
                assertThat(s.at("/deadLetters/byStage/enrich").asLong()).isEqualTo(1);

                assertThat(s.at("/elasticsearch/health").asText()).isIn("green", "yellow");
                assertThat(s.at("/elasticsearch/nodes").asInt()).isPositive();
                assertThat(s.at("/elasticsearch/alias").asText()).isEqualTo(config.elasticsearch().index());
                assertThat(s.at("/elasticsearch/documents").asLong()).isEqualTo(site.articleCount());
                assertThat(s.at("/elasticsearch/liveVersions")).extracting(JsonNode::asInt).containsExactly(IndexNames.CURRENT_VERSION);
                // the local node (integ-test-zip) has no percolator module: alerts match in-process, and say why
                assertThat(s.at("/elasticsearch/alertMatching").asText())
                        .isEqualTo("in-process (the Elasticsearch node has no percolator module)");

                assertThat(s.at("/disk/dataDir").asText()).isEqualTo(stackDir.toAbsolutePath().normalize().toString());
                assertThat(s.at("/disk/freeBytes").asLong()).isPositive();
                assertThat(s.at("/disk/totalBytes").asLong())
                        .isGreaterThanOrEqualTo(s.at("/disk/kafkaBytes").asLong() + s.at("/disk/elasticsearchBytes").asLong());
                if (Files.isDirectory(stackDir.resolve("kafka"))) { // the test stack runs here, not on external services
                    assertThat(s.at("/disk/kafkaBytes").asLong()).isPositive();
                    assertThat(s.at("/disk/elasticsearchBytes").asLong()).isPositive();
                }
                assertThat(s.get("problems")).isEmpty();

                Cli.Run text = Cli.run("status", "--config", yaml.toString());
                assertThat(text.exit()).isZero();
                assertThat(text.out()).contains("STAGE", "enrich", "0 on " + topics.entries(), "1 failing", broken,
                        "dead letters in the last hour: 1 (enrich 1)", "alias " + config.elasticsearch().index() + ": "
                                + site.articleCount() + " documents", "local stack data " + stackDir.toAbsolutePath().normalize());
            }

            // stopped: no instance left in any group; what arrives meanwhile waits, and shows as lag
            TestArticles.produceRaw(config, topics.entries(), "waiting-1", "{}");
            TestArticles.produceRaw(config, topics.entries(), "waiting-2", "{}");
            JsonNode stopped = status(yaml, 0);
            for (String stage : List.of("ingest", "enrich", "index")) {
                assertThat(stage(stopped, stage).get("members")).as(stage).isEmpty();
            }
            assertThat(stage(stopped, "enrich").get("lag").asLong()).isEqualTo(2);

            // Elasticsearch unreachable: said so, the rest still reported (collected directly: NEWSFLOW_ELASTICSEARCH_URL,
            // when the tests run against external services, would override a configuration file's address)
            ElasticsearchConfig e = config.elasticsearch();
            NewsflowConfig noNode = config.withDataDir(stackDir.toString()).withElasticsearch(new ElasticsearchConfig(
                    "http://127.0.0.1:1", e.username(), e.password(), e.apiKey(), e.index(), e.shards(), e.replicas(), e.bulkActions()));
            PipelineStatus down = StatusCollector.collect(noNode, () -> new KafkaClients(config.kafka()));
            assertThat(down.elasticsearch()).isNull();
            assertThat(down.problems()).singleElement().asString().startsWith("elasticsearch at http://127.0.0.1:1");
            assertThat(down.stages()).hasSize(3);
            assertThat(down.feeds().registered()).isEqualTo(feeds.size());
        }
    }

    private static JsonNode status(Path yaml, int expectedExit) {
        Cli.Run run = Cli.run("status", "--config", yaml.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isEqualTo(expectedExit);
        return Json.read(run.out(), JsonNode.class);
    }

    /** Every record processed and the broken feed seen failing. */
    private static boolean settled(JsonNode s) {
        return s.get("stages").size() == 3 && stage(s, "enrich").get("lag").asLong() == 0
                && stage(s, "index").get("lag").asLong() == 0 && s.at("/feeds/failing").size() == 1
                && s.at("/deadLetters/total").asLong() == 1;
    }

    private static JsonNode stage(JsonNode status, String name) {
        return StreamSupport.stream(status.get("stages").spliterator(), false)
                .filter(n -> n.get("stage").asText().equals(name)).findFirst().orElseThrow();
    }
}
