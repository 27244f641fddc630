package newsflow.app.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Cli;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.TestArticles;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.IndexNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code newsflow dead-letter list|replay} against the real broker and node: a month's index made by hand with the
 * wrong mapping makes Elasticsearch refuse that month's articles, and a record that is no article is dead-lettered
 * too; the list shows both with key, stage, source and error; once the bad index is gone, replaying the refused
 * article's dead letter gets it indexed by the running stage.
 */
class DeadLetterIT {

    private static final Instant BAD_MONTH = Instant.parse("2025-01-15T09:00:00Z");

    @Test
    void listsWhatTheIndexStageGaveUpOnAndReplaysItAfterTheFix() throws Exception {
        NewsflowConfig config = IsolatedRun.config("dead-letters", List.of());
        Path yaml = Cli.configFile(config);
        Topics topics = Topics.from(config.kafka());
        IndexNames names = IndexNames.current(config.elasticsearch().index());
        // published now: its month's index, not the archive index the refused (old) article goes to
        Article good = TestArticles.dated("https://quay-news.example/dl/good", "Ferry timetable",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Article refused = TestArticles.dated("https://quay-news.example/dl/refused", "Quay lights", BAD_MONTH);
        String badIndex = names.forArticle(refused).orElseThrow();

        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            // made by hand before the stage put its template: strict, with none of the article's fields
            es.indices().create(c -> c.index(badIndex)
                    .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                            .properties("unrelated", p -> p.keyword(k -> k))));
            try (Pipeline index = new Pipeline(config, EnumSet.of(StageName.INDEX)).start()) {
                TestArticles.produce(config, List.of(good, refused));
                TestArticles.produceRaw(config, topics.articles(), "not-an-article", "this is not JSON");

                Eventually.await("the good article indexed", Duration.ofMinutes(1), Duration.ofMillis(500),
                        () -> IsolatedRun.documentsPerId(config, List.of(good.url())).size() == 1, () -> "");
                Eventually.await("two dead letters", Duration.ofMinutes(1), Duration.ofMillis(500),
                        () -> listed(yaml).size() == 2, () -> listed(yaml).keySet().toString());

                Map<String, JsonNode> letters = listed(yaml);
                JsonNode bad = letters.get(refused.id());
                assertThat(bad.at("/deadLetter/stage").asText()).isEqualTo("index");
                assertThat(bad.at("/deadLetter/sourceTopic").asText()).isEqualTo(topics.articles());
                assertThat(bad.at("/deadLetter/error").asText()).contains("Elasticsearch refused document " + refused.id())
                        .contains(badIndex);
                assertThat(bad.at("/deadLetter/time").asText()).isNotEmpty();
                assertThat(bad.at("/replayable").asBoolean()).isTrue();
                Article original = Json.read(bad.at("/deadLetter/payload").asText(), Article.class);
                assertThat(original.id()).isEqualTo(refused.id());
                assertThat(original.title()).isEqualTo(refused.title());
                JsonNode junk = letters.get("not-an-article");
                assertThat(junk.at("/deadLetter/error").asText()).startsWith("undecodable");
                assertThat(junk.at("/deadLetter/payload").asText()).isEqualTo("this is not JSON");

                Cli.Run table = Cli.run("dead-letter", "list", "--config", yaml.toString(), "--stage", "index", "--since", "1h");
                assertThat(table.exit()).isZero();
                assertThat(table.out()).contains("ID", "KEY", "ERROR", bad.get("id").asText(), refused.id(), "not-an-article",
                        "2 dead letters in " + topics.deadLetter());
                assertThat(Cli.run("dead-letter", "list", "--config", yaml.toString(), "--stage", "enrich").out())
                        .contains("0 dead letters");

                // the fix: the hand-made index goes; the template creates that index again, right
                es.indices().delete(d -> d.index(badIndex));

                Cli.Run dry = Cli.run("dead-letter", "replay", "--config", yaml.toString(), "--since", "1h", "--dry-run");
                assertThat(dry.exit()).isZero();
                assertThat(dry.out()).contains("would republish " + bad.get("id").asText(), "would replay 2 of 2");
                Cli.Run replay = Cli.run("dead-letter", "replay", "--config", yaml.toString(), "--id", bad.get("id").asText());
                assertThat(replay.exit()).isZero();
                assertThat(replay.out()).contains("republished " + bad.get("id").asText() + " -> " + topics.articles(),
                        "replayed 1 of 1");

                Eventually.await("the refused article indexed after the replay", Duration.ofMinutes(1), Duration.ofMillis(500),
                        () -> IsolatedRun.documentsPerId(config, List.of(refused.url())).size() == 1, () -> "");
                assertThat(IsolatedRun.documentsPerId(config, List.of(good.url(), refused.url())).values()).containsOnly(1L);
                assertThat(listed(yaml)).as("nothing new failed").hasSize(2);

                Cli.Run nothingChosen = Cli.run("dead-letter", "replay", "--config", yaml.toString());
                assertThat(nothingChosen.exit()).isEqualTo(2);
                assertThat(nothingChosen.err()).contains("choose what to replay");
                Cli.Run badId = Cli.run("dead-letter", "replay", "--config", yaml.toString(), "--id", "17");
                assertThat(badId.exit()).isNotZero();
                assertThat(badId.err()).contains("'17' is not a dead-letter id");
            }
        }
    }

    /** {@code dead-letter list --json}, by record key. */
    private static Map<String, JsonNode> listed(Path yaml) {
        Cli.Run run = Cli.run("dead-letter", "list", "--config", yaml.toString(), "--json");
        assertThat(run.exit()).isZero();
        Map<String, JsonNode> byKey = new HashMap<>();
        run.out().lines().map(l -> Json.read(l, JsonNode.class)).forEach(n -> byKey.put(n.at("/deadLetter/key").asText(), n));
        return byKey;
    }
}
