package newsflow.enrich.robots;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsRulesTest {

    private static final String UA = "newsflow/0.1 (+https://github.com/newsflow)";

    private static final String ROBOTS = """
            # a newspaper's robots.txt
            User-agent: *
            Disallow: /search
            Disallow: /*?share=
            Allow: /search/about$

            User-agent: NewsFlow
            User-agent: other-bot
            Disallow: /members/
            Allow: /members/free-
            Disallow: /*.pdf$

            Sitemap: https://paper.example/sitemap.xml
            """;

    @Test
    void theGroupNamingOurProductTokenWinsOverTheWildcard() {
        RobotsRules rules = RobotsRules.parse(ROBOTS, UA);
        assertThat(rules.allows("/search?q=ferry")).isTrue();        // only the * group forbids it
        assertThat(rules.allows("/members/dinner-menu")).isFalse();
        assertThat(rules.allows("/members/free-tour")).isTrue();     // the longer Allow wins
        assertThat(rules.allows("/report.pdf")).isFalse();
        assertThat(rules.allows("/report.pdf?download=1")).isTrue(); // $ anchors the end
    }

    @Test
    void withoutOurGroupTheWildcardApplies() {
        RobotsRules rules = RobotsRules.parse(ROBOTS, "otherfetcher/2.0");
        assertThat(rules.allows("/search?q=ferry")).isFalse();
        assertThat(rules.allows("/search/about")).isTrue();
        assertThat(rules.allows("/news/story?share=twitter")).isFalse();
        assertThat(rules.allows("/news/story")).isTrue();
    }

    @Test
    void emptyOrMissingRulesAllowEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", UA).allows("/anything")).isTrue();
        assertThat(RobotsRules.parse("", UA).allows("/anything")).isTrue();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n", UA).allows("/anything")).isFalse();
    }
}
