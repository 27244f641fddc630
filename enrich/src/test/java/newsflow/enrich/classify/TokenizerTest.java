package newsflow.enrich.classify;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    @Test
    void lowerCaseWordsAndDigitsWithPossessivesAndInnerApostrophesDropped() {
        assertThat(Tokenizer.tokens("The BBC's chief didn't say: 3.5% of U.S. firms — \u201Cnone\u201D!"))
                .containsExactly("the", "bbc", "chief", "didnt", "say", "3", "5", "of", "u", "s", "firms", "none");
        assertThat(Tokenizer.tokens("Straße 'quoted' Ärger")).containsExactly("straße", "quoted", "ärger");
        assertThat(Tokenizer.tokens("Korea’s Kim's isn't Bass's")).containsExactly("korea", "kim", "isnt", "bass");
        assertThat(Tokenizer.tokens(null)).isEmpty();
        assertThat(Tokenizer.tokens(" ,; ")).isEmpty();
    }

    @Test
    void featuresAreWordsAndAdjacentPairsWithTheTitleWeighted() {
        Map<String, Integer> f = Features.counts("Rates rise", "Rates rise again", new FeatureOptions(true, 2, 1));

        assertThat(f).containsEntry("rates", 3).containsEntry("rise", 3).containsEntry("again", 1)
                .containsEntry("rates rise", 3).containsEntry("rise again", 1)
                .doesNotContainKey("rise rates"); // no pair across title and body
        assertThat(Features.counts("", "a b", new FeatureOptions(false, 2, 1))).containsOnlyKeys("a", "b");
        assertThat(Features.counts("ignored title", "a", new FeatureOptions(false, 0, 1))).containsOnlyKeys("a");
    }
}
