package newsflow.search;

import newsflow.common.config.SearchConfig;
import newsflow.search.query.Field;
import newsflow.search.query.QueryNode;
import newsflow.search.query.QuerySyntaxException;
import newsflow.search.query.Sort;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryParserTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private static SearchQuery parse(String raw) {
        return SearchQueryParser.parseQueryString(raw, SearchConfig.DEFAULTS, NOW);
    }

    @Test
    void parsesEveryParameter() {
        SearchQuery q = parse("q=ferry+%22night+line%22&topic=transport&topic=local&source=Harbour%20Gazette&lang=EN"
                + "&author=Mara+Lind&from=2026-11-01&to=2026-11-30&sort=oldest&size=25&after=abc");

        assertThat(q.scope().q()).isEqualTo("ferry \"night line\"");
        assertThat(q.scope().query()).isEqualTo(new QueryNode.And(java.util.List.of(
                new QueryNode.Term(Field.ANY, "ferry"), new QueryNode.Phrase(Field.ANY, "night line"))));
        var f = q.scope().filters();
        assertThat(f.topics()).containsExactly("transport", "local");
        assertThat(f.sources()).containsExactly("Harbour Gazette");
        assertThat(f.langs()).containsExactly("en");
        assertThat(f.authors()).containsExactly("Mara Lind");
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(f.to()).as("a plain 'to' date includes that day").isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(q.scope().sort()).isEqualTo(Sort.OLDEST);
        assertThat(q.size()).isEqualTo(25);
        assertThat(q.searchAfter()).isEqualTo("abc");
    }

    @Test
    void defaultsWithoutParameters() {
        SearchQuery q = parse(null);

        assertThat(q.hasText()).isFalse();
        assertThat(q.size()).isEqualTo(SearchQuery.DEFAULT_SIZE);
        assertThat(q.scope().filters().isEmpty()).isTrue();
        assertThat(q.scope().sort()).isEqualTo(Sort.NEWEST);
        assertThat(parse("q=&topic=").hasText()).isFalse();
        assertThat(parse("q=ferry").scope().sort()).as("relevance with a query").isEqualTo(Sort.RELEVANCE);
    }

    @Test
    void acceptsInstantsWithOffsetsAndTimesBackFromNow() {
        var f = parse("from=2026-11-03T10:00:00%2B02:00&to=2026-11-04T00:00:00Z").scope().filters();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-03T08:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));

        assertThat(parse("from=24h").scope().filters().from()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(parse("from=7d").scope().filters().from()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(parse("from=2w").scope().filters().from()).isEqualTo(Instant.parse("2026-11-16T12:00:00Z"));
        assertThat(parse("from=3m").scope().filters().from()).isEqualTo(Instant.parse("2026-08-30T12:00:00Z"));
        assertThat(parse("from=1y&to=1d").scope().filters())
                .satisfies(r -> assertThat(r.from()).isEqualTo(Instant.parse("2025-11-30T12:00:00Z")))
                .satisfies(r -> assertThat(r.to()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z")));
    }

    @Test
    void rejectsBadParametersWithMessagesNamingThem() {
        assertThatThrownBy(() -> parse("size=ten")).hasMessageContaining("'size'");
        assertThatThrownBy(() -> parse("size=1000")).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> parse("size=0")).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> parse("from=yesterday")).hasMessageContaining("'from'");
        assertThatThrownBy(() -> parse("from=7x")).hasMessageContaining("'from'").hasMessageContaining("7d");
        assertThatThrownBy(() -> parse("from=999999d")).hasMessageContaining("'from'");
        assertThatThrownBy(() -> parse("to=2026-13-01")).hasMessageContaining("'to'");
        assertThatThrownBy(() -> parse("from=2026-11-05&to=2026-11-01")).hasMessageContaining("before");
        assertThatThrownBy(() -> parse("tpoic=x")).hasMessageContaining("unknown parameter 'tpoic'");
        assertThatThrownBy(() -> parse("q=a&q=b")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> parse("size=1&size=2")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> parse("q=%zz")).hasMessageContaining("percent-encoding");
        assertThatThrownBy(() -> parse("lang=english")).hasMessageContaining("'lang'");
        assertThatThrownBy(() -> parse("sort=best")).hasMessageContaining("'sort'");
        assertThatThrownBy(() -> parse("q=(ferry")).isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void repeatedFilterValuesAreBounded() {
        String fifty = "topic=t0" + java.util.stream.IntStream.range(1, 50).mapToObj(i -> "&topic=t" + i).reduce("", String::concat);
        assertThat(parse(fifty).scope().filters().topics()).hasSize(50);
        assertThatThrownBy(() -> parse(fifty + "&topic=t50")).hasMessageContaining("'topic'").hasMessageContaining("50");
        assertThatThrownBy(() -> parse("source=" + "x".repeat(513))).hasMessageContaining("'source'");
        assertThat(parse("topic=a&topic=a&topic=+").scope().filters().topics()).as("blank and repeated values drop out").containsExactly("a");
    }

    @Test
    void collapseByStoryIsAFlagThatCannotPage() {
        assertThat(parse("q=ferry&collapse=story").collapseStories()).isTrue();
        assertThat(parse("q=ferry").collapseStories()).isFalse();
        assertThatThrownBy(() -> parse("collapse=source"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'collapse'");
        assertThatThrownBy(() -> parse("collapse=story&after=abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'after'");
    }
}
