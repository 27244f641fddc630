package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockRankerTest {

    @Test
    void blocksOfEqualScoreAreCandidatesInDocumentOrder() {
        StringBuilder html = new StringBuilder("<html><body><div id=story class=post-content>");
        html.append("<p>The harbour ferry between Eastpoint and the island will run twice a day from Monday, the council said, "
                + "after a summer of cancellations, complaints and long queues at both piers.</p>".repeat(4));
        html.append("</div><div class=teasers>");
        for (char c = 'A'; c <= 'H'; c++) {
            html.append("<div class=t><p>Teaser ").append(c)
                    .append(": the river market opens at dawn, with fish, bread, cheese and flowers for sale.</p></div>");
        }
        html.append("</div></body></html>");
        for (int run = 0; run < 5; run++) {
            Element body = Jsoup.parse(html.toString(), "https://coast.example/").body();
            ElementMeasures m = ElementMeasures.of(body, ExtractionBudget.unlimited(), "test");
            ContentScorer.Selection scored = ContentScorer.select(body, m);
            List<String> teasers = BlockRanker.candidates(scored, body, null, m, 20).stream()
                    .map(BlockRanker.Candidate::block)
                    .filter(e -> e.hasClass("t"))
                    .map(e -> e.text().substring(0, 8))
                    .toList();
            assertThat(teasers).as("equal scores, so document order, on every parse")
                    .containsExactly("Teaser A", "Teaser B", "Teaser C", "Teaser D", "Teaser E", "Teaser F",
                            "Teaser G", "Teaser H");
        }
    }
}
