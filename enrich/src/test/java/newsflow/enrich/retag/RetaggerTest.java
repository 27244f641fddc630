package newsflow.enrich.retag;

import newsflow.common.kafka.JsonCodec;
import newsflow.common.model.Article;
import newsflow.common.model.TopicScore;
import newsflow.enrich.Extract;
import newsflow.enrich.topics.TopicTagger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetaggerTest {

    private static final String TOPIC = "nf.articles";
    private static final Map<String, String> OLD_WATCH = Map.of("ferries", "ferry AND (terminal OR pier)");
    private static final Map<String, String> NEW_WATCH = Map.of("depot", "depot AND tram", "ferries", "ferry AND pier");

    /** Records in a list standing for the topic: one partition, offsets in order. */
    private final List<ConsumerRecord<String, byte[]>> log = new ArrayList<>();

    private final MockProducer<String, Article> producer =
            new MockProducer<>(true, null, new StringSerializer(), JsonCodec.ARTICLE.serializer());

    private static Article article(String url, String title, String text, Map<String, String> watch) {
        Article a = Extract.article("<html lang=\"en\"><body><article><h1>" + title + "</h1><p>" + text
                + "</p></article></body></html>", url);
        return a.withTopics(TopicTagger.configured(Map.of(), watch, null).tag(a.title(), a.body()));
    }

    private void append(Article a) {
        append(a.id(), JsonCodec.ARTICLE.encode(a));
    }

    private void append(String key, byte[] value) {
        log.add(new ConsumerRecord<>(TOPIC, 0, log.size(), key, value));
    }

    private RetagReport retag(Map<String, String> watch, boolean write) throws InterruptedException {
        return new Retagger(log::forEach, TopicTagger.configured(Map.of(), watch, null), write ? producer : null, TOPIC).run();
    }

    private static List<String> names(List<TopicScore> topics) {
        return topics.stream().map(TopicScore::name).toList();
    }

    @Test
    void changedArticlesAreWrittenBackUnderTheirKeyWithOnlyTheirTopicsChanged() throws InterruptedException {
        Article depot = article("https://harbour.example/depot", "Tram depot approved",
                "The board approved the tram depot beside the ferry terminal.", OLD_WATCH);
        Article pier = article("https://harbour.example/pier", "Pier repairs",
                "The ferry will use the north pier while the terminal is repainted.", OLD_WATCH);
        Article bakery = article("https://harbour.example/bakery", "Bakery reopens",
                "The bakery on the quay reopened on Saturday with a queue round the corner.", OLD_WATCH);
        append(depot);
        append(pier);
        append(bakery);

        RetagReport report = retag(NEW_WATCH, true);

        assertThat(report.records()).isEqualTo(3);
        assertThat(report.articles()).isEqualTo(3);
        assertThat(report.changed()).isEqualTo(1);      // depot: ferries → depot
        assertThat(report.unchanged()).isEqualTo(2);    // pier still ferries; bakery still nothing
        assertThat(report.written()).isEqualTo(1);
        assertThat(report.added()).containsExactly(Map.entry("depot/watch", 1L));
        assertThat(report.removed()).containsExactly(Map.entry("ferries/watch", 1L));

        assertThat(producer.history()).hasSize(1);
        ProducerRecord<String, Article> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(TOPIC);
        assertThat(sent.key()).isEqualTo(depot.id());
        assertThat(names(sent.value().topics())).containsExactly("depot");
        assertThat(sent.value().withTopics(depot.topics())).isEqualTo(depot);
    }

    @Test
    void onlyTheLatestVersionOfAnArticleIsRetagged() throws InterruptedException {
        String url = "https://harbour.example/story";
        Article first = article(url, "Ferry timetable", "The ferry leaves the pier at nine.", OLD_WATCH);
        Article second = article(url, "Tram depot vote", "Councillors vote on the tram depot tonight.", OLD_WATCH);
        append(first);
        append(second);

        RetagReport report = retag(NEW_WATCH, true);

        assertThat(report.records()).isEqualTo(2);
        assertThat(report.articles()).isEqualTo(1);
        assertThat(report.superseded()).isEqualTo(1);
        assertThat(producer.history()).singleElement()
                .satisfies(r -> assertThat(r.value().title()).isEqualTo("Tram depot vote"))
                .satisfies(r -> assertThat(names(r.value().topics())).containsExactly("depot"));
    }

    @Test
    void aDryRunCountsButWritesNothingAndASecondRunFindsNothingToChange() throws InterruptedException {
        append(article("https://harbour.example/depot", "Tram depot approved",
                "The board approved the tram depot beside the ferry terminal.", OLD_WATCH));

        assertThat(retag(NEW_WATCH, false).changed()).isEqualTo(1);
        assertThat(producer.history()).isEmpty();

        retag(NEW_WATCH, true);
        producer.history().forEach(r -> append(r.key(), JsonCodec.ARTICLE.encode(r.value())));
        RetagReport again = retag(NEW_WATCH, true);
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.superseded()).isEqualTo(1);
    }

    @Test
    void aLatestRecordThatIsNoArticleIsCountedAndLeftAlone() throws InterruptedException {
        append("broken-id", "{not json".getBytes(StandardCharsets.UTF_8));
        append(null, JsonCodec.ARTICLE.encode(article("https://harbour.example/x", "Ferry", "ferry at the pier", OLD_WATCH)));
        append(article("https://harbour.example/depot", "Tram depot approved",
                "The board approved the tram depot beside the ferry terminal.", OLD_WATCH));

        RetagReport report = retag(NEW_WATCH, true);

        assertThat(report.undecodable()).isEqualTo(2);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.articles()).isEqualTo(3);
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void writesTheBrokerRejectsAreCountedAsFailed() throws InterruptedException {
        MockProducer<String, Article> rejecting = new MockProducer<>(false, null, new StringSerializer(),
                JsonCodec.ARTICLE.serializer()) {
            @Override
            public synchronized void flush() {
                while (errorNext(new RecordTooLargeException("too large"))) {
                    // every pending write fails
                }
            }
        };
        append(article("https://harbour.example/depot", "Tram depot approved",
                "The board approved the tram depot beside the ferry terminal.", OLD_WATCH));

        RetagReport report = new Retagger(log::forEach, TopicTagger.configured(Map.of(), NEW_WATCH, null), rejecting,
                TOPIC).run();

        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.written()).isZero();
    }

    @Test
    void aWriteRefusedOnTheSpotIsCountedAsFailedAndTheRunGoesOn() throws InterruptedException {
        producer.sendException = new RecordTooLargeException("too large");
        append(article("https://harbour.example/depot", "Tram depot approved",
                "The board approved the tram depot beside the ferry terminal.", OLD_WATCH));

        RetagReport report = retag(NEW_WATCH, true);

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.written()).isZero();
    }
}
