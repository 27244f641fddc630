package newsflow.enrich.watch;

import newsflow.common.model.TopicScore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchTopicsTest {

    private static final String KOREA =
            "(\"North Korea\" OR Pyongyang OR \"Kim Jong-un\") AND (missile OR nuclear OR denuclearization)";

    private static boolean matches(String query, String title, String body) {
        return !new WatchTopics(Map.of("t", query)).match(title, body).isEmpty();
    }

    @Test
    void theIssuesExampleQuery() {
        assertThat(matches(KOREA, "Pyongyang fires missile", "")).isTrue();
        assertThat(matches(KOREA, "", "Kim Jong Un inspected a nuclear site, state media said.")).isTrue();
        assertThat(matches(KOREA, "Talks", "North Korea's envoy met officials; denuclearization was on the agenda."))
                .isTrue();
        assertThat(matches(KOREA, "", "North Korea's football team won.")).isFalse();
        assertThat(matches(KOREA, "", "Missile tests in the north worried South Korea.")).isFalse(); // phrase, not both words
        assertThat(matches(KOREA, "Missile defence", "South Korea and Japan discussed it.")).isFalse();
    }

    @Test
    void phrasesMatchConsecutiveWordsInTitleOrBodyButNotAcross() {
        assertThat(matches("\"interest rates\"", "", "Central banks raised Interest-Rates again.")).isTrue();
        assertThat(matches("\"interest rates\"", "Interest", "Rates rose.")).isFalse();
        assertThat(matches("\"interest rates\"", "", "interest in rates")).isFalse();
    }

    @Test
    void adjacentTermsMustAllMatchAndNotExcludes() {
        assertThat(matches("tram strike", "", "The tram drivers' strike began.")).isTrue();
        assertThat(matches("tram strike", "", "The tram ran.")).isFalse();
        assertThat(matches("tram AND NOT strike", "", "The tram ran.")).isTrue();
        assertThat(matches("tram -strike", "", "The tram strike.")).isFalse();
        assertThat(matches("tram NOT (strike OR delay)", "", "A tram delay.")).isFalse();
    }

    @Test
    void orBindsLooserThanAnd() {
        // a OR (b AND c)
        assertThat(matches("budget OR council vote", "", "The budget.")).isTrue();
        assertThat(matches("budget OR council vote", "", "The council met.")).isFalse();
        assertThat(matches("budget OR council vote", "", "The council will vote.")).isTrue();
    }

    @Test
    void operatorsAreUpperCaseOnlyOtherwiseTheyAreWords() {
        assertThat(matches("rock and roll", "", "Rock and roll is here.")).isTrue();
        assertThat(matches("rock and roll", "", "Rock music, roll call.")).isFalse(); // "and" is a required word
        assertThat(matches("ORANGE", "", "An orange.")).isTrue();
    }

    @Test
    void everyMatchIsRecordedByNameWithSourceWatch() {
        WatchTopics w = new WatchTopics(Map.of("korea", KOREA, "trams", "tram OR \"light rail\"", "none", "zebra"));
        List<TopicScore> topics = w.match("Pyongyang missile launch", "Commuters on the light rail heard the news.");

        assertThat(topics).containsExactly(new TopicScore("korea", 1.0, "watch"), new TopicScore("trams", 1.0, "watch"));
        assertThat(new WatchTopics(null).match("a", "b")).isEmpty();
        assertThat(new WatchTopics(Map.of()).match(null, null)).isEmpty();
    }

    @Test
    void badQueriesAreRejectedWithTopicPositionAndProblem() {
        assertThatThrownBy(() -> new WatchTopics(Map.of("korea", "(missile OR nuclear")))
                .isInstanceOf(WatchQueryException.class)
                .hasMessageContaining("watch-topic \"korea\"").hasMessageContaining("missing \")\"");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "\"open phrase")))
                .hasMessageContaining("unclosed quote at character 1");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "a OR")))
                .hasMessageContaining("a term is missing at the end");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "OR a")))
                .hasMessageContaining("\"OR\" needs a term on both sides");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "a ) b")))
                .hasMessageContaining("unexpected \")\" at character 3");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "  ")))
                .hasMessageContaining("empty query");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "-- !!")))
                .hasMessageContaining("no letters or digits");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "NOT sport")))
                .hasMessageContaining("only excludes");
        assertThatThrownBy(() -> new WatchTopics(Map.of("q", "budget OR -sport")))
                .hasMessageContaining("only excludes");
    }
}
