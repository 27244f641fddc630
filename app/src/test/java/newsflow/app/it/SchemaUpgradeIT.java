package newsflow.app.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.app.testing.Cli;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.TestArticles;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.ConsumerGroups;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.model.Article;
import newsflow.index.IndexStage;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.AliasTargets;
import newsflow.index.schema.IndexNames;
import newsflow.index.upgrade.SchemaUpgrade;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * From one index schema version to the next without losing an article, against the real broker and node. The
 * articles are indexed by a stage of version N (this build's); the upgrade to N+1 is refused while that stage runs;
 * with it stopped, articles keep arriving; the upgrade rebuilds N+1 from the articles topic and switches the alias;
 * a stage of N+1 goes on with what arrived after, while a stage of N waits and writes nothing. Every article is
 * found through the alias, once. Then the way back: this build's {@code newsflow index upgrade} switches to N again.
 */
class SchemaUpgradeIT {

    private static final int OLD = IndexNames.CURRENT_VERSION;
    private static final int NEW = OLD + 1;

    @Test
    void upgradesToTheNextVersionAndBackWithoutLosingAnArticle() throws Exception {
        NewsflowConfig config = IsolatedRun.config("upgrade", List.of());
        Path yaml = Cli.configFile(config);
        String alias = config.elasticsearch().index();
        KafkaClients kafka = new KafkaClients(config.kafka());
        kafka.ensureTopics();
        List<Article> all = new ArrayList<>();

        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            // indexed under the old version, over several months
            List<Article> first = articles("first", 6);
            TestArticles.produce(config, first);
            all.addAll(first);
            try (IndexStage old = new IndexStage(config, kafka, OLD)) {
                Thread.ofPlatform().name("index-v" + OLD).start(old);
                awaitFound(config, all);
                assertThat(AliasTargets.read(es, alias).versions()).containsExactly(OLD);

                // refused while a stage runs, and nothing changed
                SchemaUpgrade whileRunning = new SchemaUpgrade(config, kafka, es, NEW);
                assertThatThrownBy(whileRunning::run).isInstanceOf(ConsumerGroups.GroupActiveException.class)
                        .hasMessageContaining("the index stage is running").hasMessageContaining("Nothing was changed");
                assertThat(indices(es, new IndexNames(alias, NEW))).isEmpty();
            }

            // the old stage is stopped for the upgrade; enrich goes on producing
            List<Article> during = articles("during", 2);
            TestArticles.produce(config, during);
            all.addAll(during);

            SchemaUpgrade.Report report = new SchemaUpgrade(config, kafka, es, NEW).run();
            assertThat(report.problem()).isNull();
            assertThat(report.switched()).isTrue();
            assertThat(report.previous()).containsExactly(OLD);
            assertThat(report.records()).isEqualTo(8);
            assertThat(report.articles()).isEqualTo(8);
            assertThat(report.documents()).isEqualTo(8);
            assertThat(report.rejected()).isEmpty();
            assertThat(AliasTargets.read(es, alias).versions()).containsExactly(NEW);
            assertThat(es.indices().existsIndexTemplate(t -> t.name(new IndexNames(alias, OLD).template())).value())
                    .as("the old template is gone, so no later index of it takes the alias").isFalse();
            assertThat(indices(es, new IndexNames(alias, OLD))).as("kept for a way back").isNotEmpty();
            assertFoundOnce(config, all);

            // after the switch: the new version's stage goes on from the group's offsets; an old one writes nothing
            List<Article> after = articles("after", 3);
            try (IndexStage current = new IndexStage(config, kafka, NEW);
                 IndexStage stale = new IndexStage(config, kafka, OLD)) {
                Thread.ofPlatform().name("index-v" + NEW).start(current);
                Thread.ofPlatform().name("index-stale-v" + OLD).start(stale);
                TestArticles.produce(config, after);
                all.addAll(after);
                awaitFound(config, all);
                assertThat(stale.ready()).as("a stage of the old version waits for an upgrade").isFalse();
            }
            assertFoundOnce(config, all);
            assertThat(count(es, new IndexNames(alias, OLD).pattern())).as("nothing written to the old version").isEqualTo(6);

            Cli.Run status = Cli.run("index", "status", "--config", yaml.toString());
            assertThat(status.exit()).isZero();
            assertThat(status.out()).contains("alias " + alias + ": schema version [" + NEW + "]; this build writes version " + OLD,
                    "version " + NEW + " (live):", "version " + OLD + ":", "waits until `newsflow index upgrade`");

            // the way back, with this build's command: rebuilt from the topic, every article there
            Cli.Run back = Cli.run("index", "upgrade", "--config", yaml.toString());
            assertThat(back.exit()).as(back.err()).isZero();
            assertThat(back.out()).contains("11 records read", "version " + OLD + ": 11 articles written, 11 documents",
                    "alias " + alias + " switched from version [" + NEW + "] to " + OLD);
            assertThat(AliasTargets.read(es, alias).versions()).containsExactly(OLD);
            assertFoundOnce(config, all);
            Cli.Run again = Cli.run("index", "upgrade", "--config", yaml.toString());
            assertThat(again.out()).contains("already serves schema version " + OLD + ": nothing to do");

            Cli.Run removeLive = Cli.run("index", "remove", "--config", yaml.toString(), "--version", Integer.toString(OLD));
            assertThat(removeLive.exit()).isEqualTo(1);
            assertThat(removeLive.err()).contains("refused", "is the one alias " + alias + " serves");
            Cli.Run remove = Cli.run("index", "remove", "--config", yaml.toString(), "--version", Integer.toString(NEW));
            assertThat(remove.exit()).isZero();
            assertThat(indices(es, new IndexNames(alias, NEW))).isEmpty();
            assertFoundOnce(config, all);
        }
    }

    /** {@code n} articles of a set, published in different months. */
    private static List<Article> articles(String set, int n) {
        return IntStream.range(0, n).mapToObj(i -> TestArticles.dated("https://quay-news.example/upgrade/" + set + "-" + i,
                "Harbour works " + set + " " + i, Instant.parse("2026-0" + (1 + i % 4) + "-12T10:00:00Z"))).toList();
    }

    private static void awaitFound(NewsflowConfig config, List<Article> articles) {
        List<String> urls = articles.stream().map(Article::url).toList();
        Eventually.await(articles.size() + " articles found through the alias", Duration.ofMinutes(1), Duration.ofMillis(500),
                () -> IsolatedRun.documentsPerId(config, urls).size() == urls.size(),
                () -> IsolatedRun.documentsPerId(config, urls).size() + " of " + urls.size());
    }

    private static void assertFoundOnce(NewsflowConfig config, List<Article> articles) {
        List<String> urls = articles.stream().map(Article::url).toList();
        assertThat(IsolatedRun.documentsPerId(config, urls)).hasSize(urls.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }

    private static Set<String> indices(ElasticsearchClient es, IndexNames names) throws Exception {
        return es.indices().get(g -> g.index(names.pattern()).allowNoIndices(true).ignoreUnavailable(true)).indices().keySet();
    }

    private static long count(ElasticsearchClient es, String pattern) throws Exception {
        es.indices().refresh(r -> r.index(pattern));
        return es.count(c -> c.index(pattern)).count();
    }
}
