package newsflow.enrich.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the lab needs to train and tune the block model ({@link BlockModel}) on labelled pages: each candidate block
 * of a page, as the extractor sees it at the point where the model is consulted (metadata read, boilerplate
 * cleaned, blocks scored, the rules' reconsiderations applied), with its features and its own text; and a way to
 * run the whole extraction with any one of them chosen ({@link #choosing}), to score the article it would give.
 * Not used by the service.
 */
public final class BlockTraining {

    /**
     * @param features the block's features ({@link BlockModel#featureNames()} order)
     * @param text     the block's own text
     * @param winner   whether the rules chose it
     */
    public record Block(double[] features, String text, boolean winner) {
    }

    private BlockTraining() {
    }

    /**
     * Runs {@code extraction} (any extraction of a page through this extractor, on this thread) with the rules'
     * choice replaced by candidate {@code index} of {@link #blocks}{@code (…, k)} of the page, so that the article
     * each candidate would give can be scored as the evaluation scores the extractor's.
     */
    public static <T> T choosing(int index, int k, Supplier<T> extraction) {
        return BlockRanker.forcing(index, k, extraction);
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
            out.add(new Block(c.features(), m.text(c.block()), c.block() == scored.top()));
        }
        return out;
    }
}
