package newsflow.search.alerts;

import newsflow.common.config.SearchConfig;
import newsflow.common.model.Article;
import newsflow.common.model.Schema;
import newsflow.index.document.ArticleDocument;
import newsflow.index.document.ArticleDocuments;
import newsflow.index.document.TextFields;
import newsflow.search.saved.SavedFilters;
import newsflow.search.saved.SavedSearch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved searches matched in memory with the search language's meaning, on the index's two possible analyzers. */
class SavedSearchMatcherTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");

    private static ArticleDocument doc(String title, String description, String body, List<String> authors, String source,
                                       String language, List<String> topics) {
        return new ArticleDocument("a1", "https://harbour.example/a1", null, null, title, description, body, authors,
                source, null, null, language, topics, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), T, null, null, T, T, 10, null, Map.of(), null, "a1", Map.of());
    }

    private static final ArticleDocument HARBOUR = doc("Breakwater to close for repairs",
            "The harbour authority closes the north breakwater.",
            "Contractors replace storm-damaged capping stones. The rights of fishermen to the inner basin stay.",
            List.of("Ann Smith", "Bob Jones"), "Harbour Post", "en", List.of("infrastructure", "local"));

    private static boolean matches(TextAnalysis analysis, ArticleDocument doc, String query, SavedFilters filters) {
        SavedSearch s = new SavedSearch("s1", "s", query, filters, null, null, T, T, T);
        return !new SavedSearchMatcher(analysis, SearchConfig.DEFAULTS).matching(doc, List.of(s)).isEmpty();
    }

    private static boolean standard(String query) {
        return matches(TextAnalysis.standardAnalysis(), HARBOUR, query, SavedFilters.NONE);
    }

    private static boolean english(String query) {
        return matches(TextAnalysis.englishAnalysis(), HARBOUR, query, SavedFilters.NONE);
    }

    @Test
    void wordsMustAllOccurInSomeTextField() {
        assertThat(standard("breakwater")).isTrue();
        assertThat(standard("harbour")).isTrue(); // description only
        assertThat(standard("capping stones")).isTrue();
        assertThat(standard("capping volcano")).isFalse();
        assertThat(standard("BREAKWATER")).isTrue();
        assertThat(standard("storm-damaged")).isTrue(); // two words, both there
    }

    @Test
    void booleanOperatorsAndGrouping() {
        assertThat(standard("breakwater AND (volcano OR harbour)")).isTrue();
        assertThat(standard("breakwater AND (volcano OR lava)")).isFalse();
        assertThat(standard("breakwater -harbour")).isFalse();
        assertThat(standard("breakwater NOT volcano")).isTrue();
        assertThat(standard("NOT volcano")).isTrue(); // only negative: everything else
        assertThat(standard("-breakwater")).isFalse();
    }

    @Test
    void phrasesKeepWordOrderAndStopWordGaps() {
        assertThat(standard("\"capping stones\"")).isTrue();
        assertThat(standard("\"stones capping\"")).isFalse();
        assertThat(standard("\"rights of fishermen\"")).isTrue();
        assertThat(standard("\"rights fishermen\"")).isFalse();
        // english drops "of" but keeps its position: the phrase with the stop word still matches, without it not
        assertThat(english("\"rights of fishermen\"")).isTrue();
        assertThat(english("\"rights fishermen\"")).isFalse();
    }

    @Test
    void prefixesExpandOverTheArticlesWords() {
        assertThat(standard("break*")).isTrue();
        assertThat(standard("volc*")).isFalse();
        assertThat(standard("title:repai*")).isTrue();
        assertThat(standard("storm-dam*")).isTrue(); // two words: the first exact, the last a prefix, adjacent
        assertThat(standard("storm-cap*")).isFalse();
    }

    @Test
    void fieldsRestrictWhereAWordIsLookedFor() {
        assertThat(standard("title:breakwater")).isTrue();
        assertThat(standard("title:harbour")).isFalse();
        assertThat(standard("body:contractors")).isTrue();
        assertThat(standard("body:repairs")).isFalse();
        assertThat(standard("author:smith")).isTrue();
        assertThat(standard("author:\"smith bob\"")).isFalse(); // a phrase never spans two authors
        assertThat(standard("source:\"harbour post\"")).isTrue(); // exact value, case aside
        assertThat(standard("source:harbour")).isFalse();
        assertThat(standard("topic:LOCAL")).isTrue();
        assertThat(standard("lang:EN")).isTrue();
        assertThat(standard("lang:de")).isFalse();
    }

    @Test
    void englishStemsAsTheIndexDoes() {
        assertThat(english("repair")).isTrue();
        assertThat(standard("repair")).isFalse();
        assertThat(english("replacing")).isTrue();
    }

    @Test
    void filtersAreExactAnyValueOfAListEveryList() {
        TextAnalysis a = TextAnalysis.standardAnalysis();
        assertThat(matches(a, HARBOUR, "breakwater", new SavedFilters(List.of("local", "sport"), List.of(), List.of(), List.of()))).isTrue();
        assertThat(matches(a, HARBOUR, "breakwater", new SavedFilters(List.of("Local"), List.of(), List.of(), List.of()))).isFalse();
        assertThat(matches(a, HARBOUR, null, new SavedFilters(List.of("local"), List.of("Harbour Post"), List.of("en"),
                List.of("Ann Smith")))).isTrue();
        assertThat(matches(a, HARBOUR, null, new SavedFilters(List.of("local"), List.of("Other"), List.of(), List.of()))).isFalse();
    }

    @Test
    void keywordValuesPastIgnoreAboveAreNotIndexedAsElasticsearchDoes() {
        String longSource = "s".repeat(ArticleIndexFields.SOURCE_IGNORE_ABOVE + 1);
        ArticleDocument d = doc("t", null, "b", List.of(), longSource, "en", List.of());
        assertThat(matches(TextAnalysis.standardAnalysis(), d, null, new SavedFilters(List.of(), List.of(longSource), List.of(), List.of()))).isFalse();
    }

    @Test
    void theIndexesAnalyzerIsRecognisedFromItsTokens() {
        assertThat(TextAnalysis.answering(List.of("the", "running", "cats", "café")).orElseThrow().name()).isEqualTo("standard");
        assertThat(TextAnalysis.answering(List.of("run", "cat", "café")).orElseThrow().name()).isEqualTo("english");
        assertThat(TextAnalysis.answering(List.of("run", "cat", "cafe")).orElseThrow().name()).isEqualTo("english-folded");
        assertThat(TextAnalysis.answering(List.of("whatever"))).isEmpty();
    }

    @Test
    void schemaTwoFoldsAccentsAndMatchesAnArticleThroughItsLanguagesFields() {
        TextAnalysis folded = TextAnalysis.englishFoldedAnalysis();
        ArticleDocument cafe = doc("Le café du port rouvre", null, "Des groupes d'écoliers et les pêcheurs s'y retrouvent.", List.of(),
                "Courrier", "fr", List.of());
        ArticleDocument french = ArticleDocuments.from(new Article(Schema.VERSION, "fr1", "https://x.example/fr1", null, null,
                cafe.title(), cafe.body(), null, T, null, null, null, null, "fr", null, 8, null, T), T);

        assertThat(matches(folded, french, "cafe", SavedFilters.NONE)).isTrue();
        assertThat(matches(folded, french, "écolier", SavedFilters.NONE)).as("only French elision and stemming meet it").isTrue();
        assertThat(matches(folded, cafe, "écolier", SavedFilters.NONE)).as("the same text without its French fields").isFalse();
        assertThat(matches(folded, french, "title:pêcheur", SavedFilters.NONE)).isFalse();
        assertThat(matches(folded, french, "body:pêcheur", SavedFilters.NONE)).isTrue();
        assertThat(matches(TextAnalysis.englishAnalysis(), french, "écolier", SavedFilters.NONE))
                .as("an index of schema 1 has no language fields").isFalse();
    }

    @Test
    void everyLanguageWithFieldsHasItsAnalyzer() {
        TextAnalysis folded = TextAnalysis.englishFoldedAnalysis();
        assertThat(folded.languages().keySet()).containsExactlyInAnyOrderElementsOf(TextFields.LANGUAGES);
        assertThat(folded.terms(folded.forField("i18n.de.body"), "f", "Wärmepumpen")).containsExactly("warmepump");
        assertThat(folded.terms(folded.forField("i18n.nl.body"), "f", "de verkiezingen")).containsExactly("verkiez");
    }

    @Test
    void aQueryTheLimitsNowRefuseMatchesNothingInsteadOfFailing() {
        SearchConfig tight = new SearchConfig(5, 64, 4, java.time.Duration.ofSeconds(5), 8);
        SavedSearch s = new SavedSearch("s1", "s", "breakwater", SavedFilters.NONE, null, null, T, T, T);
        assertThat(new SavedSearchMatcher(TextAnalysis.standardAnalysis(), tight).matching(HARBOUR, List.of(s))).isEmpty();
    }
}
