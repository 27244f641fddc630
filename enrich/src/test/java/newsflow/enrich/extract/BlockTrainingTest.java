package newsflow.enrich.extract;

import newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BlockTrainingTest {

    private static final String URL = "https://coast.example/ferry";

    @Test
    void choosingACandidateRunsTheWholeExtractionWithItAndOnlyForThatCall() {
        String html = Fixtures.html("model/story-teasers-footer.html");
        List<BlockTraining.Block> blocks = BlockTraining.blocks(html, URL, 20);
        assertThat(blocks).hasSizeGreaterThan(1);
        assertThat(blocks.stream().filter(BlockTraining.Block::winner)).hasSize(1);
        int winner = -1;
        for (int i = 0; i < blocks.size(); i++) {
            winner = blocks.get(i).winner() ? i : winner;
        }
        String rules = ArticleExtractor.extract(html, URL).body();

        int w = winner;
        assertThat(BlockTraining.choosing(w, 20, () -> ArticleExtractor.extract(html, URL).body()))
                .as("the rules' own candidate gives the rules' article").isEqualTo(rules);
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            int index = i;
            bodies.add(BlockTraining.choosing(index, 20, () -> ArticleExtractor.extract(html, URL).body()));
        }
        assertThat(bodies).as("other candidates give other articles").hasSizeGreaterThan(1);
        assertThat(ArticleExtractor.extract(html, URL).body()).as("no choice left behind on the thread")
                .isEqualTo(rules);
    }

    @Test
    void aNestedChoiceIsUndoneToTheOuterOne() {
        String html = Fixtures.html("model/story-teasers-footer.html");
        List<BlockTraining.Block> blocks = BlockTraining.blocks(html, URL, 20);
        int other = blocks.get(0).winner() ? 1 : 0;
        String outer = BlockTraining.choosing(other, 20, () -> ArticleExtractor.extract(html, URL).body());
        String afterInner = BlockTraining.choosing(other, 20, () -> {
            BlockTraining.choosing(blocks.size() - 1, 20, () -> ArticleExtractor.extract(html, URL).body());
            return ArticleExtractor.extract(html, URL).body();
        });
        assertThat(afterInner).isEqualTo(outer);
    }
}
