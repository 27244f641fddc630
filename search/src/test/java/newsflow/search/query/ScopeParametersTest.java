package newsflow.search.query;

import newsflow.common.config.SearchConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scope parameters shared by every analyst endpoint. */
class ScopeParametersTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final SearchConfig LIMITS = new SearchConfig(1000, 64, 4, Duration.ofSeconds(5), 8, 8, 10_000, 3);

    @Test
    void aSyntaxErrorCountsPositionsFromTheQueryAsSent() {
        var params = ScopeParameters.decode("q=%20%20flood+AND");
        assertThatThrownBy(() -> ScopeParameters.scope(params, LIMITS, NOW))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(11));
    }

    @Test
    void comparedQueriesShareTheFiltersAndAreBoundedBySearchMaxCompareQueries() {
        var params = ScopeParameters.decode("q=flood&q=storm+surge&q=&topic=weather&from=7d");
        ScopeParameters.requireKnown(params, ScopeParameters.NAMES, java.util.Set.of("q", "topic"));

        List<SearchScope> scopes = ScopeParameters.comparedScopes(params, LIMITS, NOW);

        assertThat(scopes).extracting(SearchScope::q).containsExactly("flood", "storm surge");
        assertThat(scopes).allSatisfy(s -> {
            assertThat(s.filters().topics()).containsExactly("weather");
            assertThat(s.filters().from()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
            assertThat(s.sort()).isEqualTo(Sort.RELEVANCE);
        });
        assertThat(ScopeParameters.comparedScopes(ScopeParameters.decode("topic=x"), LIMITS, NOW))
                .singleElement().satisfies(s -> assertThat(s.hasQuery()).isFalse());
        assertThatThrownBy(() -> ScopeParameters.comparedScopes(ScopeParameters.decode("q=a&q=b&q=c&q=d"), LIMITS, NOW))
                .isInstanceOfSatisfying(SearchLimitException.class, e -> assertThat(e.limit()).isEqualTo("search.maxCompareQueries"));
        assertThat(ScopeParameters.comparedScopes(ScopeParameters.decode("q=a&q=b&q=c"), LIMITS, NOW)).hasSize(3);
    }

    @Test
    void theFiltersOfAScopeReadAlone() {
        Filters f = ScopeParameters.filters(ScopeParameters.decode("source=BBC&source=Coast+Times&author=Ruth+Kaminski&lang=DE"), NOW);
        assertThat(f.sources()).containsExactly("BBC", "Coast Times");
        assertThat(f.authors()).containsExactly("Ruth Kaminski");
        assertThat(f.langs()).containsExactly("de");
        assertThat(ScopeParameters.filters(ScopeParameters.decode(""), NOW)).isEqualTo(Filters.NONE);
    }

    @Test
    void unknownAndWronglyRepeatedParametersAreNamed() {
        assertThatThrownBy(() -> ScopeParameters.requireKnown(ScopeParameters.decode("qq=1"), ScopeParameters.NAMES, ScopeParameters.REPEATABLE))
                .hasMessageContaining("unknown parameter 'qq'").hasMessageContaining("author");
        assertThatThrownBy(() -> ScopeParameters.requireKnown(ScopeParameters.decode("from=1d&from=2d"), ScopeParameters.NAMES, ScopeParameters.REPEATABLE))
                .hasMessageContaining("'from' given more than once");
    }
}
