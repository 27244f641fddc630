package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * What the lab needs to train and tune the block model ({@link BlockModel}) on labelled pages: each candidate block
 * of a page, as the extractor sees it at the point where the model is consulted (metadata read, boilerplate
 * cleaned, blocks scored, the doubtful-winner rule applied), with its features, its own text, and the text the
 * extractor's selection would hold if it were chosen. Not used by the service.
 */
public final class BlockTraining {

    /**
     * @param features     the block's features ({@link BlockModel#featureNames()} order)
     * @param text         the block's own text
     * @param selectedText the text of the selection the extractor makes when this block is chosen (the rules'
     *                     selection for the winner)
     * @param winner       whether the rules chose it
     */
    public record Block(double[] features, String text, String selectedText, boolean winner) {
    }

    private BlockTraining() {
    }

    /** The candidate blocks of a page: the {@code k} best-scored and the rules' winner; empty when none scored. */
    public static List<Block> blocks(String html, String baseUrl, int k) {
        Document doc = Jsoup.parse(html == null ? "" : html, baseUrl == null ? "" : baseUrl);
        ExtractionBudget budget = ExtractionBudget.unlimited();
        Metadata meta = MetadataExtractor.extract(doc, baseUrl).metadata();
        Element work = doc.body() == null ? new Element("body") : doc.body();
        BoilerplateCleaner.clean(work, budget, meta.title(), meta.siteName());
        ElementMeasures m = ElementMeasures.of(work, budget, "content selection");
        ContentScorer.Selection scored = ArticleExtractor.rulesChoice(work, m, meta.description(), meta.title());
        if (scored.top() == null) {
            return List.of();
        }
        List<Block> out = new ArrayList<>();
        for (BlockRanker.Candidate c : BlockRanker.candidates(scored, work, meta.description(), m, k)) {
            boolean winner = c.block() == scored.top();
            ContentScorer.Selection selection = winner ? scored
                    : ContentScorer.selectAt(c.block(), scored.top(), scored.scores(), m);
            StringBuilder selected = new StringBuilder();
            for (Element e : selection.elements()) {
                selected.append(m.text(e)).append('\n');
            }
            out.add(new Block(c.features(), m.text(c.block()), selected.toString(), winner));
        }
        return out;
    }
}
