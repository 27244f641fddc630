package newsflow.enrich.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Second opinion on the scorer's winner. Scores reward comma-rich, long, positively named blocks, so on a page with
 * one short article a sidebar of book titles or a list of teasers can outscore the article itself. The page says
 * what it is about in its description (usually the story's lead): a winner that shares few of its words is
 * doubtful, and a block elsewhere on the page (neither inside the winner nor holding it) that shares many of them
 * is chosen instead, with the scorer's own framing and sibling rules; when none is, a block holding the short winner
 * that has several times its text and matches the description is (the winner was a box inside the story, whose
 * paragraphs a page builder wrote one per block, each scoring alone). The title alone is not used: trackback
 * lines, "related" teasers and the site's header repeat it verbatim, so they would match it better than the story.
 */
final class DoubtfulWinner {

    /** Fewer distinct words than this in the description: too little to judge by. */
    static final int MIN_QUERY_WORDS = 6;
    /** The winner is doubtful when it holds less than this share of the title's and description's words. */
    static final double DOUBT_BELOW = 0.3;
    /** A replacement must hold at least this share, and twice the winner's. */
    static final double REPLACEMENT_AT_LEAST = 0.5;
    /** Only the best-scoring candidates are looked at: the article is never far down the ranking. */
    private static final int CANDIDATES = 30;
    /** Overlap is judged on the start of a block, where an article repeats its title and lead. */
    private static final int MAX_TEXT = 8_000;
    private static final int MIN_CANDIDATE_CHARS = 80;
    /** A block holding the winner replaces it only when it has this many times its text. */
    private static final int HOLDER_TIMES = 4;
    private static final int HOLDER_LEVELS = 12;
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    /** Words that say nothing about the subject (English only: other languages just give a longer query). */
    private static final Set<String> STOP = Set.of("this", "that", "with", "from", "have", "will", "your", "what",
            "when", "about", "their", "they", "more", "into", "than", "been", "were", "which", "there", "also",
            "after", "over", "here", "just", "like", "some", "them", "these", "those", "where", "while", "would",
            "could", "should", "only", "other", "most", "very", "news", "home", "page", "blog", "read");

    private DoubtfulWinner() {
    }

    /**
     * The scorer's selection, or a better one when the winner is doubtful and a block that matches the page's
     * description exists.
     *
     * @param query the page's description (null or short: nothing to judge by, the selection stays)
     */
    static ContentScorer.Selection reconsider(ContentScorer.Selection scored, String query, ElementMeasures m) {
        if (scored.top() == null || query == null) {
            return scored;
        }
        Set<String> wanted = words(query);
        if (wanted.size() < MIN_QUERY_WORDS) {
            return scored;
        }
        StringBuilder chosen = new StringBuilder();
        for (Element e : scored.elements()) {
            if (chosen.length() < MAX_TEXT) {
                chosen.append(m.text(e)).append(' ');
            }
        }
        double winnerOverlap = overlap(wanted, chosen.toString());
        if (winnerOverlap >= DOUBT_BELOW) {
            return scored;
        }
        Element best = null;
        double bestOverlap = Math.max(REPLACEMENT_AT_LEAST, 2 * winnerOverlap);
        for (Element candidate : leaders(scored.scores())) {
            m.budget().tick("content selection");
            if (candidate == scored.top() || ContentScorer.isInside(candidate, scored.top())
                    || ContentScorer.isInside(scored.top(), candidate) || m.textLength(candidate) < MIN_CANDIDATE_CHARS) {
                continue;
            }
            double o = overlap(wanted, m.text(candidate));
            // ranked best-first: a later candidate must match clearly better to win
            if (o > bestOverlap + (best == null ? 0 : 0.1)) {
                best = candidate;
                bestOverlap = o;
            }
        }
        if (best != null) {
            return ContentScorer.selectAt(best, scored.top(), scored.scores(), m);
        }
        Element holder = storyAround(scored, wanted, winnerOverlap, m);
        return holder == null ? scored : ContentScorer.selectAt(holder, null, scored.scores(), m);
    }

    /**
     * A short doubtful winner inside the story (a testimonial, an accordion, a box in a builder's column, each of the
     * story's paragraphs a block of its own that scores alone): the closest scored block holding it, link-poor, at
     * least {@value #HOLDER_TIMES} times its text, that matches the description as a replacement must.
     */
    private static Element storyAround(ContentScorer.Selection scored, Set<String> wanted, double winnerOverlap,
                                       ElementMeasures m) {
        int winnerChars = scored.textLength();
        int level = 0;
        for (Element p = scored.top().parent(); p != null && !p.nameIs("body") && level < HOLDER_LEVELS;
             p = p.parent(), level++) {
            m.budget().tick("content selection");
            Double score = scored.scores().get(p);
            if (score == null || score <= 0 || m.textLength(p) < HOLDER_TIMES * winnerChars || m.linkDensity(p) >= 0.3) {
                continue;
            }
            double o = overlap(wanted, m.text(p));
            if (o >= Math.max(REPLACEMENT_AT_LEAST, 2 * winnerOverlap)) {
                return p;
            }
        }
        return null;
    }

    /** The best-scoring containers, best first. */
    private static List<Element> leaders(Map<Element, Double> scores) {
        List<Map.Entry<Element, Double>> entries = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getValue() > 0) {
                entries.add(e);
            }
        }
        entries.sort(Map.Entry.<Element, Double>comparingByValue().reversed());
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < entries.size() && i < CANDIDATES; i++) {
            out.add(entries.get(i).getKey());
        }
        return out;
    }

    /** Share of {@code wanted} found among the words of the start of {@code text}. */
    static double overlap(Set<String> wanted, String text) {
        Set<String> have = words(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        int found = 0;
        for (String w : wanted) {
            if (have.contains(w)) {
                found++;
            }
        }
        return (double) found / wanted.size();
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (!STOP.contains(matcher.group())) {
                out.add(matcher.group());
            }
        }
        return out;
    }
}
