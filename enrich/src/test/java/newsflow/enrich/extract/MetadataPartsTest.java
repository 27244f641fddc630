package newsflow.enrich.extract;

import newsflow.common.model.ArticleField;
import newsflow.common.model.Provenance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Bylines, titles and the metadata precedence (dates: common DatesTest). */
class MetadataPartsTest {

    @Test
    void bylinesBecomeNames() {
        assertThat(Bylines.clean("By Jane Doe and John Roe, Political Correspondents | March 3, 2024"))
                .containsExactly("Jane Doe", "John Roe");
        assertThat(Bylines.clean(" by Eleanor Whitfield")).containsExactly("Eleanor Whitfield");
        assertThat(Bylines.clean("Von Katharina Vogel")).containsExactly("Katharina Vogel");
        assertThat(Bylines.clean("Staff Reporter")).isEmpty();
        // a WordPress theme's author box and its screen-reader label
        assertThat(Bylines.clean("View Archive →")).isEmpty();
        assertThat(Bylines.clean("Post author By Ruth Kaminski")).containsExactly("Ruth Kaminski");
        assertThat(Bylines.cleanAll(java.util.List.of("Ana Lima", "ana lima", "@analima"))).containsExactly("Ana Lima");
    }

    @Test
    void documentTitleLosesTheSiteNameButShortResultsKeepTheWholeTitle() {
        assertThat(Titles.ofDocument(Jsoup.parse("<title>Council approves the harbour budget – Riverside</title>")))
                .isEqualTo("Council approves the harbour budget");
        // only the last part goes: an inner separator belongs to the headline
        assertThat(Titles.ofDocument(Jsoup.parse("<title>Ferry fares - what changes in May | Coastline</title>")))
                .isEqualTo("Ferry fares - what changes in May");
        // four words or fewer left: the whole title
        assertThat(Titles.ofDocument(Jsoup.parse("<title>Ferry fares rise | Coastline Daily</title>")))
                .isEqualTo("Ferry fares rise | Coastline Daily");
        assertThat(Titles.ofDocument(Jsoup.parse("<title>Coastline: Ferry timetable changes for the winter</title>")))
                .isEqualTo("Ferry timetable changes for the winter");
        // a heading that repeats the colon title says the colon is part of it
        assertThat(Titles.ofDocument(Jsoup.parse("<title>Coastline: Ferry timetable changes for the winter</title>"
                + "<h1>Coastline: Ferry timetable changes for the winter</h1>")))
                .isEqualTo("Coastline: Ferry timetable changes for the winter");
        // a very short title yields to the only h1 when that says more
        assertThat(Titles.ofDocument(Jsoup.parse("<title>Ferries</title><h1>Ferry timetable changes for the winter</h1>")))
                .isEqualTo("Ferry timetable changes for the winter");
        assertThat(Titles.ofDocument(Jsoup.parse("<title>Ferries</title><h1>Timetable</h1>"))).isEqualTo("Ferries");
        assertThat(Titles.ofDocument(Jsoup.parse("<p>no title</p>"))).isNull();
    }

    @Test
    void statedTitlesAreKeptAsWrittenInReadabilitysOrder() {
        String html = """
                <html><head><title>Title tag | Site</title><meta property="og:title" content="Social title | Site">
                <meta name="DC.title" content="Catalogue title">
                <script type="application/ld+json">{"@type":"Article","headline":"Structured headline | Site"}</script></head>
                <body><h1>Heading</h1></body></html>""";
        assertThat(metadata(Jsoup.parse(html), null).title()).isEqualTo("Structured headline | Site");
        String noJsonLd = html.replace("application/ld+json", "text/plain");
        assertThat(metadata(Jsoup.parse(noJsonLd), null).title()).isEqualTo("Catalogue title");
        assertThat(metadata(Jsoup.parse(noJsonLd.replace("DC.title", "DC.other")), null).title())
                .isEqualTo("Social title | Site");
    }

    @Test
    void jsonLdNameYieldsToTheHeadlineOnlyWhenTheHeadlineIsWhatTheTitleSays() {
        String page = """
                <html><head><title>%s</title><script type="application/ld+json">
                {"@type":"NewsArticle","name":"Coastline Daily","headline":"Ferry timetable changes for the winter"}
                </script></head><body></body></html>""";
        assertThat(metadata(Jsoup.parse(page.formatted("Ferry timetable changes for the winter | Coastline")), null)
                .title()).isEqualTo("Ferry timetable changes for the winter");
        assertThat(metadata(Jsoup.parse(page.formatted("Something else entirely")), null).title())
                .isEqualTo("Coastline Daily");
        assertThat(Titles.similarity("Ferry timetable changes", "ferry timetable changes!")).isEqualTo(1.0);
        assertThat(Titles.similarity("Ferry", "Ferry timetable")).isLessThan(0.75);
    }

    @Test
    void bylineIsTheStatedAuthorInReadabilitysOrderElseTheBylineElement() {
        String head = """
                <meta name="author" content="Plain Meta Author"><meta name="DC.creator" content="Catalogue Author">
                <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Lima"},
                {"@type":"Person","name":"Tomas Reyes"}]}</script>""";
        String body = "<p class=\"byline\">By Ana Lima and Tomas Reyes | 3 March 2024</p>";
        String page = "<html><head>%s</head><body>%s</body></html>";
        MetadataExtractor.Found ld = MetadataExtractor.extract(Jsoup.parse(page.formatted(head, body)), null);
        assertThat(ld.metadata().byline()).isEqualTo("Ana Lima, Tomas Reyes");
        assertThat(ld.sources().byField()).containsEntry(ArticleField.BYLINE, Provenance.JSON_LD);
        String noLd = head.replace("application/ld+json", "text/plain");
        assertThat(metadata(Jsoup.parse(page.formatted(noLd, body)), null).byline()).isEqualTo("Catalogue Author");
        assertThat(metadata(Jsoup.parse(page.formatted(noLd.replace("DC.creator", "x"), body)), null).byline())
                .isEqualTo("Plain Meta Author");
        MetadataExtractor.Found shown = MetadataExtractor.extract(Jsoup.parse(page.formatted("<meta property=\"article:author\" "
                + "content=\"https://social.example/ana\">", body)), null);
        assertThat(shown.metadata().byline()).isEqualTo("By Ana Lima and Tomas Reyes | 3 March 2024");
        assertThat(shown.sources().byField()).containsEntry(ArticleField.BYLINE, Provenance.HTML);
        // the names list is the cleaned form of the same byline
        assertThat(shown.metadata().authors()).containsExactly("Ana Lima", "Tomas Reyes");
    }

    @Test
    void authorsComeFromTheFirstAuthorMetaPresentNotFromAllOfThem() {
        String html = "<html><head><meta name=\"author\" content=\"Plain Meta Author\">"
                + "<meta name=\"dc.creator\" content=\"Catalogue Author\"></head><body></body></html>";
        assertThat(metadata(Jsoup.parse(html), null).authors()).containsExactly("Catalogue Author");
    }

    @Test
    void siteNameFromThePublisherNamedInTheArticleThenOpenGraphThenAReferencedPublisher() {
        String page = """
                <html><head><meta property="og:site_name" content="Coastline Daily - news from the coast">
                <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Ferries",
                "publisher":%s},{"@type":"Organization","@id":"#org","name":"Coastline Media Group"}]}</script>
                </head><body></body></html>""";
        assertThat(metadata(Jsoup.parse(page.formatted("{\"@type\":\"Organization\",\"name\":\"Coastline Daily\"}")), null)
                .siteName()).isEqualTo("Coastline Daily");
        assertThat(metadata(Jsoup.parse(page.formatted("{\"@id\":\"#org\"}")), null).siteName())
                .isEqualTo("Coastline Daily - news from the coast");
        assertThat(metadata(Jsoup.parse(page.formatted("{\"@id\":\"#org\"}").replace("og:site_name", "og:x")), null)
                .siteName()).isEqualTo("Coastline Media Group");
    }

    @Test
    void articleHeadingBeatsASectionHeadingEarlierInMain() {
        String html = "<html><body><main><h1 class=\"section\">Politics</h1><article><h1>Bridge vote delayed</h1></article></main></body></html>";
        assertThat(metadata(Jsoup.parse(html), null).title()).isEqualTo("Bridge vote delayed");
    }

    @Test
    void dateGuessedFromTheUrlIsMarkedHeuristic() {
        MetadataExtractor.Found found = MetadataExtractor.extract(Jsoup.parse("<p>x</p>"), "https://x.example/2024/05/06/a");
        assertThat(found.metadata().published()).isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
        assertThat(found.sources().byField()).containsEntry(ArticleField.PUBLISHED, Provenance.HEURISTIC);
    }

    @Test
    void declaredLanguageCodes() {
        assertThat(MetadataExtractor.language("en-US")).isEqualTo("en");
        assertThat(MetadataExtractor.language("pt_BR")).isEqualTo("pt");
        assertThat(MetadataExtractor.language("deu")).isNull();
        assertThat(MetadataExtractor.language("x")).isNull();
    }

    @Test
    void jsonLdInsideCdataIsRead() {
        String html = "<html><head><script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Harbour pier rebuilt\",\"datePublished\":\"2024-06-25\"}\n//]]></script></head><body></body></html>";
        Metadata meta = metadata(Jsoup.parse(html), null);
        assertThat(meta.title()).isEqualTo("Harbour pier rebuilt");
        assertThat(meta.published()).hasToString("2024-06-25T00:00:00Z");
    }

    @Test
    void declaredLanguageTagKeepsItsRegion() {
        Metadata meta = metadata(Jsoup.parse("<html lang=\"pt-BR\"><head></head><body></body></html>"), null);
        assertThat(meta.language()).isEqualTo("pt");
        assertThat(meta.languageTag()).isEqualTo("pt-BR");
    }

    @Test
    void bylineLeftoversAndBracketsInNames() {
        assertThat(Bylines.cleanAll(java.util.List.of("Joshua Sokol", "By"))).containsExactly("Joshua Sokol");
        assertThat(Bylines.clean("史蒂文的家_藍天 (stevenhgm)")).containsExactly("史蒂文的家_藍天 (stevenhgm)");
    }

    @Test
    void commentersMarkedUpAsAuthorsAreNotTheArticlesAuthors() {
        String html = "<html><body><article><p>Story text.</p></article><div class=\"comments\">"
                + "<div class=\"comment\"><span itemprop=\"author\">Sky Reader</span> wrote: first!</div></div>"
                + "<p class=\"byline\">By Ana Lima</p></body></html>";
        assertThat(metadata(Jsoup.parse(html), null).authors()).containsExactly("Ana Lima");
    }

    private static Metadata metadata(Document doc, String baseUrl) {
        return MetadataExtractor.extract(doc, baseUrl).metadata();
    }
}
