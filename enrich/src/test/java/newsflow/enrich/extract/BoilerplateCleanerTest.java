package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateCleanerTest {

    private static Element element(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }

    @ParameterizedTest(name = "class=\"{0}\" → {1}")
    @CsvSource({
            "share-buttons, HARD",
            "sharedaddy sd-sharing-enabled, HARD",
            "jp-relatedposts, HARD",
            "relatedStories, HARD",
            "cookie-law-info-bar, HARD",
            "cookienotice, HARD",
            "newsletterbox, HARD",
            "comments-area, HARD",
            "comment-respond, HARD",
            "commentbody by-nick-p, HARD",
            "entry-meta, SOFT",
            "cat-links, SOFT",
            "widget widget_recent_entries, SOFT",
            "entry-content, NONE",
            "shareholders-report, NONE",
            "commentary, NONE",
            "post type-post hentry category-uncategorized tag-share, NONE",
            "category-uncategorized, SOFT"})
    void classify(String className, BoilerplateCleaner.Verdict expected) {
        assertThat(BoilerplateCleaner.classify(element("<div class=\"" + className + "\">x</div>"))).isEqualTo(expected);
    }

    @Test
    void camelCaseIdsAreSplit() {
        assertThat(BoilerplateCleaner.classify(element("<div id=\"socialShareBar\">x</div>")))
                .isEqualTo(BoilerplateCleaner.Verdict.HARD);
    }

    @Test
    void chromeThatWrapsTheArticleIsKept() {
        String story = "More of the story, in a paragraph long enough to be an article. ".repeat(9).strip();
        Element body = Jsoup.parse("""
                <body><form id="aspnetForm"><nav>Menu</nav><h1>Headline</h1><p>Story text.</p></form>
                <div class="site has-sidebar"><article><p>%s</p></article></div>
                <div class="sidebar"><article><p>Short teaser.</p></article></div>
                <aside><p>Sidebar text.</p></aside></body>""".formatted(story)).body();

        BoilerplateCleaner.clean(body);

        assertThat(body.text()).isEqualTo("Headline Story text. " + story);
    }

    @Test
    void softNamedBlocksWithRealProseAreKept() {
        String prose = "A long paragraph of reporting that should survive the cleaner. ".repeat(8);
        Element body = Jsoup.parse("<body><div class=\"post-meta-wrapper\"><p>" + prose + "</p></div>"
                + "<div class=\"entry-meta\"><a href=\"/a\">Posted on May 1</a></div></body>").body();

        BoilerplateCleaner.clean(body);

        assertThat(body.text()).isEqualTo(prose.strip());
    }

    @Test
    void nonContentAndHiddenElementsGo() {
        Element body = Jsoup.parse("""
                <body><p>Kept.</p><script>x()</script><figure><img src="a.jpg"><figcaption>Caption</figcaption></figure>
                <div hidden>Hidden</div><div style="display: none">Also hidden</div><span aria-hidden="true">Icon</span>
                <div role="navigation">Nav</div><!-- a comment --></body>""").body();

        BoilerplateCleaner.clean(body);

        assertThat(body.text()).isEqualTo("Kept.");
        assertThat(body.html()).doesNotContain("a comment");
    }

    @Test
    void aShortBlockWithAFieldAndAButtonIsAFormButAShortPostAboveAFormElementIsNot() {
        Element body = Jsoup.parse("""
                <body><div class="box"><p>Enjoyed this? Get the next one by email.</p>
                <input type="email"><button>Send</button></div>
                <div class="post"><p>A short post of one line.</p>
                <form><p>Name <input type="text"></p><input type="submit" value="Post comment"></form></div>
                <div class="calculator"><p>Enter your height.</p><input type="number"></div></body>""").body();

        BoilerplateCleaner.clean(body);

        assertThat(body.text()).isEqualTo("A short post of one line. Enter your height.");
    }
}
