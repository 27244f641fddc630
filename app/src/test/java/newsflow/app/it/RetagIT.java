package newsflow.app.it;

import newsflow.app.cli.RetagCommand;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.EnrichConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.common.url.ArticleIds;
import newsflow.enrich.Extract;
import newsflow.enrich.retag.Retag;
import newsflow.enrich.retag.RetagReport;
import newsflow.enrich.topics.TopicTagger;
import newsflow.index.document.ArticleDocument;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-tagging end to end against the real broker and node: articles indexed under one set of watch-topics, then
 * {@code newsflow retag --config FILE} with a changed set; the same documents (same ids, same count) end up with
 * the new topics while the index stage keeps running, and nothing else about them changes.
 */
class RetagIT {

    private static final Map<String, String> OLD_WATCH = Map.of("ferries", "ferry AND (terminal OR pier)");
    private static final Map<String, String> NEW_WATCH = Map.of("ferries", "ferry AND pier", "depot", "depot AND tram");

    /** url → title and text, written for this test; the expected topics under each set are in the assertions. */
    private static final Map<String, String[]> ARTICLES = new LinkedHashMap<>();

    static {
        ARTICLES.put("https://harbour-news.example/retag/depot", new String[]{"Tram depot approved",
                "The harbour board approved the tram depot beside the ferry terminal after a long meeting on Tuesday."});
        ARTICLES.put("https://harbour-news.example/retag/pier", new String[]{"North pier reopens",
                "The ferry will use the north pier again from Monday while the terminal building is repainted."});
        ARTICLES.put("https://harbour-news.example/retag/tram", new String[]{"Tram line extended",
                "The tram line will reach the new depot at the quarry by spring, the transport office said."});
        ARTICLES.put("https://harbour-news.example/retag/bakery", new String[]{"Bakery reopens on the quay",
                "The bakery on the quay reopened on Saturday with a queue that stretched round the corner."});
    }

    @TempDir
    Path dir;

    @Test
    void retagRewritesTheSameDocumentsWithTheNewWatchTopics() throws Exception {
        NewsflowConfig base = IsolatedRun.config("retag", List.of());
        NewsflowConfig before = base.withEnrich(watch(base.enrich(), OLD_WATCH));
        NewsflowConfig after = base.withEnrich(watch(base.enrich(), NEW_WATCH));

        try (Pipeline index = new Pipeline(before, EnumSet.of(StageName.INDEX)).start();
             KafkaProducer<String, Article> producer = new KafkaClients(before.kafka()).producer("it-retag", JsonCodec.ARTICLE.serializer())) {
            TopicTagger tagger = TopicTagger.configured(before.enrich());
            for (var a : ARTICLES.entrySet()) {
                Article article = Extract.article(page(a.getValue()[0], a.getValue()[1]), a.getKey(), tagger);
                producer.send(new ProducerRecord<>(Topics.from(before.kafka()).articles(), article.id(), article)).get();
            }
            Eventually.await("the articles indexed", Duration.ofMinutes(1), Duration.ofMillis(500),
                    () -> IsolatedRun.documentsPerId(before, ARTICLES.keySet()).size() == ARTICLES.size(),
                    () -> IsolatedRun.documentsPerId(before, ARTICLES.keySet()).toString());
            Map<String, ArticleDocument> indexed = IsolatedRun.documents(before);
            assertThat(topics(indexed, "depot")).containsExactly("ferries");
            assertThat(topics(indexed, "pier")).containsExactly("ferries");
            assertThat(topics(indexed, "tram")).isEmpty();
            assertThat(topics(indexed, "bakery")).isEmpty();

            Path file = dir.resolve("newsflow.yaml");
            Files.writeString(file, yaml(after), StandardCharsets.UTF_8);
            int exit = new CommandLine(new RetagCommand()).execute("--config", file.toString());
            assertThat(exit).isZero();

            Eventually.await("the re-tagged documents updated", Duration.ofMinutes(1), Duration.ofMillis(500),
                    () -> topics(IsolatedRun.documents(before), "tram").equals(List.of("depot")),
                    () -> IsolatedRun.documents(before).values().stream().map(d -> d.url() + " " + d.topics()).toList().toString());
            Eventually.await("every re-tagged document updated", Duration.ofMinutes(1), Duration.ofMillis(500),
                    () -> topics(IsolatedRun.documents(before), "depot").equals(List.of("depot")),
                    () -> IsolatedRun.documents(before).values().stream().map(d -> d.url() + " " + d.topics()).toList().toString());

            Map<String, ArticleDocument> retagged = IsolatedRun.documents(before);
            assertThat(retagged).hasSize(ARTICLES.size());
            assertThat(IsolatedRun.documentsPerId(before, ARTICLES.keySet()).values()).allMatch(n -> n == 1L);
            assertThat(topics(retagged, "depot")).containsExactly("depot");   // no longer ferries: no pier
            assertThat(topics(retagged, "pier")).containsExactly("ferries");
            assertThat(topics(retagged, "tram")).containsExactly("depot");
            assertThat(topics(retagged, "bakery")).isEmpty();
            for (String url : ARTICLES.keySet()) {
                String id = ArticleIds.forUrl(url);
                assertThat(retagged.get(id).title()).isEqualTo(indexed.get(id).title());
                assertThat(retagged.get(id).body()).isEqualTo(indexed.get(id).body());
            }

            // the log now holds the re-tagged versions: a second run finds nothing to change
            RetagReport again = Retag.archive(after, false);
            assertThat(again.articles()).isEqualTo(ARTICLES.size());
            assertThat(again.changed()).isZero();
            assertThat(again.unchanged()).isEqualTo(ARTICLES.size());
            assertThat(again.superseded()).isEqualTo(2);
            assertThat(again.warnings()).as("the articles topic is compacted: nothing lost to retention").isEmpty();
        }
    }

    private static EnrichConfig watch(EnrichConfig e, Map<String, String> watchTopics) {
        return e.withTopics(Map.of(), watchTopics, "", EnrichConfig.NO_TAXONOMY);
    }

    private static byte[] page(String title, String text) {
        return ("<html lang=\"en\"><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>"
                + text + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> topics(Map<String, ArticleDocument> docs, String slug) {
        ArticleDocument doc = docs.get(ArticleIds.forUrl("https://harbour-news.example/retag/" + slug));
        return doc == null ? List.of("(missing)") : doc.topics();
    }

    /** What an operator's file would hold: where the broker is, the run's topic prefix, the new watch-topics. */
    private static String yaml(NewsflowConfig c) {
        StringBuilder y = new StringBuilder();
        y.append("kafka:\n");
        y.append("  bootstrapServers: '").append(c.kafka().bootstrapServers()).append("'\n");
        y.append("  topicPrefix: '").append(c.kafka().topicPrefix()).append("'\n");
        // only the watch-topics under test: no default IPTC taxonomy adding its own topics
        y.append("enrich:\n  taxonomy: none\n  watchTopics:\n");
        c.enrich().watchTopics().forEach((name, query) ->
                y.append("    ").append(name).append(": '").append(query.replace("'", "''")).append("'\n"));
        return y.toString();
    }
}
