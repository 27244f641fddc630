package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlockFeaturesTest {

    private static final String PAGE = """
            <html><body>
            <ul class="site-nav"><li><a href="/a">World news today</a></li><li><a href="/b">Sport and more sport</a></li>
              <li><a href="/c">Weather for the weekend</a></li></ul>
            <div id="story" class="post-content">
              <h1>Storm closes the bridge</h1>
              <p>The river bridge was closed on Sunday, after a storm brought down two of its lamp posts, police said.</p>
              <p>Engineers will inspect the bridge on Monday, and it may reopen in the afternoon, the council said.</p>
            </div>
            </body></html>""";

    private static double feature(double[] f, String name) {
        return f[BlockFeatures.NAMES.indexOf(name)];
    }

    @Test
    void describesAStoryBlockAndALinkList() {
        Element body = Jsoup.parse(PAGE, "https://news.example/").body();
        ElementMeasures m = ElementMeasures.of(body, ExtractionBudget.unlimited(), "test");
        Element story = body.getElementById("story");
        Element nav = body.selectFirst("ul");
        BlockFeatures.Page page = new BlockFeatures.Page(m, m.textLength(body), story, 40,
                DoubtfulWinner.words("Police closed the river bridge on Sunday after a storm; engineers inspect it Monday"));

        double[] s = BlockFeatures.of(story, 40, 0, 10, page);
        assertThat(s).hasSize(BlockFeatures.NAMES.size());
        assertThat(feature(s, "link_density")).isZero();
        assertThat(feature(s, "is_winner")).isEqualTo(1);
        assertThat(feature(s, "score_ratio")).isEqualTo(1);
        assertThat(feature(s, "log_p_count")).isCloseTo(Math.log1p(2), within(1e-9));
        assertThat(feature(s, "p_share")).isGreaterThan(0.8).isLessThan(1);
        assertThat(feature(s, "has_h1")).isEqualTo(1);
        assertThat(feature(s, "w_article")).isEqualTo(1);
        assertThat(feature(s, "w_nav")).isZero();
        assertThat(feature(s, "tag_div")).isEqualTo(1);
        assertThat(feature(s, "has_description")).isEqualTo(1);
        assertThat(feature(s, "desc_overlap")).isGreaterThan(0.7);
        assertThat(feature(s, "start")).isGreaterThan(0.2);
        assertThat(feature(s, "end")).isGreaterThan(0.99);
        assertThat(feature(s, "page_share")).isGreaterThan(0.6).isLessThan(1);

        double[] n = BlockFeatures.of(nav, -3, 5, 10, page);
        assertThat(feature(n, "link_density")).isGreaterThan(0.9);
        assertThat(feature(n, "li_share")).isGreaterThan(0.9);
        assertThat(feature(n, "w_nav")).isEqualTo(1);
        assertThat(feature(n, "tag_list")).isEqualTo(1);
        assertThat(feature(n, "is_winner")).isZero();
        assertThat(feature(n, "rank")).isEqualTo(0.5);
        assertThat(feature(n, "score_ratio")).isCloseTo(-3 / 40.0, within(1e-9));
        assertThat(feature(n, "start")).isLessThan(0.05);
        assertThat(feature(n, "desc_overlap")).isZero();
    }

    @Test
    void aPageWithoutADescriptionHasNoOverlap() {
        Element body = Jsoup.parse(PAGE, "https://news.example/").body();
        ElementMeasures m = ElementMeasures.of(body, ExtractionBudget.unlimited(), "test");
        Element story = body.getElementById("story");
        BlockFeatures.Page page = new BlockFeatures.Page(m, m.textLength(body), story, 40, Set.of("storm", "bridge"));
        double[] s = BlockFeatures.of(story, 40, 0, 10, page);
        assertThat(feature(s, "has_description")).isZero();
        assertThat(feature(s, "desc_overlap")).isZero();
    }

    @Test
    void candidatesAreTheBestScoredBlocksAndAlwaysTheWinner() {
        Element body = Jsoup.parse(PAGE, "https://news.example/").body();
        ElementMeasures m = ElementMeasures.of(body, ExtractionBudget.unlimited(), "test");
        ContentScorer.Selection scored = ContentScorer.select(body, m);
        List<BlockRanker.Candidate> one = BlockRanker.candidates(scored, body, null, m, 1);
        assertThat(one).extracting(BlockRanker.Candidate::block).contains(scored.top());
        assertThat(one.size()).isLessThanOrEqualTo(2);
        for (BlockRanker.Candidate c : BlockRanker.candidates(scored, body, null, m, 20)) {
            assertThat(c.features()).hasSize(BlockFeatures.NAMES.size());
            assertThat(c.block() == scored.top() || m.textLength(c.block()) >= BlockRanker.MIN_CANDIDATE_CHARS).isTrue();
        }
    }
}
