package newsflow.common.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled stop lists: every announced language has one, with its own function words and no content words. */
class StopWordsTest {

    @Test
    void everyAnnouncedLanguageHasAListOfItsOwnFunctionWords() {
        assertThat(StopWords.of("en")).contains("the", "and", "of", "would", "don't").doesNotContain("flood", "minister");
        assertThat(StopWords.of("fr")).contains("le", "les", "été", "était", "nous").doesNotContain("inondation");
        assertThat(StopWords.of("de")).contains("der", "die", "und", "über", "würde").doesNotContain("hochwasser");
        assertThat(StopWords.of("es")).contains("el", "los", "también", "según").doesNotContain("inundación");
        assertThat(StopWords.of("it")).contains("il", "della", "perché", "più").doesNotContain("alluvione");
        assertThat(StopWords.of("nl")).contains("het", "een", "niet", "zijn").doesNotContain("overstroming");
        assertThat(StopWords.of("pt")).contains("o", "não", "também", "uma").doesNotContain("enchente");
        for (String lang : StopWords.LANGUAGES) {
            assertThat(StopWords.of(lang)).as(lang).hasSizeGreaterThan(100)
                    .allSatisfy(w -> assertThat(w).isLowerCase().doesNotContain("#").isNotBlank());
        }
    }

    @Test
    void aLanguageWithoutAListHasNoStopWords() {
        assertThat(StopWords.of("fi")).isEmpty();
        assertThat(StopWords.of("und")).isEmpty();
        assertThat(StopWords.of(null)).isEmpty();
        assertThat(StopWords.of("EN")).isSameAs(StopWords.of("en"));
    }
}
