package newsflow.app.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Cli;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.TestArticles;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.ConsumerGroups;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.IndexNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code newsflow replay --stage index --from TIME} against the real broker and node: refused while the index
 * stage runs; with it stopped, the group goes back to TIME, and the stage, started again, writes the articles
 * produced since then once more (documents lost from the index come back), the older ones untouched, none twice.
 */
class ReplayIT {

    @Test
    void resetsTheIndexGroupToATimeSoTheStageRewritesWhatCameSince() throws Exception {
        NewsflowConfig config = IsolatedRun.config("replay", List.of());
        Path yaml = Cli.configFile(config);
        Topics topics = Topics.from(config.kafka());
        List<Article> before = articles("before", 3);
        List<Article> after = articles("after", 2);
        List<String> urls = java.util.stream.Stream.concat(before.stream(), after.stream()).map(Article::url).toList();

        TestArticles.produce(config, before);
        Thread.sleep(1100); // record timestamps are in milliseconds: TIME falls strictly between the two sets
        Instant from = Instant.now();
        Thread.sleep(1100);
        TestArticles.produce(config, after);

        try (Pipeline index = new Pipeline(config, EnumSet.of(StageName.INDEX)).start()) {
            Eventually.await("all five indexed", Duration.ofMinutes(1), Duration.ofMillis(500),
                    () -> IsolatedRun.documentsPerId(config, urls).size() == 5, () -> "");

            Cli.Run refused = Cli.run("replay", "--config", yaml.toString(), "--stage", "index", "--from", from.toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("refused", config.kafka().groupPrefix() + "index", "active member",
                    "Stop every instance of the stage");
        }
        long committedBefore = committedTotal(config);
        assertThat(committedBefore).as("every record committed").isEqualTo(5);

        // documents lost from the index since TIME (say a node's disk was restored from an older snapshot)
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            for (Article a : after) {
                es.delete(d -> d.index(IndexNames.current(config.elasticsearch().index()).forArticle(a).orElseThrow()).id(a.id()));
            }
        }
        assertThat(IsolatedRun.documentsPerId(config, urls)).hasSize(3);

        Cli.Run dry = Cli.run("replay", "--config", yaml.toString(), "--stage", "index", "--from", from.toString(), "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("would reset group " + config.kafka().groupPrefix() + "index on " + topics.articles(),
                "2 records to process again", "dry run: nothing changed");
        assertThat(committedTotal(config)).as("a dry run changes nothing").isEqualTo(committedBefore);

        Cli.Run reset = Cli.run("replay", "--config", yaml.toString(), "--stage", "index", "--from", from.toString());
        assertThat(reset.exit()).isZero();
        assertThat(reset.out()).contains("reset group", "2 records to process again");
        assertThat(committedTotal(config)).isEqualTo(3);

        try (Pipeline index = new Pipeline(config, EnumSet.of(StageName.INDEX)).start()) {
            Eventually.await("the two articles since TIME written again", Duration.ofMinutes(1), Duration.ofMillis(500),
                    () -> IsolatedRun.documentsPerId(config, urls).size() == 5, () -> IsolatedRun.documentsPerId(config, urls).toString());
            Eventually.await("the group back at the end", Duration.ofMinutes(1), Duration.ofMillis(500),
                    () -> committedTotal(config) == 5, () -> "committed " + committedTotal(config));
        }
        assertThat(IsolatedRun.documentsPerId(config, urls).values()).as("none twice").containsOnly(1L);

        Cli.Run ingest = Cli.run("replay", "--config", yaml.toString(), "--stage", "ingest", "--from", "1h");
        assertThat(ingest.exit()).isEqualTo(2);
        assertThat(ingest.err()).contains("no input topic to replay");
        Cli.Run badTime = Cli.run("replay", "--config", yaml.toString(), "--stage", "index", "--from", "yesterday");
        assertThat(badTime.exit()).isEqualTo(2);
        assertThat(badTime.err()).contains("'yesterday' is not a time");
    }

    private static List<Article> articles(String set, int n) {
        return IntStream.range(0, n).mapToObj(i -> TestArticles.dated("https://quay-news.example/replay/" + set + "-" + i,
                "Harbour notice " + set + " " + i, Instant.parse("2026-03-0" + (i + 1) + "T10:00:00Z"))).toList();
    }

    /** The sum of the index group's committed offsets (one partition or several). */
    private static long committedTotal(NewsflowConfig config) {
        try (ConsumerGroups groups = new ConsumerGroups(new KafkaClients(config.kafka()), Duration.ofSeconds(30))) {
            return groups.describe(config.kafka().groupPrefix() + "index", Topics.from(config.kafka()).articles())
                    .partitions().stream().mapToLong(p -> p.committed() == null ? 0 : p.committed()).sum();
        }
    }
}
