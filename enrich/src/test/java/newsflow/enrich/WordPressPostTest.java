package newsflow.enrich;

import newsflow.common.model.Article;
import newsflow.common.model.ArticleField;
import newsflow.common.model.Extraction;
import newsflow.common.model.Provenance;
import newsflow.common.model.TopicScore;
import newsflow.common.url.ArticleIds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key fixture: a WordPress political news post with every piece of theme furniture around the text — menu,
 * post meta with "Uncategorized", share buttons, Jetpack related posts, post navigation, a comment and the
 * "Leave a Reply" form, sidebar widgets, footer and cookie banner.
 */
class WordPressPostTest {

    static final String URL = "https://millbrook-courier.example/2025/02/18/senate-committee-advances-rural-broadband-bill/";
    static final Map<String, List<String>> RULES = Map.of(
            "politics", List.of("senate", "senator", "legislation", "governor", "lawmakers", "amendment"),
            "technology", List.of("broadband", "fibre"),
            "sports", List.of("football", "league", "championship"));

    static String html;
    static Article article;

    @BeforeAll
    static void extract() {
        html = Fixtures.html("wordpress-politics.html");
        article = Extract.article(html, URL, RULES);
    }

    @Test
    void everyBodyParagraphIsExtractedInOrderAndNothingElse() {
        List<String> expected = Jsoup.parse(html).select("div.entry-content > p").eachText();
        assertThat(expected).hasSize(6);

        assertThat(article.body().split("\n\n")).containsExactlyElementsOf(expected);
        assertThat(article.wordCount()).isBetween(220, 260);
    }

    @ParameterizedTest(name = "body lacks \"{0}\"")
    @ValueSource(strings = {
            // comment form and comments
            "Leave a Reply", "Your email address will not be published", "Required fields are marked",
            "Save my name, email, and website", "Post Comment", "Cancel reply", "Comment", "Website",
            "One thought on", "Harold Benning", "My farm sits two miles", "Leave a Comment",
            // post meta and taxonomy
            "Uncategorized", "Posted on", "Posted in", "Eleanor Whitfield", "February 18, 2025",
            // theme header and navigation menu
            "Skip to content", "Millbrook Courier", "Statehouse news for the valley", "Primary Menu", "Front Page",
            "Statehouse Watch", "Ballot Box Desk", "Letters to the Editor", "Send Us a Tip",
            // share buttons and related posts
            "Share this", "Facebook", "Share on X", "Email a friend", "Related", "Water district merger",
            "Packed hall greets school levy hearing",
            // post navigation
            "Post navigation", "Previous:", "County clerk orders recount", "Bridge toll freeze",
            // sidebar widgets
            "Search for", "Recent Posts", "Recent Comments", "Archives", "Categories", "February 2025",
            "Log in", "Entries feed", "WordPress.org", "Library trustees",
            // footer and cookie banner
            "Proudly powered by WordPress", "Theme:", "Valley Web Works", "We use cookies", "consent",
            "Cookie Settings", "Accept All"})
    void bodyHasNoPageFurniture(String furniture) {
        assertThat(article.body()).doesNotContain(furniture);
    }

    @Test
    void metadataComesFromThePostMarkup() {
        assertThat(article.title()).isEqualTo("Senate Committee Advances Rural Broadband Bill After Heated Debate");
        assertThat(article.authors()).containsExactly("Eleanor Whitfield");
        assertThat(article.published()).isEqualTo(Instant.parse("2025-02-18T16:05:00Z"));
        assertThat(article.modified()).isEqualTo(Instant.parse("2025-02-19T09:12:30Z"));
        assertThat(article.canonicalUrl()).isEqualTo(URL);
        assertThat(article.extraction().fieldSources().byField())
                .containsEntry(ArticleField.TITLE, Provenance.HTML)
                .containsEntry(ArticleField.PUBLISHED, Provenance.HTML)
                .containsEntry(ArticleField.BODY, Provenance.HTML);
    }

    @Test
    void languageIsDetectedAsEnglish() {
        assertThat(article.language()).isEqualTo("en");
    }

    @Test
    void taggedPoliticsFromTheRules() {
        assertThat(article.topics()).extracting(TopicScore::name).containsExactly("politics", "technology");
        TopicScore politics = article.topics().getFirst();
        assertThat(politics.source()).isEqualTo("rule");
        assertThat(politics.score()).isGreaterThan(0.5).isLessThan(1.0);
    }

    @Test
    void extractedFromThePageWithTheUrlsId() {
        assertThat(article.id()).isEqualTo(ArticleIds.forUrl(URL));
        assertThat(article.extraction().method()).isEqualTo(Extraction.Method.PAGE);
        assertThat(article.extraction().fallbackReason()).isNull();
        assertThat(article.extraction().httpStatus()).isEqualTo(200);
    }

    /** The theme variant where the post's heading sits outside {@code <article>}: its category class must not sink it. */
    @Test
    void postIsKeptWhenItsHeadingIsOutsideTheArticleElement() {
        var doc = Jsoup.parse(html, URL);
        Element header = doc.selectFirst("article header.entry-header");
        doc.selectFirst("article").before(header.outerHtml());
        header.remove();
        // a short post: too little prose for the cleaner's prose rescue
        doc.select("div.entry-content > p").subList(2, 6).forEach(Element::remove);
        doc.selectFirst("article").addClass("category-social-media").addClass("tag-share");

        Article shortPost = Extract.article(doc.outerHtml(), URL);

        assertThat(shortPost.body().split("\n\n"))
                .containsExactlyElementsOf(doc.select("div.entry-content > p").eachText());
    }
}
