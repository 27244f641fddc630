package newsflow.enrich.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The learned block model's say in choosing the article block: the rules' best-scored blocks (and their winner) are
 * judged by {@link BlockModel}, and its policy may choose another one, which is then framed by the scorer's own
 * rules ({@link ContentScorer#selectAt}, the rejected winner not taken back as a sibling). Off unless the system
 * property {@value #PROPERTY} is {@code on} (see docs/article-pages.md for why it is off by default); {@code off}
 * turns it off. Work per page: the features of at most {@code candidates + 1} blocks, each a few table look-ups.
 */
final class BlockRanker {

    static final String PROPERTY = "newsflow.extract.blockModel";
    /** Whether the model is used when the property is not set: measured in docs/measurements.md. */
    static final boolean DEFAULT_ON = false;
    /** Blocks shorter than this are not candidates (the rules' winner always is). */
    static final int MIN_CANDIDATE_CHARS = 80;

    /**
     * For training only ({@link BlockTraining#choosing}): the index of the candidate this thread's extractions
     * take, whatever the model says, so that the lab can score the article each candidate would give. Unset in the
     * service.
     */
    private static final ThreadLocal<Forced> FORCED = new ThreadLocal<>();

    /** Candidate {@code index} of the {@code candidates} best-scored blocks (and the winner). */
    private record Forced(int index, int candidates) {
    }

    /** One judged block: its final rule score and its features. */
    record Candidate(Element block, double score, double[] features) {
    }

    private BlockRanker() {
    }

    static boolean enabled() {
        String v = System.getProperty(PROPERTY);
        return v == null ? DEFAULT_ON : v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true");
    }

    /** The selection, changed when the model is on and its policy prefers another block. */
    static ContentScorer.Selection reconsider(ContentScorer.Selection scored, Element root, String description,
                                              ElementMeasures m) {
        Forced forced = FORCED.get();
        if (scored.top() == null || forced == null && !enabled()) {
            return scored;
        }
        if (forced != null) {
            List<Candidate> candidates = candidates(scored, root, description, m, forced.candidates());
            Element chosen = forced.index() < candidates.size() ? candidates.get(forced.index()).block() : scored.top();
            return chosen == scored.top() ? scored : ContentScorer.selectAt(chosen, scored.top(), scored.scores(), m);
        }
        return reconsider(scored, root, description, m, BlockModel.shipped());
    }

    /**
     * Runs {@code extraction} with candidate {@code index} of {@link #candidates}{@code (…, k)} chosen on every page
     * it extracts (this thread only).
     */
    static <T> T forcing(int index, int k, Supplier<T> extraction) {
        Forced before = FORCED.get();
        FORCED.set(new Forced(index, k));
        try {
            return extraction.get();
        } finally {
            if (before == null) {
                FORCED.remove();
            } else {
                FORCED.set(before);
            }
        }
    }

    static ContentScorer.Selection reconsider(ContentScorer.Selection scored, Element root, String description,
                                              ElementMeasures m, BlockModel model) {
        if (scored.top() == null) {
            return scored;
        }
        List<Candidate> candidates = candidates(scored, root, description, m, model.candidates());
        Element chosen = choose(model, candidates, scored.top(), m);
        return chosen == scored.top() ? scored : ContentScorer.selectAt(chosen, scored.top(), scored.scores(), m);
    }

    /** The block the model's policy picks; the rules' winner when nothing passes its threshold. */
    static Element choose(BlockModel model, List<Candidate> candidates, Element winner, ElementMeasures m) {
        List<double[]> features = new ArrayList<>(candidates.size());
        int[] chars = new int[candidates.size()];
        int winnerIndex = -1;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            features.add(c.features());
            chars[i] = m.textLength(c.block());
            winnerIndex = c.block() == winner ? i : winnerIndex;
        }
        int chosen = model.choose(features, chars, winnerIndex);
        return chosen < 0 ? winner : candidates.get(chosen).block();
    }

    /** The {@code k} best-scored blocks of at least {@value #MIN_CANDIDATE_CHARS} characters, and the winner. */
    static List<Candidate> candidates(ContentScorer.Selection scored, Element root, String description,
                                      ElementMeasures m, int k) {
        // best score first, equal scores in document order: the scores are a map keyed by element identity, whose
        // order changes from one parse to the next, and a candidate must be the same block every time the same
        // page is judged (the lab forces candidates by their index, BlockTraining#choosing)
        Map<Element, Double> scores = scored.scores();
        Element tree = root;
        while (tree.parent() != null) {
            // the scorer scores ancestors too, which may lie above the root it was given
            tree = tree.parent();
        }
        List<Element> ranked = new ArrayList<>();
        for (Element e : tree.getAllElements()) {
            Double score = scores.get(e);
            if (score != null && score > 0) {
                ranked.add(e);
            }
        }
        ranked.sort(Comparator.comparingDouble((Element e) -> scores.get(e)).reversed());
        BlockFeatures.Page page = new BlockFeatures.Page(m, m.textLength(root), scored.top(), scored.topScore(),
                description == null ? Set.of() : DoubtfulWinner.words(description));
        List<Candidate> out = new ArrayList<>();
        boolean winnerIn = false;
        int rank = 0;
        for (Element block : ranked) {
            if (out.size() >= k) {
                break;
            }
            if (block != scored.top() && m.textLength(block) < MIN_CANDIDATE_CHARS) {
                continue;
            }
            winnerIn |= block == scored.top();
            out.add(new Candidate(block, scores.get(block), BlockFeatures.of(block, scores.get(block), rank++, k, page)));
        }
        if (!winnerIn) {
            // the winner after framing (an ancestor of rivals, a wrapper) may score lower than the blocks it holds
            double score = scored.scores().getOrDefault(scored.top(), scored.topScore());
            out.add(new Candidate(scored.top(), score, BlockFeatures.of(scored.top(), score, k, k, page)));
        }
        return out;
    }
}
