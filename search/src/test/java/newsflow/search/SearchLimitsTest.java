package newsflow.search;

import newsflow.common.config.SearchConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each limit of {@code search.*} refuses a query just past it, names itself, and lets one at it through. */
class SearchLimitsTest {

    private static final SearchConfig LIMITS = new SearchConfig(40, 5, 2, Duration.ofSeconds(5), 8);

    @Test
    void countsWordsAsTheAnalyzerSplitsThem() {
        assertThat(QueryTerms.of("water")).isEqualTo(new QueryTerms(1, 0));
        assertThat(QueryTerms.of("\"north korea\" -missile | e-mail")).isEqualTo(new QueryTerms(5, 0));
        assertThat(QueryTerms.of("wat* rivr~ \"a b\"~2 (x* | y)")).isEqualTo(new QueryTerms(7, 3));
        assertThat(QueryTerms.of("  -- || ")).isEqualTo(new QueryTerms(0, 0));
        assertThat(QueryTerms.of("Zürich 東京")).isEqualTo(new QueryTerms(2, 0));
    }

    @Test
    void queryLengthLimit() {
        assertThatCode(() -> QueryTerms.check("x".repeat(40), LIMITS)).doesNotThrowAnyException();
        assertLimit("x".repeat(41), "search.maxQueryLength");
    }

    @Test
    void termLimit() {
        assertThatCode(() -> QueryTerms.check("a b c d e", LIMITS)).doesNotThrowAnyException();
        assertLimit("a b c d e f", "search.maxTerms");
        assertLimit("a-b-c-d-e-f", "search.maxTerms");
    }

    @Test
    void wildcardLimit() {
        assertThatCode(() -> QueryTerms.check("wat* riv~", LIMITS)).doesNotThrowAnyException();
        assertLimit("wat* riv~ sea*", "search.maxWildcardTerms");
    }

    @Test
    void noTextIsNoLimit() {
        assertThatCode(() -> QueryTerms.check(null, LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void badSettingsNameTheirKey() {
        assertThatThrownBy(() -> new SearchConfig(0, 5, 2, Duration.ofSeconds(1), 1)).hasMessageContaining("search.maxQueryLength");
        assertThatThrownBy(() -> new SearchConfig(1, 5, 2, Duration.ZERO, 1)).hasMessageContaining("search.timeout");
        assertThatThrownBy(() -> new SearchConfig(1, 5, 2, Duration.ofSeconds(1), 0)).hasMessageContaining("search.maxConcurrent");
    }

    private static void assertLimit(String q, String key) {
        assertThatThrownBy(() -> QueryTerms.check(q, LIMITS))
                .isInstanceOfSatisfying(SearchLimitException.class, e -> assertThat(e.limit()).isEqualTo(key))
                .hasMessageContaining(key);
    }
}
