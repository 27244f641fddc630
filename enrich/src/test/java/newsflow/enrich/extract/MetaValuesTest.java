package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta tags read under Readability.js's keys. */
class MetaValuesTest {

    private static MetaValues of(String head) {
        return MetaValues.of(Jsoup.parse("<html><head>" + head + "</head><body></body></html>"));
    }

    @Test
    void dottedAndPrefixedNamesShareOneKey() {
        MetaValues v = of("<meta name=\"DC.Title\" content=\"Catalogue title\"><meta name=\"parsely-author\" content=\"Ana Lima\">"
                + "<meta name=\"Author\" content=\"Tomas Reyes\"><meta name=\"twitter:title\" content=\"Short title\">");
        assertThat(v.first("dc:title")).isEqualTo("Catalogue title");
        assertThat(v.first("parsely-author")).isEqualTo("Ana Lima");
        assertThat(v.first("author")).isEqualTo("Tomas Reyes");
        assertThat(v.first("twitter:title")).isEqualTo("Short title");
    }

    @Test
    void aPropertyListIsReadByItsFirstKnownEntry() {
        MetaValues v = of("<meta property=\"og:title twitter:title\" content=\"Shared title\">");
        assertThat(v.first("og:title")).isEqualTo("Shared title");
        assertThat(v.first("twitter:title")).isNull();
    }

    @Test
    void laterTagsReplaceEarlierOnesAndEmptyContentIsIgnored() {
        MetaValues v = of("<meta name=\"dc.creator\" content=\"First Author\"><meta name=\"dc.creator\" content=\"Second Author\">"
                + "<meta property=\"og:site_name\" content=\"\"><meta name=\"keywords\" content=\"ferries\">");
        assertThat(v.first("dc:creator")).isEqualTo("Second Author");
        assertThat(v.first("og:site_name")).isNull();
        assertThat(v.first("keywords")).isNull();
    }

    @Test
    void firstPresentKeyWinsAndEntitiesAreDecoded() {
        MetaValues v = of("<meta property=\"og:title\" content=\"Fares &amp;amp; timetables\">");
        assertThat(v.first("dc:title", "og:title")).isEqualTo("Fares & timetables");
    }
}
