package newsflow.enrich.topics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.config.ConfigLoader;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.metrics.MeterNames;
import newsflow.common.model.TopicScore;
import newsflow.enrich.topics.TopicsReloader.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsReloaderTest {

    private static final String TITLE = "Harbour board approves tram depot";
    private static final String BODY = "The harbour board voted to build the tram depot beside the ferry terminal; "
            + "the ferry operator objected to the noise.";

    private static final String FERRIES = """
            enrich:
              topics:
                transport: [tram]
              watchTopics:
                ferries: 'ferry AND (terminal OR pier)'
            """;

    @TempDir
    Path dir;
    Path file;
    SimpleMeterRegistry meters;
    TopicsReloader reloader;

    @BeforeEach
    void start() throws IOException {
        file = dir.resolve("newsflow.yaml");
        Files.writeString(file, FERRIES);
        NewsflowConfig initial = parse(FERRIES);
        meters = new SimpleMeterRegistry();
        reloader = new TopicsReloader(file, initial.enrich(), TopicTagger.configured(initial.enrich()),
                TopicsReloaderTest::parse, meters);
    }

    private static NewsflowConfig parse(String yaml) {
        return ConfigLoader.load(yaml, Map.of());
    }

    private static List<String> names(TopicTagger tagger, String source) {
        return tagger.tag(TITLE, BODY).stream().filter(t -> t.source().equals(source)).map(TopicScore::name).toList();
    }

    private double count(String outcome) {
        var counter = meters.find(MeterNames.TOPICS_RELOADS).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anUntouchedFileChangesNothing() {
        TopicTagger before = reloader.get();

        assertThat(reloader.check().outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(reloader.get()).isSameAs(before);
    }

    @Test
    void changedWatchTopicsAndRulesApplyToTheNextArticleWhileAnArticleInFlightKeepsItsTagger() throws IOException {
        TopicTagger inFlight = reloader.get();
        assertThat(names(inFlight, "watch")).containsExactly("ferries");

        Files.writeString(file, """
                enrich:
                  topics:
                    harbour: [harbour board]
                  watchTopics:
                    depot: 'depot AND tram'
                    noise: '"the noise" -airport'
                """);
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.APPLIED);

        assertThat(names(reloader.get(), "watch")).containsExactly("depot", "noise");
        assertThat(names(reloader.get(), "rule")).containsExactly("harbour");
        // the tagger an article already holds is immutable: that article is tagged wholly by the old set
        assertThat(names(inFlight, "watch")).containsExactly("ferries");
        assertThat(names(inFlight, "rule")).containsExactly("transport");
        assertThat(count("applied")).isEqualTo(1);
    }

    @Test
    void turningTheDefaultTaxonomyOffAndOnAppliesWithoutARestart() throws IOException {
        // written for this test; the harbour fixture above is too local for any IPTC topic to reach the threshold
        String title = "Parliament passes the budget";
        String body = "Members of parliament voted for the government's budget after the opposition's amendments failed.";
        assertThat(reloader.get().tag(title, body)).as("the default: IPTC topics while no model is set")
                .anySatisfy(t -> assertThat(t.source()).isEqualTo("iptc"));

        Files.writeString(file, FERRIES.replace("enrich:\n", "enrich:\n  taxonomy: none\n"));
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reloader.get().tag(title, body)).noneSatisfy(t -> assertThat(t.source()).isEqualTo("iptc"));
        assertThat(names(reloader.get(), "watch")).containsExactly("ferries");

        Files.writeString(file, FERRIES);
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reloader.get().tag(title, body)).anySatisfy(t -> assertThat(t.source()).isEqualTo("iptc"));
    }

    @Test
    void aQueryThatDoesNotParseKeepsTheOldSetAndNamesTheTopicAndPosition() throws IOException {
        TopicTagger before = reloader.get();
        Files.writeString(file, """
                enrich:
                  watchTopics:
                    ferries: 'ferry AND pier'
                    depot: '(depot AND tram'
                """);

        TopicsReloader.Result result = reloader.check();

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).contains("\"depot\"").contains("at character");
        assertThat(reloader.get()).isSameAs(before);
        assertThat(names(reloader.get(), "watch")).containsExactly("ferries");
        assertThat(count("failed")).isEqualTo(1);
        // the same broken bytes are not reported again on every poll
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotValidYamlKeepsTheOldSetUntilItIsFixed() throws IOException {
        Files.writeString(file, "enrich:\n  watchTopics: [unclosed\n");
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(names(reloader.get(), "watch")).containsExactly("ferries");

        Files.writeString(file, "enrich:\n  watchTopics:\n    board: 'harbour AND board'\n");
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(names(reloader.get(), "watch")).containsExactly("board");
        assertThat(names(reloader.get(), "rule")).as("rules left out of the file are gone").isEmpty();
    }

    @Test
    void anUnknownKeyIsRejectedLikeAtStartup() throws IOException {
        Files.writeString(file, FERRIES + "  watchTopic: {}\n");

        TopicsReloader.Result result = reloader.check();

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).contains("watchTopic");
        assertThat(names(reloader.get(), "watch")).containsExactly("ferries");
    }

    @Test
    void aChangeElsewhereInTheFileLeavesTheTaggerAlone() throws IOException {
        TopicTagger before = reloader.get();
        Files.writeString(file, FERRIES + "http:\n  userAgent: harbour-desk\n");

        assertThat(reloader.check().outcome()).isEqualTo(Outcome.NO_TOPIC_CHANGE);
        assertThat(reloader.get()).isSameAs(before);
    }

    @Test
    void aModelThatCannotBeLoadedKeepsTheOldSet() throws IOException {
        Path missing = dir.resolve("no-such.model.gz");
        Files.writeString(file, FERRIES + "  model: '" + missing + "'\n");

        TopicsReloader.Result result = reloader.check();

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).contains("no-such.model.gz");
        assertThat(names(reloader.get(), "watch")).containsExactly("ferries");
    }

    @Test
    void aFileThatDisappearsKeepsTheOldSetAndIsAppliedWhenBack() throws IOException {
        Files.delete(file);
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(names(reloader.get(), "watch")).containsExactly("ferries");

        Files.writeString(file, "enrich:\n  watchTopics:\n    depot: depot\n");
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(names(reloader.get(), "watch")).containsExactly("depot");
    }
}
