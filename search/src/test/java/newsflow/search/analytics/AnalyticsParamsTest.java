package newsflow.search.analytics;

import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.SearchConfig;
import newsflow.common.json.Json;
import newsflow.search.EsResponses;
import newsflow.search.query.QuerySyntaxException;
import newsflow.search.query.SearchLimitException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analytics endpoints' parameters: the common scope plus their own, every limit a clear refusal. */
class AnalyticsParamsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);
    private static final SearchConfig LIMITS = new SearchConfig(1000, 64, 4, Duration.ofSeconds(5), 8, 8, 10_000, 3, 100, 500, 200);

    private static AttentionQuery attention(String query) {
        return AnalyticsParams.attention(query, LIMITS, NOW);
    }

    private static JsonNode json(co.elastic.clients.elasticsearch._types.query_dsl.Query q) {
        return Json.read(JsonpUtils.toJsonString(q, EsResponses.MAPPER), JsonNode.class);
    }

    @Test
    void eachQIsOneSeriesAndTheFiltersAloneAreTheScope() {
        AttentionQuery a = attention("q=flood&q=storm%20OR%20gale&source=Coast%20Times&source=Harbour%20Post&lang=en"
                + "&from=2026-11-01&to=2026-11-07&interval=week");

        assertThat(a.labels()).containsExactly("flood", "storm OR gale");
        assertThat(a.queries()).hasSize(2);
        assertThat(a.interval()).isEqualTo(Interval.WEEK);
        assertThat(a.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(a.to()).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
        assertThat(a.top()).isZero();
        String scope = json(a.scope()).toString();
        assertThat(scope).contains("Coast Times", "Harbour Post", "\"en\"", "2026-11-01T00:00:00Z").doesNotContain("flood", "storm");
    }

    @Test
    void withoutQOneSeriesCountsEverythingAndTheRangeDefaultsToTheIntervalsWindowEndingNow() {
        AttentionQuery a = attention("interval=month");

        assertThat(a.labels()).containsExactly((String) null);
        assertThat(json(a.queries().getFirst()).has("match_all")).isTrue();
        assertThat(a.to()).isEqualTo(NOW.instant());
        assertThat(a.from()).isEqualTo(Instant.parse("2024-11-10T12:00:00Z"));
        assertThat(attention("").interval()).isEqualTo(Interval.DAY);
        assertThat(attention("").from()).isEqualTo(Instant.parse("2026-10-11T12:00:00Z"));
        assertThat(attention("from=7d").from()).isEqualTo(Instant.parse("2026-11-03T12:00:00Z"));
    }

    @Test
    void moreQueriesThanTheLimitAreRefusedNamingIt() {
        assertThatThrownBy(() -> attention("q=a&q=b&q=c&q=d"))
                .isInstanceOfSatisfying(SearchLimitException.class, e -> assertThat(e.limit()).isEqualTo("search.maxCompareQueries"))
                .hasMessageContaining("4 times").hasMessageContaining("(3)");
        assertThat(attention("q=a&q=b&q=c&q=").labels()).hasSize(3);
    }

    @Test
    void aRangeOfMoreBucketsThanTheLimitIsRefusedNamingIt() {
        assertThatThrownBy(() -> attention("from=2026-01-01&to=2026-11-01"))
                .isInstanceOfSatisfying(SearchLimitException.class, e -> assertThat(e.limit()).isEqualTo("search.maxAttentionBuckets"))
                .hasMessageContaining("305 buckets");
        assertThat(attention("from=2026-01-01&to=2026-11-01&interval=week").interval()).isEqualTo(Interval.WEEK);
    }

    @Test
    void aSyntaxErrorSaysWhichQueryAndWhere() {
        assertThatThrownBy(() -> attention("q=flood&q=storm%20AND"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isGreaterThanOrEqualTo(5))
                .hasMessageContaining("q number 2 ('storm AND')");
        assertThatThrownBy(() -> attention("q=storm%20AND")).isInstanceOf(QuerySyntaxException.class)
                .hasMessageNotContaining("q number");
    }

    @Test
    void splitBySourceTakesATopWithinBounds() {
        assertThat(attention("split=source").top()).isEqualTo(AnalyticsParams.DEFAULT_TOP);
        assertThat(attention("split=source&top=10").top()).isEqualTo(10);
        assertThatThrownBy(() -> attention("split=source&top=11")).hasMessageContaining("'top' must be between 1 and 10");
        assertThatThrownBy(() -> attention("split=author")).hasMessageContaining("'split' can only be 'source'");
        assertThatThrownBy(() -> attention("top=3")).hasMessageContaining("'top' goes with split=source");
        assertThatThrownBy(() -> attention("interval=day&interval=week")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> attention("size=3")).hasMessageContaining("unknown parameter 'size'");
        assertThatThrownBy(() -> attention("from=2026-11-20")).hasMessageContaining("must be before");
    }

    @Test
    void listsTakeTheScopeWithItsQueryAndABoundedSize() {
        AnalyticsParams.ListRequest list = AnalyticsParams.list("q=flood&topic=weather&size=7", LIMITS, NOW);

        assertThat(list.size()).isEqualTo(7);
        assertThat(json(list.query()).toString()).contains("flood", "weather");
        assertThat(AnalyticsParams.list("", LIMITS, NOW).size()).isEqualTo(AnalyticsParams.DEFAULT_LIST_SIZE);
        assertThatThrownBy(() -> AnalyticsParams.list("size=101", LIMITS, NOW)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> AnalyticsParams.list("size=ten", LIMITS, NOW)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> AnalyticsParams.list("interval=day", LIMITS, NOW)).hasMessageContaining("unknown parameter");
    }

    @Test
    void similarTakesOnlyABoundedSizeAndAStoryNothing() {
        assertThat(AnalyticsParams.similarSize(null)).isEqualTo(SimilarSearch.DEFAULT_SIZE);
        assertThat(AnalyticsParams.similarSize("size=50")).isEqualTo(50);
        assertThatThrownBy(() -> AnalyticsParams.similarSize("size=51")).hasMessageContaining("between 1 and 50");
        assertThatThrownBy(() -> AnalyticsParams.similarSize("q=x")).hasMessageContaining("unknown parameter 'q'");
        AnalyticsParams.story(null);
        assertThatThrownBy(() -> AnalyticsParams.story("size=3")).hasMessageContaining("unknown parameter 'size'");
    }
}
