package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The byline element as the page shows it, found by Readability.js's rules. */
class PageBylineTest {

    private static String byline(String body) {
        return PageByline.find(Jsoup.parse("<html><head><title>Ferry timetable changes</title></head><body>" + body
                + "</body></html>"), "Ferry timetable changes");
    }

    @Test
    void classOrIdNamingTheBylineGivesItsTextAsShown() {
        assertThat(byline("<p>Intro</p><div class=\"story-byline\">By  Ana\n  Lima | 3 March</div>"))
                .isEqualTo("By Ana Lima | 3 March");
        assertThat(byline("<span id=\"writtenby\">Tomas Reyes</span>")).isEqualTo("Tomas Reyes");
        assertThat(byline("<p class=\"dateline\">HARBOURTON, 3 March</p>")).isEqualTo("HARBOURTON, 3 March");
    }

    @Test
    void relAndItempropMarkTheAuthorAndAnItempropNameInsideIsPreferred() {
        assertThat(byline("<p>Words by <a rel=\"author\" href=\"/staff/ana\">Ana Lima</a></p>")).isEqualTo("Ana Lima");
        assertThat(byline("<div itemprop=\"author\" itemscope><img src=\"a.png\"><span>Staff</span>"
                + "<span itemprop=\"name\">Ana Lima</span></div>")).isEqualTo("Ana Lima");
    }

    @Test
    void textIsJoinedAsTheDomHasItWithNothingAddedBetweenElements() {
        assertThat(byline("<div class=\"byline\"><span>by Ana Lima</span><span>3 Mar 2024</span></div>"))
                .isEqualTo("by Ana Lima3 Mar 2024");
    }

    @Test
    void emptyOrLongBlocksAreNotBylines() {
        assertThat(byline("<div class=\"author\"> </div><p class=\"byline\">Ana Lima</p>")).isEqualTo("Ana Lima");
        String bio = "Ana Lima has covered the harbour for the paper since the ferries were still run by the city itself, and writes the weekly tide column.";
        assertThat(byline("<div class=\"author-bio\">" + bio + "</div>")).isNull();
    }

    @Test
    void hiddenElementsDialogsCommentsAndSidebarsAreNotLookedInto() {
        assertThat(byline("<div style=\"display: none\"><span class=\"byline\">Hidden Name</span></div>"
                + "<div hidden><span class=\"byline\">Hidden Too</span></div>"
                + "<div aria-hidden=\"true\"><span class=\"byline\">Not Read</span></div>"
                + "<div role=\"dialog\" aria-modal=\"true\"><span class=\"byline\">Pop Up</span></div>"
                + "<section class=\"comments\"><p class=\"comment-author\">Sky Reader</p></section>"
                + "<aside class=\"sidebar\"><p class=\"author\">Columnist Elsewhere</p></aside>"
                + "<nav role=\"navigation\"><a rel=\"author\" href=\"/a\">Menu Author</a></nav>"))
                .isNull();
    }

    @Test
    void anUnlikelyBlockInsideATableIsKeptAsReadabilityDoes() {
        assertThat(byline("<table><tr><td><div class=\"footer-note\"><span class=\"byline\">Ana Lima</span></div></td></tr></table>"))
                .isEqualTo("Ana Lima");
    }

    @Test
    void aBlockNamedLikeAHeaderIsStillReadWhenItIsItselfTheByline() {
        assertThat(byline("<div class=\"header-author\">Ana Lima</div>")).isEqualTo("Ana Lima");
    }

    @Test
    void noBylineOnThePage() {
        assertThat(byline("<h1>Ferry timetable changes</h1><p>Text of the story.</p>")).isNull();
        assertThat(PageByline.find(Jsoup.parse(""), null)).isNull();
    }

    @Test
    void javascriptTrimDropsNoBreakSpaces() {
        assertThat(PageByline.trim("\u00A0 Ana Lima\uFEFF ")).isEqualTo("Ana Lima");
    }
}
