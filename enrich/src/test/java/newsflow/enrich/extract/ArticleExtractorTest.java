package newsflow.enrich.extract;

import newsflow.common.model.ArticleField;
import newsflow.common.model.Provenance;
import newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {

    @Nested
    class JsonLdGraph {
        final ExtractedPage page = ArticleExtractor.extract(Fixtures.html("jsonld-graph-news.html"),
                "https://harbourline.example/news/port-authority-approves-harbour-expansion-4412?utm_source=rss");

        @Test
        void headlineAuthorsAndDatesComeFromTheNewsArticleNode() {
            // the page also says "Port expansion approved" (h1, <title>), "Tom Aldridge" (meta author, byline)
            // and 2025-03-04T17:45Z (article:published_time, <time>): JSON-LD wins over all of them
            assertThat(page.metadata().title()).isEqualTo("Port Authority Approves Harbour Expansion Despite Residents' Objections");
            assertThat(page.metadata().authors()).containsExactly("Priya Raman", "Jonas Meyer");
            assertThat(page.metadata().published()).isEqualTo(Instant.parse("2025-03-05T07:30:00Z"));
            assertThat(page.metadata().modified()).isEqualTo(Instant.parse("2025-03-05T10:02:00Z"));
            assertThat(page.fieldSources().byField())
                    .containsEntry(ArticleField.TITLE, Provenance.JSON_LD)
                    .containsEntry(ArticleField.AUTHORS, Provenance.JSON_LD)
                    .containsEntry(ArticleField.PUBLISHED, Provenance.JSON_LD)
                    .containsEntry(ArticleField.MODIFIED, Provenance.JSON_LD);
        }

        @Test
        void otherFieldsFromMetaTags() {
            assertThat(page.metadata().siteName()).isEqualTo("Harbourline News");
            assertThat(page.metadata().description()).isEqualTo("The port authority board backed the container terminal plan by a single vote.");
            assertThat(page.metadata().leadImage()).isEqualTo("https://harbourline.example/img/2025/03/terminal-crane.jpg");
            assertThat(page.metadata().canonicalUrl()).isEqualTo("https://harbourline.example/news/port-authority-approves-harbour-expansion-4412");
            assertThat(page.metadata().language()).isEqualTo("en");
        }

        @Test
        void bodyIsTheStoryWithoutBylineOrChrome() {
            assertThat(page.body().split("\n\n")).hasSize(4);
            assertThat(page.body()).startsWith("The port authority board approved")
                    .endsWith("before any dredging starts.")
                    .doesNotContain("Tom Aldridge", "Staff Reporter", "Sport", "Weather", "All rights reserved");
        }
    }

    @Nested
    class ListsAndTable {
        final ExtractedPage page = ArticleExtractor.extract(Fixtures.html("news-lists-table.html"),
                "https://eastgate-tribune.example/news/2025/04/transit-budget");

        @Test
        void listItemsAndTableRowsAreKeptOnTheirOwnLines() {
            assertThat(page.body()).contains("""
                    What the budget includes

                    Buses every eight minutes on routes 4, 11 and 27 during weekday peaks
                    Night service on the harbour line extended to two in the morning
                    Forty new shelters with real-time arrival displays
                    """.strip());
            assertThat(page.body()).contains("""
                    How the council voted

                    Ward | Member | Vote
                    Ward 1 | Amara Osei | Yes
                    Ward 2 | Gregor Lind | No
                    Ward 3 | Sofia Marchetti | Yes
                    """.strip());
            assertThat(page.body()).contains("""
                    Draft timetables released for comment in May
                    Driver recruitment drive over the summer
                    New frequencies in service from the first week of September
                    """.strip());
        }

        @Test
        void everyParagraphIsKept() {
            assertThat(page.body())
                    .startsWith("The city council adopted next year's transit budget")
                    .contains("Council members said the package was shaped by a rider survey")
                    .contains("The vote was closer than many expected")
                    .contains("Its board outlined the next steps at a briefing on Friday:")
                    .endsWith("from the current roster.");
        }

        @Test
        void captionRelatedRailAndNewsletterBoxAreDropped() {
            assertThat(page.body()).doesNotContain(
                    "Buses lined up at the northern depot", "Photo:",
                    "More on this story", "Fare increase pushed back", "Northern depot to get charging stations",
                    "Get the Morning Briefing", "Sign up", "newsletter", "Your email",
                    "Most read", "Stadium vote", "Subscribe", "Sign in", "Contact the newsroom",
                    "By Carmen");
        }

        @Test
        void metadata() {
            assertThat(page.metadata().title()).isEqualTo("City council passes transit budget: what changes for riders");
            assertThat(page.metadata().authors()).containsExactly("Carmen Ibáñez");
            assertThat(page.metadata().published()).isEqualTo(Instant.parse("2025-04-10T18:20:00Z"));
            assertThat(page.metadata().siteName()).isEqualTo("Eastgate Tribune");
        }
    }

    @Test
    void germanPageBylineBecomesTheAuthorNotBodyText() {
        ExtractedPage page = ArticleExtractor.extract(Fixtures.html("german-news.html"), "https://talblatt.example/lokales/radweg");

        assertThat(page.metadata().authors()).containsExactly("Katharina Vogel");
        assertThat(page.metadata().title()).isEqualTo("Stadtrat beschließt neuen Radweg am Flussufer");
        assertThat(page.metadata().language()).isEqualTo("de");
        assertThat(page.body()).startsWith("Der Stadtrat hat am Dienstagabend").doesNotContain("Von Katharina", "Startseite", "Impressum");
    }

    @Test
    void jsonLdArticleBodyIsUsedWhenTheHtmlHasNoText() {
        String text = "The river authority opened the new flood gates on Monday, two months ahead of schedule. ".repeat(8);
        String html = """
                <html><head><title>Flood gates open</title>
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood gates open early","articleBody":"%s"}</script>
                </head><body><div id="app">Loading…</div></body></html>""".formatted(text);

        ExtractedPage page = ArticleExtractor.extract(html, "https://example.org/a");

        assertThat(page.body()).isEqualTo(text.strip());
        assertThat(page.fieldSources().byField()).containsEntry(ArticleField.BODY, Provenance.JSON_LD);
    }

    @Test
    void brokenJsonLdDoesNotCostTheRestOfThePage() {
        String html = """
                <html><head>
                <script type="application/ld+json">{"@type":"NewsArticle", "headline": "broken</script>
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Second block","author":{"@type":"Person","name":"Ada Brook"}}</script>
                </head><body><article><h1>Heading</h1><p>%s</p></article></body></html>
                """.formatted("A paragraph of real text, long enough to count as the article body. ".repeat(5));

        ExtractedPage page = ArticleExtractor.extract(html, "https://example.org/b");

        assertThat(page.metadata().title()).isEqualTo("Second block");
        assertThat(page.metadata().authors()).containsExactly("Ada Brook");
        assertThat(page.body()).startsWith("A paragraph of real text");
    }

    @Test
    void leadingTitleRepeatAndFurnitureLinesAreDropped() {
        String html = """
                <html><head><meta property="og:title" content="Ferry service resumes"></head><body>
                <div class="story">
                  <p>Ferry service resumes</p>
                  <p>The island ferry returned to its full timetable on Saturday after a week of repairs to the ramp.</p>
                  <p>Advertisement</p>
                  <p>Operators said the winter schedule would start on the first of November as planned, with two crossings a day.</p>
                </div></body></html>""";

        ExtractedPage page = ArticleExtractor.extract(html, "https://example.org/c");

        assertThat(page.body()).isEqualTo("""
                The island ferry returned to its full timetable on Saturday after a week of repairs to the ramp.

                Operators said the winter schedule would start on the first of November as planned, with two crossings a day.""");
    }

    @Test
    void emptyAndNullPagesGiveAnEmptyResult() {
        assertThat(ArticleExtractor.extract((String) null, null).body()).isEmpty();
        assertThat(ArticleExtractor.extract("", "https://example.org/").metadata().title()).isNull();
        assertThat(ArticleExtractor.extract(new byte[0], "text/html", null).body()).isEmpty();
    }

    @Test
    void feedHtmlToTextDropsScriptsAndTheFeedFooter() {
        String content = """
                <p>First paragraph of the post.</p><script>track()</script>
                <ul><li>one</li><li>two</li></ul>
                <p>The post <a href="https://x.example/p">Ferry news</a> appeared first on <a href="https://x.example">X Daily</a>.</p>""";

        assertThat(ArticleExtractor.htmlToText(content)).isEqualTo("First paragraph of the post.\n\none\ntwo");
        assertThat(ArticleExtractor.htmlToText("  ")).isEmpty();
        assertThat(ArticleExtractor.htmlToText(null)).isEmpty();
    }
}
