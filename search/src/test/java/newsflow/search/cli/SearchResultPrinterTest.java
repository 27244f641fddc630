package newsflow.search.cli;

import newsflow.search.Facets;
import newsflow.search.SearchHit;
import newsflow.search.SearchResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchResultPrinterTest {

    private static final SearchResult RESULT = new SearchResult(3, List.of(
            new SearchHit("a1", "New ferry route opens", "https://harbour.example/news/ferry", "Harbour Gazette",
                    "Harbour Gazette", Instant.parse("2026-11-03T08:15:00Z"), "en", List.of("transport", "local"),
                    List.of("Mara Lind"), "New <em>ferry</em> route opens",
                    List.of("opened a <em>ferry</em> route &amp; a &quot;night&quot;\nline", "Boats run hourly"), 2.5),
            new SearchHit("b2", "Strike", null, null, null, null, null, List.of(), List.of(), null, List.of(), null)),
            new Facets(List.of(new Facets.IptcCount("medtop:20000763", "science and technology", 2, null)),
                    List.of(new Facets.FacetCount("transport", 2)), List.of(new Facets.FacetCount("ferry watch", 1)),
                    List.of(), List.of(new Facets.FacetCount("Harbour Gazette", 2)),
                    List.of(new Facets.FacetCount("en", 3)), List.of(new Facets.FacetCount("Mara Lind", 1)),
                    List.of(new Facets.DayCount("2026-11-03", 2))),
            "CURSOR");

    @Test
    void rendersNumberedHitsWithMetadataSnippetsAndFacets() {
        String text = SearchResultPrinter.render(RESULT, false);

        assertThat(text).startsWith("3 articles found, showing 2\n");
        assertThat(text).contains(" 1. New «ferry» route opens\n");
        assertThat(text).contains("    Harbour Gazette · 2026-11-03 · en · transport, local\n");
        assertThat(text).contains("    https://harbour.example/news/ferry\n");
        assertThat(text).contains("    …opened a «ferry» route & a \"night\" line … Boats run hourly…\n");
        assertThat(text).contains(" 2. Strike\n    unknown source · undated\n");
        assertThat(text).contains("IPTC topics: science and technology (2)\n").contains("Operator topics: transport (2)\n")
                .contains("Watch-topics: ferry watch (1)\n").doesNotContain("Model topics")
                .contains("Sources: Harbour Gazette (2)\n").contains("Authors: Mara Lind (1)\n")
                .contains("Languages: en (3)\n").contains("Per day: 2026-11-03 2\n");
        assertThat(text).endsWith("More: --after CURSOR\n");
    }

    @Test
    void marksHighlightsInBoldOnATerminal() {
        String text = SearchResultPrinter.render(RESULT, true);

        assertThat(text).contains("New \u001b[1mferry\u001b[0m route opens");
        assertThat(text).doesNotContain("«");
    }

    @Test
    void literalTagsInTheTextStayText() {
        assertThat(SearchResultPrinter.highlighted("a &lt;em&gt; tag and <em>match</em> &#x27;q&#39;", false))
                .isEqualTo("a <em> tag and «match» 'q'");
    }

    @Test
    void emptyResultSaysSo() {
        assertThat(SearchResultPrinter.render(SearchResult.empty(), false)).isEqualTo("0 articles found\n");
    }

    @Test
    void aCollapsedStoryListsTheOtherOutlets() {
        SearchHit hit = new SearchHit("s1", "Breakwater closes", "https://post.example/b", "Harbour Post", null,
                Instant.parse("2026-11-24T08:00:00Z"), "en", List.of(), List.of(), null, List.of(), 1.0, "s1",
                List.of(new SearchHit.Report("s2", "Breakwater closes for six weeks", "https://times.example/b", "Coast Times")));
        String text = SearchResultPrinter.render(new SearchResult(1, List.of(hit), newsflow.search.Facets.EMPTY, null), false);
        assertThat(text).contains("Also reported by: Coast Times");
    }
}
