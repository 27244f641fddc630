package newsflow.enrich.process;

import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;
import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.Extraction.Method;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Provenance;
import newsflow.common.model.Schema;
import newsflow.enrich.Fixtures;
import newsflow.enrich.topics.TopicMatcher;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShellFallbackTest {

    static final String LINK = "https://www.kestrel-bay.example/news/harbour-ferry-returns";
    static final String AMP = LINK + "/amp";
    static final String PRINT = LINK + "?print=1";

    final ArticleBuilder builder = new ArticleBuilder(new TopicMatcher(Map.of()), Clock.systemUTC());
    final List<String> asked = new ArrayList<>();

    static FeedEntry entry(String summary) {
        return new FeedEntry(Schema.VERSION, "ferry-1", "https://www.kestrel-bay.example/feed", "Kestrel Bay Herald", LINK,
                null, "Harbour ferry returns", summary, null, List.of(), Instant.parse("2026-03-04T08:00:00Z"), null,
                List.of(), List.of(), Instant.parse("2026-03-04T08:20:00Z"));
    }

    static PageOutcome.Fetched page(String url, String fixture) {
        return new PageOutcome.Fetched(new FetchResponse(200, URI.create(url), "text/html; charset=utf-8",
                Fixtures.bytes(fixture), null, null));
    }

    AlternateFetcher serving(Map<String, PageOutcome> pages) {
        return url -> {
            asked.add(url);
            return pages.getOrDefault(url, new PageOutcome.NotFetched("nothing at " + url));
        };
    }

    @Test
    void aShellPageIsBuiltFromItsAmpVersionAndKeepsItsOwnMetadata() {
        Article a = builder.build(entry("The ferry is back."), page(LINK, "shell-with-amp.html"),
                serving(Map.of(AMP, page(AMP, "shell-amp-version.html"))));

        assertThat(asked).containsExactly(AMP);
        assertThat(a.extraction().method()).isEqualTo(Method.PAGE);
        assertThat(a.body()).startsWith("The Kestrel Bay ferry carried its first passengers").contains("island hall");
        assertThat(a.extraction().fieldSources().byField()).containsEntry(ArticleField.BODY, Provenance.AMP)
                .containsEntry(ArticleField.DESCRIPTION, Provenance.AMP); // the shell has none: the version's fills the gap
        assertThat(a.extraction().fallbackReason()).startsWith("page is a shell (").endsWith("used its AMP version " + AMP);
        assertThat(a.extraction().pageFlag()).isNull();
        // the page's own metadata wins where it has some
        assertThat(a.authors()).containsExactly("Ines Morrow");
        assertThat(a.url()).isEqualTo(LINK);
        assertThat(a.published()).isEqualTo(Instant.parse("2026-03-04T08:15:00Z"));
    }

    @Test
    void whenTheAmpVersionFailsThePrintVersionIsTriedAndThenTheFeedIsUsedWithEveryReason() {
        PageOutcome refused = new PageOutcome.Failed(new FetchException(FetchException.Kind.HTTP_STATUS, URI.create(AMP),
                404, "HTTP 404", null));
        Article a = builder.build(entry("The Kestrel Bay ferry is back on its route after four months in dry dock, the harbour board said."),
                page(LINK, "shell-with-amp.html"), serving(Map.of(AMP, refused, PRINT, page(PRINT, "shell-with-amp.html"))));

        assertThat(asked).containsExactly(AMP, PRINT);
        assertThat(a.extraction().method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(a.extraction().fallbackReason())
                .contains("page text too short")
                .contains("AMP version " + AMP + " not used: page fetch failed")
                .contains("print version " + PRINT + " not used: no more text");
        assertThat(a.extraction().fieldSources().byField()).containsEntry(ArticleField.BODY, Provenance.FEED);
    }

    @Test
    void aPageWithItsTextIsNeverSwappedAndNothingIsFetchedWithoutAFetcher() {
        String full = LINK + "/full";
        Article whole = builder.build(entry("x"), page(full, "shell-amp-version.html"),
                serving(Map.of()));
        assertThat(asked).isEmpty();
        assertThat(whole.extraction().fallbackReason()).isNull();

        Article shell = builder.build(entry("The ferry is back."), page(LINK, "shell-with-amp.html"));
        assertThat(shell.extraction().fallbackReason()).doesNotContain("AMP");
    }
}
