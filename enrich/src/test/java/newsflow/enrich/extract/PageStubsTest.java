package newsflow.enrich.extract;

import newsflow.common.model.Extraction.PageFlag;
import newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Paywall and consent stubs: flagged when a wall's markers meet little text, never on a full article. */
class PageStubsTest {

    private static ExtractedPage extract(String fixture) {
        return ArticleExtractor.extract(Fixtures.html("classes/" + fixture), "https://news.example/story");
    }

    @Test
    void paywallDeclaredInJsonLdWithALockedBoxIsAPaywallStub() {
        ExtractedPage page = extract("paywall-locked-box.html");
        assertThat(page.stub()).isEqualTo(PageFlag.PAYWALL);
        assertThat(page.body()).contains("deepen the main channel");
    }

    @Test
    void teaserWithAPaywallPromptIsAPaywallStub() {
        ExtractedPage page = extract("paywall-stub.html");
        assertThat(page.stub()).isEqualTo(PageFlag.PAYWALL);
        assertThat(page.body()).contains("For three years the plan").doesNotContain("Subscribe");
    }

    @Test
    void paywallPromptInTheTextAloneIsEnough() {
        assertThat(extract("paywall-text-only.html").stub()).isEqualTo(PageFlag.PAYWALL);
    }

    @Test
    void consentWallInFrontOfALineOfTextIsAConsentStub() {
        assertThat(extract("consent-wall.html").stub()).isEqualTo(PageFlag.CONSENT);
    }

    @Test
    void fullArticleIsNoStubThoughItCarriesPaywallAndCookieMarkup() {
        ExtractedPage page = extract("paywall-markup-full-article.html");
        assertThat(page.stub()).isNull();
        assertThat(page.body()).contains("paragraph 1 of", "paragraph 8 of");
    }

    @Test
    void shortPageWithoutAnyMarkerIsNoStub() {
        ExtractedPage page = ArticleExtractor.extract(
                "<html><body><article><h1>Brief</h1><p>The bridge reopens on Monday morning after repairs.</p></article></body></html>",
                "https://news.example/brief");
        assertThat(page.stub()).isNull();
    }

    @Test
    void markersAreReadFromClassAndIdNamesNotFromWordsInsideThem() {
        String html = "<html><body><div class='consentient-ideas'><p>The council met.</p></div>"
                + "<div id='paywalled'><p>The mayor spoke.</p></div></body></html>";
        PageStubs.Markers markers = PageStubs.scan(org.jsoup.Jsoup.parse(html), false);
        assertThat(markers).isEqualTo(PageStubs.Markers.NONE);
        PageStubs.Markers walls = PageStubs.scan(org.jsoup.Jsoup.parse(
                "<html><body><div class='Paywall-Overlay'></div><div id='qc-cmp2-container'></div></body></html>"), false);
        assertThat(walls).isEqualTo(new PageStubs.Markers(true, true));
        assertThat(PageStubs.scan(org.jsoup.Jsoup.parse("<p>x</p>"), true).paywall()).as("JSON-LD not free").isTrue();
    }
}
