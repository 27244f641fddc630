package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentScorerTest {

    /** Two blocks built alike, whose paragraphs differ only in their first word: their scores are equal. */
    private static final String TIED = """
            <html><body>
            <section><div><p>Alpha river levels were measured again this morning, and the readings held steady.</p></div></section>
            <section><div><p>Bravo river levels were measured again this morning, and the readings held steady.</p></div></section>
            </body></html>""";

    @Test
    void equalScoresGoToTheFirstBlockInDocumentOrderOnEveryParse() {
        // the scores were kept in an identity map, whose order changes with every parse: a tie then went to either
        // block, so the same page could be extracted differently from one run (or instance) to the next
        for (int parse = 0; parse < 40; parse++) {
            Element body = Jsoup.parse(TIED).body();

            ContentScorer.Selection selection = ContentScorer.select(body);

            assertThat(selection.top().text()).as("parse %d", parse).startsWith("Alpha");
        }
    }
}
