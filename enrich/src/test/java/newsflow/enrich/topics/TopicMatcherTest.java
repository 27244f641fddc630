package newsflow.enrich.topics;

import newsflow.common.model.TopicScore;
import newsflow.enrich.watch.WatchQueryException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicMatcherTest {

    private static List<String> names(List<TopicScore> scores) {
        return scores.stream().map(TopicScore::name).toList();
    }

    @Test
    void wholeWordsOnly() {
        TopicMatcher m = new TopicMatcher(Map.of("politics", List.of("vote", "senate")));

        assertThat(m.match(null, "Voters and devoted readers of the senatorial race.")).isEmpty();
        assertThat(m.match(null, "The senate will vote.")).extracting(TopicScore::name).containsExactly("politics");
        assertThat(m.match(null, "A pre-vote rally; (senate) hearing")).hasSize(1);
    }

    @Test
    void phrasesMatchAcrossAnyWhitespace() {
        TopicMatcher m = new TopicMatcher(Map.of("climate", List.of("climate change", "net zero")));

        assertThat(m.match(null, "Talks on climate\n  change resumed.")).hasSize(1);
        assertThat(m.match(null, "Net-zero targets and the climate were discussed; things change.")).isEmpty();
    }

    @Test
    void caseInsensitiveIncludingNonAsciiLetters() {
        TopicMatcher m = new TopicMatcher(Map.of("verkehr", List.of("Straßenbahn", "ÖPNV")));

        assertThat(m.match(null, "Die straßenbahn fährt. Der öpnv auch.")).singleElement()
                .satisfies(t -> assertThat(t.score()).isEqualTo(TopicMatcher.score(2, 2)));
    }

    @Test
    void termsWithPunctuationAreQuoted() {
        TopicMatcher m = new TopicMatcher(Map.of("tech", List.of("C++", "node.js")));

        assertThat(m.match(null, "Written in C++ and node.js")).singleElement()
                .satisfies(t -> assertThat(t.score()).isEqualTo(0.5));
        assertThat(m.match(null, "Written in C and nodexjs")).isEmpty();
    }

    @Test
    void documentedScores() {
        assertThat(TopicMatcher.score(0, 0)).isEqualTo(0.0);
        assertThat(TopicMatcher.score(1, 1)).isEqualTo(0.333);
        assertThat(TopicMatcher.score(3, 1)).isEqualTo(0.5);
        assertThat(TopicMatcher.score(3, 3)).isEqualTo(0.6);

        TopicMatcher m = new TopicMatcher(Map.of("politics", List.of("senate", "governor", "election")));
        assertThat(m.match(null, "The senate met.")).singleElement().extracting(TopicScore::score).isEqualTo(0.333);
        assertThat(m.match(null, "senate senate senate")).singleElement().extracting(TopicScore::score).isEqualTo(0.5);
        assertThat(m.match(null, "senate, governor, election")).singleElement().extracting(TopicScore::score).isEqualTo(0.6);
    }

    @Test
    void titleMentionsWeighMoreAndScoresStayBelowOne() {
        TopicMatcher m = new TopicMatcher(Map.of("politics", List.of("senate")));

        double inTitle = m.match("Senate passes bill", "").getFirst().score();
        double inBody = m.match("Bill passes", "The senate passed it.").getFirst().score();
        assertThat(inTitle).isEqualTo(TopicMatcher.score(3, 1)).isGreaterThan(inBody);
        assertThat(m.match("Senate", "senate ".repeat(10_000)).getFirst().score()).isLessThan(1.0);
    }

    @Test
    void sortedByScoreThenNameAndSourceIsRule() {
        TopicMatcher m = new TopicMatcher(Map.of(
                "politics", List.of("senate"),
                "economy", List.of("budget", "tax"),
                "arts", List.of("budget"),
                "sports", List.of("football")));

        List<TopicScore> topics = m.match(null, "The senate budget raises a tax.");

        assertThat(names(topics)).containsExactly("economy", "arts", "politics");
        assertThat(topics).allSatisfy(t -> assertThat(t.source()).isEqualTo(TopicMatcher.SOURCE).isEqualTo("rule"));
    }

    @Test
    void blankAndNullRulesAreIgnored() {
        Map<String, List<String>> rules = new HashMap<>();
        rules.put(" ", List.of("x"));
        rules.put("empty", List.of());
        rules.put("nulls", Arrays.asList(null, "  "));
        rules.put("none", null);
        rules.put(" padded ", List.of("word"));

        TopicMatcher m = new TopicMatcher(rules);

        assertThat(names(m.match("x", "word"))).containsExactly("padded");
        assertThat(new TopicMatcher(null).match("a", "b")).isEmpty();
        assertThat(new TopicMatcher(Map.of()).match(null, null)).isEmpty();
    }

    @Test
    void aTermInQuerySyntaxIsAConditionForWordsThatNeedCompany() {
        TopicMatcher m = new TopicMatcher(Map.of("sport", List.of("semi-final", "goal AND (league OR cup OR match)")));

        assertThat(m.match("Chip plant", "The plant missed its water recycling goal.")).isEmpty();
        assertThat(m.match(null, "A late goal won the cup tie.")).singleElement()
                .extracting(TopicScore::score).as("a condition that holds counts as one mention of one term").isEqualTo(0.333);
        assertThat(m.match("Rovers reach the semi-final", "A late goal won the cup tie.")).singleElement()
                .extracting(TopicScore::score).as("3 title mentions and the condition: e = 4 + 2").isEqualTo(0.6);
    }

    @Test
    void aConditionCanExcludeWords() {
        TopicMatcher m = new TopicMatcher(Map.of("energy", List.of("solar NOT \"solar system\"", "-comet wind")));

        assertThat(names(m.match(null, "Solar panels on every roof."))).containsExactly("energy");
        assertThat(m.match(null, "Water formed early in the solar system.")).isEmpty();
        assertThat(names(m.match(null, "Wind turbines."))).containsExactly("energy");
        assertThat(m.match(null, "The comet's wind of gas.")).isEmpty();
    }

    @Test
    void onlyQuerySyntaxMakesATermACondition() {
        assertThat(TopicMatcher.isCondition("goal AND league")).isTrue();
        assertThat(TopicMatcher.isCondition("\"cup final\"")).isTrue();
        assertThat(TopicMatcher.isCondition("(cup)")).isTrue();
        assertThat(TopicMatcher.isCondition("-season")).isTrue();
        assertThat(TopicMatcher.isCondition("NOT season")).isTrue();
        assertThat(TopicMatcher.isCondition("semi-final")).isFalse();
        assertThat(TopicMatcher.isCondition("Android apps")).as("operators are upper-case words of their own").isFalse();
        assertThat(TopicMatcher.isCondition("and or not")).isFalse();
        assertThat(TopicMatcher.isCondition("data center")).isFalse();
    }

    @Test
    void aConditionThatDoesNotParseNamesTopicTermAndPosition() {
        assertThatThrownBy(() -> new TopicMatcher(Map.of("sport", List.of("league", "goal AND (cup"))))
                .isInstanceOf(WatchQueryException.class)
                .hasMessageContaining("topic \"sport\", term 2").hasMessageContaining("missing \")\"");
        assertThatThrownBy(() -> new TopicMatcher(Map.of("sport", List.of("NOT water"))))
                .isInstanceOf(WatchQueryException.class).hasMessageContaining("only excludes");
    }
}
