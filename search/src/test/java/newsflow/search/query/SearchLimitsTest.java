package newsflow.search.query;

import newsflow.common.config.SearchConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each limit of {@code search.*} on {@code q} refuses a query just past it, names itself, and lets one at it through. */
class SearchLimitsTest {

    /** 40 characters, 5 words, 2 prefix words, nesting 3. */
    private static final SearchConfig LIMITS = new SearchConfig(40, 5, 2, Duration.ofSeconds(5), 8, 3, 100, 5);

    @Test
    void countsWordsAsTheAnalyzerSplitsThem() {
        assertThat(Words.count("water")).isEqualTo(1);
        assertThat(Words.count("north korea")).isEqualTo(2);
        assertThat(Words.count("e-mail")).isEqualTo(2);
        assertThat(Words.count("  -- || ")).isZero();
        assertThat(Words.count("Zürich 東京")).isEqualTo(2);
    }

    @Test
    void queryLengthLimit() {
        assertThatCode(() -> QueryParser.parse("x".repeat(40), LIMITS)).doesNotThrowAnyException();
        assertLimit("x".repeat(41), "search.maxQueryLength");
    }

    @Test
    void termLimitCountsTheWordsOfPhrasesAndFieldsToo() {
        assertThatCode(() -> QueryParser.parse("a b c d e", LIMITS)).doesNotThrowAnyException();
        assertThatCode(() -> QueryParser.parse("title:\"a b\" OR (c -d) e", LIMITS)).doesNotThrowAnyException();
        assertLimit("a b c d e f", "search.maxTerms");
        assertLimit("a-b-c-d-e-f", "search.maxTerms");
        assertLimit("\"a b c\" title:(d e f)", "search.maxTerms");
    }

    @Test
    void wildcardLimit() {
        assertThatCode(() -> QueryParser.parse("wat* riv*", LIMITS)).doesNotThrowAnyException();
        assertLimit("wat* riv* sea*", "search.maxWildcardTerms");
    }

    @Test
    void nestingLimitCountsGroupsAndNegations() {
        assertThatCode(() -> QueryParser.parse("((a OR -b))", LIMITS)).doesNotThrowAnyException();
        assertThatCode(() -> QueryParser.parse("(a) (b) (c) (d)", LIMITS)).as("groups side by side do not nest").doesNotThrowAnyException();
        assertLimit("(((a OR -b)))", "search.maxQueryDepth");
        assertLimit("NOT NOT NOT NOT a", "search.maxQueryDepth");
        assertLimit("((((a))))", "search.maxQueryDepth");
    }

    @Test
    void aHugeNestingIsRefusedWithoutOverflowingTheStack() {
        SearchConfig wide = new SearchConfig(1_000_000, 64, 4, Duration.ofSeconds(5), 8);
        String deep = "(".repeat(200_000) + "a" + ")".repeat(200_000);
        assertThatThrownBy(() -> QueryParser.parse(deep, wide))
                .isInstanceOfSatisfying(SearchLimitException.class, e -> assertThat(e.limit()).isEqualTo("search.maxQueryDepth"));
        assertThatThrownBy(() -> QueryParser.parse("-".repeat(1) + "NOT ".repeat(100_000) + "a", wide))
                .isInstanceOfSatisfying(SearchLimitException.class, e -> assertThat(e.limit()).isEqualTo("search.maxQueryDepth"));
    }

    @Test
    void noTextIsNoLimit() {
        assertThat(QueryParser.parse(null, LIMITS)).isNull();
        assertThat(QueryParser.parse("   ", LIMITS)).isNull();
    }

    @Test
    void badSettingsNameTheirKey() {
        assertThatThrownBy(() -> new SearchConfig(0, 5, 2, Duration.ofSeconds(1), 1)).hasMessageContaining("search.maxQueryLength");
        assertThatThrownBy(() -> new SearchConfig(1, 5, 2, Duration.ZERO, 1)).hasMessageContaining("search.timeout");
        assertThatThrownBy(() -> new SearchConfig(1, 5, 2, Duration.ofSeconds(1), 0)).hasMessageContaining("search.maxConcurrent");
        assertThatThrownBy(() -> new SearchConfig(1, 5, 2, Duration.ofSeconds(1), 1, 0, 1, 1)).hasMessageContaining("search.maxQueryDepth");
        assertThatThrownBy(() -> new SearchConfig(1, 5, 2, Duration.ofSeconds(1), 1, 1, 0, 1)).hasMessageContaining("search.exportMaxRows");
        assertThatThrownBy(() -> new SearchConfig(1, 5, 2, Duration.ofSeconds(1), 1, 1, 1, 0)).hasMessageContaining("search.maxCompareQueries");
    }

    private static void assertLimit(String q, String key) {
        assertThatThrownBy(() -> QueryParser.parse(q, LIMITS))
                .isInstanceOfSatisfying(SearchLimitException.class, e -> assertThat(e.limit()).isEqualTo(key))
                .hasMessageContaining(key);
    }
}
