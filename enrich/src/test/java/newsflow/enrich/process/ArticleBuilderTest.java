package newsflow.enrich.process;

import newsflow.common.http.FetchException;
import newsflow.common.http.FetchResponse;
import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.Extraction;
import newsflow.common.model.Extraction.Method;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import newsflow.common.model.Provenance;
import newsflow.common.model.Schema;
import newsflow.enrich.Fixtures;
import newsflow.enrich.topics.TopicMatcher;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleBuilderTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String LINK = "https://millbrook-courier.example/2025/02/18/senate-committee-advances-rural-broadband-bill/";
    static final String CONTENT = """
            <p>The state senate committee voted six to three to send the rural broadband bill to the full chamber.</p>
            <p>Senators questioned how the grants would be awarded, and an amendment on oversight failed.</p>
            <p>The post <a href="https://millbrook-courier.example/x">Senate committee advances bill</a> appeared first on <a href="https://millbrook-courier.example">Millbrook Courier</a>.</p>""";
    static final String SUMMARY = "A senate committee sent the broadband bill to the full chamber […]";

    final ArticleBuilder builder = new ArticleBuilder(
            new TopicMatcher(Map.of("politics", List.of("senate", "senators"))), Clock.fixed(NOW, ZoneOffset.UTC));

    static FeedEntry entry(String summary, String content) {
        return new FeedEntry(Schema.VERSION, "entry-id-1", "https://millbrook-courier.example/feed/", "Millbrook Courier",
                LINK, "https://millbrook-courier.example/?p=2417", "Senate committee advances broadband bill",
                summary, content, List.of("E. Whitfield"), Instant.parse("2025-02-18T16:06:00Z"),
                Instant.parse("2025-02-18T17:00:00Z"), List.of("Uncategorized"),
                List.of(new Media("https://millbrook-courier.example/img.jpg", "image/jpeg", null, null)),
                Instant.parse("2025-02-18T16:10:00Z"));
    }

    static PageOutcome failed(int status) {
        return new PageOutcome.Failed(new FetchException(FetchException.Kind.HTTP_STATUS, URI.create(LINK), status,
                "HTTP " + status, null));
    }

    static PageOutcome.Fetched page(String contentType, byte[] body) {
        return new PageOutcome.Fetched(new FetchResponse(200, URI.create(LINK), contentType, body, null, null));
    }

    @Test
    void failedFetchFallsBackToTheFeedsFullContent() {
        Article a = builder.build(entry(SUMMARY, CONTENT), failed(503));

        assertThat(a.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(a.extraction().fallbackReason()).startsWith("page fetch failed: HTTP_STATUS").contains("HTTP 503");
        assertThat(a.extraction().httpStatus()).isEqualTo(503);
        assertThat(a.body()).isEqualTo("""
                The state senate committee voted six to three to send the rural broadband bill to the full chamber.

                Senators questioned how the grants would be awarded, and an amendment on oversight failed.""");
        assertThat(a.extraction().fieldSources().byField()).containsEntry(ArticleField.BODY, Provenance.FEED)
                .containsEntry(ArticleField.TITLE, Provenance.FEED);
    }

    @Test
    void failedFetchWithOnlyASummaryUsesTheSummary() {
        Article a = builder.build(entry(SUMMARY, null), failed(404));

        assertThat(a.extraction().method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(a.extraction().fallbackReason()).contains("HTTP 404");
        assertThat(a.body()).isEqualTo(SUMMARY);
        assertThat(a.description()).isEqualTo(SUMMARY);
    }

    @Test
    void metadataComesFromTheFeedWhenThereIsNoPage() {
        Article a = builder.build(entry(SUMMARY, CONTENT), new PageOutcome.NotFetched("page fetching disabled"));

        assertThat(a.id()).isEqualTo("entry-id-1");
        assertThat(a.url()).isEqualTo(LINK);
        assertThat(a.canonicalUrl()).isEqualTo(LINK);
        assertThat(a.title()).isEqualTo("Senate committee advances broadband bill");
        assertThat(a.authors()).containsExactly("E. Whitfield");
        assertThat(a.published()).isEqualTo(Instant.parse("2025-02-18T16:06:00Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2025-02-18T17:00:00Z"));
        assertThat(a.leadImage()).isEqualTo("https://millbrook-courier.example/img.jpg");
        assertThat(a.siteName()).isEqualTo("Millbrook Courier");
        assertThat(a.extraction().fallbackReason()).isEqualTo("page fetching disabled");
        assertThat(a.extraction().httpStatus()).isZero();
        assertThat(a.extraction().fieldSources().byField()).containsEntry(ArticleField.AUTHORS, Provenance.FEED)
                .containsEntry(ArticleField.PUBLISHED, Provenance.FEED);
        assertThat(a.topics()).extracting("name").containsExactly("politics");
        assertThat(a.processedAt()).isEqualTo(NOW);
        assertThat(a.schemaVersion()).isEqualTo(Schema.VERSION);
    }

    @Test
    void fetchedPageIsUsedAndItsMetadataWins() {
        Article a = builder.build(entry(SUMMARY, CONTENT),
                page("text/html; charset=UTF-8", Fixtures.bytes("wordpress-politics.html")));

        assertThat(a.extraction().method()).isEqualTo(Method.PAGE);
        assertThat(a.extraction().fallbackReason()).isNull();
        assertThat(a.title()).isEqualTo("Senate Committee Advances Rural Broadband Bill After Heated Debate");
        assertThat(a.authors()).containsExactly("Eleanor Whitfield");
        assertThat(a.published()).isEqualTo(Instant.parse("2025-02-18T16:05:00Z"));
        assertThat(a.body()).startsWith("A state senate committee voted six to three");
        assertThat(a.entry().id()).isEqualTo(a.id());
        assertThat(a.language()).isEqualTo("en");
    }

    @Test
    void pageMuchShorterThanTheFeedContentIsNotUsed() {
        String longContent = "<p>" + "The committee heard testimony from county officials about rural service. ".repeat(40) + "</p>";
        String teaser = "<html><body><article><h1>Headline</h1><p>" + "The senate vote was close and the chamber debated late into the night. ".repeat(6)
                + "</p></article></body></html>";

        Article a = builder.build(entry(SUMMARY, longContent), page("text/html", teaser.getBytes(StandardCharsets.UTF_8)));

        assertThat(a.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(a.extraction().fallbackReason()).contains("much shorter than the feed's content");
        assertThat(a.extraction().httpStatus()).isEqualTo(200);
    }

    @Test
    void paywallStubIsFlaggedAndTheFeedsContentIsUsed() {
        Article a = builder.build(entry(SUMMARY, CONTENT), page("text/html", Fixtures.bytes("classes/paywall-locked-box.html")));

        assertThat(a.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(a.extraction().pageFlag()).isEqualTo(Extraction.PageFlag.PAYWALL);
        assertThat(a.extraction().fallbackReason()).startsWith("page is a paywall stub");
        assertThat(a.body()).startsWith("The state senate committee voted six to three");
        assertThat(a.title()).as("metadata still comes from the page").isEqualTo("Harbour authority approves dredging plan");
    }

    @Test
    void fullPageIsNotFlagged() {
        Article a = builder.build(entry(SUMMARY, CONTENT), page("text/html", Fixtures.bytes("wordpress-politics.html")));
        assertThat(a.extraction().pageFlag()).isNull();
    }

    @Test
    void thinPageFallsBackButIsStillUsedWhenTheFeedHasLess() {
        byte[] thin = "<html><body><p>Short page text about the senate vote today.</p></body></html>".getBytes(StandardCharsets.UTF_8);

        Article withSummary = builder.build(entry(SUMMARY, null), page("text/html", thin));
        assertThat(withSummary.extraction().method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(withSummary.extraction().fallbackReason()).startsWith("page text too short");

        Article nothingBetter = builder.build(entry(null, null), page("text/html", thin));
        assertThat(nothingBetter.extraction().method()).isEqualTo(Method.PAGE);
        assertThat(nothingBetter.extraction().fallbackReason()).as("the page was used").isNull();
        assertThat(nothingBetter.body()).isEqualTo("Short page text about the senate vote today.");
    }

    @Test
    void nonHtmlAndEmptyResponsesAreNotParsed() {
        Article pdf = builder.build(entry(SUMMARY, CONTENT), page("application/pdf", new byte[]{'%', 'P', 'D', 'F'}));
        assertThat(pdf.extraction().method()).isEqualTo(Method.FEED_CONTENT);
        assertThat(pdf.extraction().fallbackReason()).isEqualTo("page is not HTML: application/pdf");

        Article empty = builder.build(entry(SUMMARY, CONTENT), page("text/html", new byte[0]));
        assertThat(empty.extraction().fallbackReason()).isEqualTo("page response had no body (HTTP 200)");
    }

    @Test
    void nothingAnywhereGivesAnEmptyBodyNotAnError() {
        FeedEntry bare = new FeedEntry(Schema.VERSION, "id-2", null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        Article a = builder.build(bare, new PageOutcome.NotFetched("entry has no http(s) link"));

        assertThat(a.body()).isEmpty();
        assertThat(a.wordCount()).isZero();
        assertThat(a.language()).isEqualTo("und");
        assertThat(a.extraction().method()).isEqualTo(Method.FEED_SUMMARY);
        assertThat(a.url()).isNull();
        assertThat(a.canonicalUrl()).isNull();
        assertThat(a.published()).isNull();
    }

    @Test
    void feedDateBeatsADateGuessedFromTheUrl() {
        String html = "<html><body><article><h1>Senate committee advances broadband bill</h1><p>"
                + "The committee voted on the bill after a long hearing about rural internet service. ".repeat(6)
                + "</p></article></body></html>";

        Article a = builder.build(entry(SUMMARY, null), page("text/html", html.getBytes(StandardCharsets.UTF_8)));

        assertThat(a.published()).isEqualTo(Instant.parse("2025-02-18T16:06:00Z"));
        assertThat(a.extraction().fieldSources().byField()).containsEntry(ArticleField.PUBLISHED, Provenance.FEED);
    }

    @Test
    void finalUrlAfterRedirectsIsTheArticleUrl() {
        String moved = "https://millbrook-courier.example/news/senate-broadband/";
        var response = new FetchResponse(200, URI.create(moved), "text/html",
                Fixtures.bytes("german-news.html"), null, null);

        Article a = builder.build(entry(SUMMARY, null), new PageOutcome.Fetched(response));

        assertThat(a.url()).isEqualTo(moved);
        assertThat(a.canonicalUrl()).isEqualTo(moved);
        assertThat(a.id()).isEqualTo("entry-id-1");
        assertThat(a.language()).isEqualTo("de");
    }
}
