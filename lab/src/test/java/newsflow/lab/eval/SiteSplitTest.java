package newsflow.lab.eval;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SiteSplitTest {

    @Test
    void pagesOfOneSiteShareAHalfWhateverTheirPathOrWww() {
        assertThat(SiteSplit.site("a", "https://www.gazette.example/2024/01/one")).isEqualTo("gazette.example");
        assertThat(SiteSplit.halfOf("a", "https://www.gazette.example/2024/01/one"))
                .isEqualTo(SiteSplit.halfOf("b", "http://gazette.example/other?x=1"));
    }

    @Test
    void pagesWithoutAnAddressOfTheirOwnAreGroupedByTheirIdWithoutANumberSuffix() {
        assertThat(SiteSplit.site("nytimes-3", "http://fakehost/test/page.html")).isEqualTo("nytimes");
        assertThat(SiteSplit.site("R163", null)).isEqualTo("R163");
        assertThat(SiteSplit.site("x", "not a url")).isEqualTo("x");
        assertThat(SiteSplit.halfOf("nytimes-1", "http://fakehost/test/page.html"))
                .isEqualTo(SiteSplit.halfOf("nytimes-5", "http://fakehost/test/page.html"));
    }

    @Test
    void theSplitIsDeterministicAndRoughlyEven() {
        Map<SiteSplit.Half, Integer> counts = new EnumMap<>(SiteSplit.Half.class);
        for (int i = 0; i < 1000; i++) {
            counts.merge(SiteSplit.halfOf("p" + i, "https://site" + i + ".example/"), 1, Integer::sum);
        }
        assertThat(counts.get(SiteSplit.Half.TUNE)).isBetween(430, 570);
        assertThat(SiteSplit.halfOfSite("gazette.example")).isEqualTo(SiteSplit.halfOfSite("gazette.example"));
    }
}
