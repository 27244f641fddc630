package newsflow.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryParserTest {

    @Test
    void parsesEveryParameter() {
        SearchQuery q = SearchQueryParser.parseQueryString(
                "q=ferry+%22night+line%22&topic=transport&source=Harbour%20Gazette&lang=EN&from=2026-11-01&to=2026-11-30&size=25&after=abc");

        assertThat(q.q()).isEqualTo("ferry \"night line\"");
        assertThat(q.topic()).isEqualTo("transport");
        assertThat(q.source()).isEqualTo("Harbour Gazette");
        assertThat(q.lang()).isEqualTo("en");
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(q.to()).as("a plain 'to' date includes that day").isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(q.size()).isEqualTo(25);
        assertThat(q.searchAfter()).isEqualTo("abc");
    }

    @Test
    void defaultsWithoutParameters() {
        SearchQuery q = SearchQueryParser.parseQueryString(null);

        assertThat(q.hasText()).isFalse();
        assertThat(q.size()).isEqualTo(SearchQuery.DEFAULT_SIZE);
        assertThat(q.topic()).isNull();
        assertThat(SearchQueryParser.parseQueryString("q=&topic=").hasText()).isFalse();
    }

    @Test
    void acceptsInstantsWithOffsets() {
        SearchQuery q = SearchQueryParser.parse(Map.of("from", "2026-11-03T10:00:00+02:00", "to", "2026-11-04T00:00:00Z"));

        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-03T08:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
    }

    @Test
    void rejectsBadParametersWithMessagesNamingThem() {
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("size=ten")).hasMessageContaining("'size'");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("size=1000")).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("size=0")).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("from=yesterday")).hasMessageContaining("'from'");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("to=2026-13-01")).hasMessageContaining("'to'");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("from=2026-11-05&to=2026-11-01")).hasMessageContaining("before");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("tpoic=x")).hasMessageContaining("unknown parameter 'tpoic'");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("q=a&q=b")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("q=%zz")).hasMessageContaining("percent-encoding");
        assertThatThrownBy(() -> SearchQueryParser.parseQueryString("lang=english")).hasMessageContaining("'lang'");
    }

    @Test
    void collapseByStoryIsAFlagThatCannotPage() {
        assertThat(SearchQueryParser.parseQueryString("q=ferry&collapse=story").collapseStories()).isTrue();
        assertThat(SearchQueryParser.parseQueryString("q=ferry").collapseStories()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchQueryParser.parseQueryString("collapse=source"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'collapse'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchQueryParser.parseQueryString("collapse=story&after=abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'after'");
    }
}
