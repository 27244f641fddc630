package newsflow.lab.eval;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShingleMetricTest {

    private final ShingleMetric four = new ShingleMetric(4);

    @Test
    void tokensAreLettersDigitsAndUnderscoresWithCaseKept() {
        assertThat(ShingleMetric.tokenize("Hello, wörld_1 — café 42!")).containsExactly("Hello", "wörld_1", "café", "42");
    }

    @Test
    void combiningMarksSplitTokensAsInPython() {
        // Python's \w does not match U+0301 COMBINING ACUTE ACCENT, so "e\u0301t\u0301e" is three tokens there
        assertThat(ShingleMetric.tokenize("e\u0301t\u0301e")).containsExactly("e", "t", "e");
    }

    @Test
    void identicalTextsMatchExactly() {
        ShingleMetric.PageCounts c = four.page("one two three four five", "one two, three four five.");
        assertThat(c.tp()).isEqualTo(1.0);
        assertThat(c.exact()).isTrue();
    }

    @Test
    void missingTailLowersRecallOnly() {
        // truth shingles: (a b c d), (b c d e); prediction: (a b c d) -> tp 1, fn 1, normalised by 2
        ShingleMetric.PageCounts c = four.page("a b c d e", "a b c d");
        assertThat(c.tp()).isEqualTo(0.5);
        assertThat(c.fn()).isEqualTo(0.5);
        assertThat(c.precision()).isEqualTo(1.0);
        assertThat(c.recall()).isEqualTo(0.5);
        assertThat(c.exact()).isFalse();
    }

    @Test
    void shortTextIsOneShortShingle() {
        assertThat(four.page("just two", "just two").tp()).isEqualTo(1.0);
        assertThat(four.page("just two", "just three").tp()).isZero();
    }

    @Test
    void emptyPredictionsAreLeftOutOfPrecisionButCountInRecall() {
        Map<String, String> truth = new LinkedHashMap<>();
        truth.put("x", "alpha beta gamma delta");
        truth.put("y", "epsilon zeta eta theta");
        ShingleMetric.Scores s = four.score(truth, Map.of("x", "alpha beta gamma delta"), 50, 1);
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(0.5);
        assertThat(s.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
        assertThat(s.accuracy()).isEqualTo(0.5);
        assertThat(s.emptyPredictions()).isEqualTo(1);
        assertThat(s.pages()).isEqualTo(2);
    }

    @Test
    void tokenOverlapIgnoresOrder() {
        ShingleMetric one = new ShingleMetric(1);
        ShingleMetric.PageCounts c = one.page("red green blue", "blue red green");
        assertThat(c.tp()).isEqualTo(1.0);
        assertThat(c.exact()).isFalse();
        assertThat(List.of(c.fp(), c.fn())).containsOnly(0.0);
    }
}
