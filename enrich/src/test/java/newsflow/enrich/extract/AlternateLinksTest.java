package newsflow.enrich.extract;

import newsflow.enrich.Fixtures;
import newsflow.enrich.extract.AlternateLinks.Alternate;
import newsflow.enrich.extract.AlternateLinks.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AlternateLinksTest {

    @Test
    void ampVersionFirstThenThePrintAlternate() {
        assertThat(AlternateLinks.find(Fixtures.bytes("shell-with-amp.html"), "text/html",
                "https://www.kestrel-bay.example/news/harbour-ferry-returns")).containsExactly(
                new Alternate(Kind.AMP, "https://www.kestrel-bay.example/news/harbour-ferry-returns/amp"),
                new Alternate(Kind.PRINT, "https://www.kestrel-bay.example/news/harbour-ferry-returns?print=1"));
    }

    @Test
    void aPrintLinkCountsOnlyWhenItsAddressAndItsLabelOrNameSayPrintAndItStaysOnTheSite() {
        // skipped: a script link, a third-party printing service, a story whose address merely contains "print"
        assertThat(AlternateLinks.find(Fixtures.bytes("shell-with-print-link.html"), null,
                "https://www.kestrel-bay.example/news/library-extension-opens")).containsExactly(
                new Alternate(Kind.PRINT, "https://www.kestrel-bay.example/news/library-extension-opens/print/"));
    }

    @Test
    void ampOnASubdomainOfTheSiteIsKeptAndTheSamePageOrAnotherSiteIsNot() {
        String html = """
                <html><head>
                <link rel="amphtml" href="https://www.kestrel-bay.example/news/story#top">
                <link rel="amphtml" href="https://amp.kestrel-bay.example/news/story">
                <link rel="amphtml" href="https://cache.amp-mirror.example/kestrel-bay/news/story">
                <link rel="AmpHtml" href="ftp://kestrel-bay.example/story">
                </head><body><p>Loading</p></body></html>""";
        assertThat(AlternateLinks.find(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://www.kestrel-bay.example/news/story")).containsExactly(
                new Alternate(Kind.AMP, "https://amp.kestrel-bay.example/news/story"));
    }

    @Test
    void aPageWithoutAlternatesHasNone() {
        assertThat(AlternateLinks.find("<p>Just text.</p>".getBytes(StandardCharsets.UTF_8), null,
                "https://kestrel-bay.example/a")).isEmpty();
        assertThat(AlternateLinks.find(new byte[0], null, "https://kestrel-bay.example/a")).isEmpty();
        assertThat(AlternateLinks.find("<link rel=amphtml href=/amp>".getBytes(StandardCharsets.UTF_8), null, null)).isEmpty();
    }
}
