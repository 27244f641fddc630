package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The features of one candidate block that the learned block model ({@link BlockModel}) reads: size and share of
 * the page, link density, where the rules ranked it and how it sits relative to the rules' winner, position on the
 * page, depth, what its text is made of (paragraphs, list items, headings, sentence marks, commas), its tag and the
 * words of its class and id, whether an {@code <article>} holds it, and how much of the page's description it
 * repeats. Every value is a table look-up in {@link ElementMeasures} except the description overlap, which reads at
 * most the start of the block; so a page costs the same few passes whatever the number of candidates.
 *
 * <p>The order of {@link #NAMES} is the order of the model's weights: the model file names its features and is
 * refused when they differ.
 */
final class BlockFeatures {

    static final List<String> NAMES = List.of(
            "log_chars", "page_share", "link_density", "score_ratio", "rank", "is_winner", "holds_winner",
            "inside_winner", "start", "end", "log_depth", "p_share", "log_p_count", "li_share", "log_headings",
            "has_h1", "sentence_marks", "commas", "log_mean_p_chars", "class_weight", "w_comment", "w_related",
            "w_side", "w_foot", "w_nav", "w_article", "tag_article", "tag_main", "tag_section", "tag_div",
            "tag_table", "tag_list", "in_article", "desc_overlap", "has_description", "log_images", "log_forms",
            "log_children");

    private static final Evaluator P = QueryParser.parse("p");
    private static final Evaluator LI = QueryParser.parse("li");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator IMAGES = QueryParser.parse("img");
    private static final Evaluator FORMS = QueryParser.parse("form, input, button, select, textarea");
    private static final Pattern COMMENT = Pattern.compile("comment|disqus|respond|reply|discussion");
    private static final Pattern RELATED = Pattern.compile("related|recommend|popular|trending|teaser|card|promo|rail|more-");
    private static final Pattern SIDE = Pattern.compile("sidebar|aside|widget");
    private static final Pattern FOOT = Pattern.compile("foot|copyright|bottom");
    private static final Pattern NAV = Pattern.compile("nav|menu|breadcrumb|header|masthead");
    private static final Pattern ARTICLE = Pattern.compile("article|story|post|entry|content|body|text|prose");
    private static final Set<String> TABLE = Set.of("table", "tbody", "tr", "td");
    private static final Set<String> LIST = Set.of("ul", "ol", "li", "dl");
    /** The description overlap is judged on the start of a block, as {@link DoubtfulWinner} does. */
    private static final int OVERLAP_CHARS = 8_000;

    /** What the features of every candidate of one page are judged against. */
    record Page(ElementMeasures measures, int pageChars, Element winner, double winnerScore,
                Set<String> descriptionWords) {
    }

    private BlockFeatures() {
    }

    /** The features of {@code e}, ranked {@code rank} (0 = best) of {@code candidates} by the rules' score. */
    static double[] of(Element e, double score, int rank, int candidates, Page page) {
        ElementMeasures m = page.measures();
        m.budget().tick("block model");
        double chars = m.textLength(e);
        double perChar = Math.max(1, chars);
        double pChars = m.textLengthOf(e, P);
        int pCount = m.count(e, P);
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        String tag = e.normalName();
        double[] span = m.span(e);
        boolean hasDescription = page.descriptionWords().size() >= DoubtfulWinner.MIN_QUERY_WORDS;
        double[] f = new double[NAMES.size()];
        int i = 0;
        f[i++] = Math.log1p(chars);
        f[i++] = chars / Math.max(1, page.pageChars());
        f[i++] = m.linkDensity(e);
        f[i++] = page.winnerScore() > 0 ? clamp(score / page.winnerScore(), -1, 2) : 0;
        f[i++] = (double) rank / Math.max(1, candidates);
        f[i++] = e == page.winner() ? 1 : 0;
        f[i++] = page.winner() != null && ContentScorer.isInside(page.winner(), e) ? 1 : 0;
        f[i++] = page.winner() != null && ContentScorer.isInside(e, page.winner()) ? 1 : 0;
        f[i++] = span[0];
        f[i++] = span[1];
        f[i++] = Math.log1p(depth(e));
        f[i++] = pChars / perChar;
        f[i++] = Math.log1p(pCount);
        f[i++] = m.textLengthOf(e, LI) / perChar;
        f[i++] = Math.log1p(m.count(e, HEADINGS));
        f[i++] = m.contains(e, H1) ? 1 : 0;
        f[i++] = Math.min(10, 100.0 * m.countChars(e, ".!?") / perChar);
        f[i++] = Math.min(10, 100.0 * m.countChars(e, ",") / perChar);
        f[i++] = Math.log1p(pChars / Math.max(1, pCount));
        f[i++] = ContentScorer.classWeight(e) / 25;
        f[i++] = COMMENT.matcher(names).find() ? 1 : 0;
        f[i++] = RELATED.matcher(names).find() ? 1 : 0;
        f[i++] = SIDE.matcher(names).find() ? 1 : 0;
        f[i++] = FOOT.matcher(names).find() ? 1 : 0;
        f[i++] = NAV.matcher(names).find() ? 1 : 0;
        f[i++] = ARTICLE.matcher(names).find() ? 1 : 0;
        f[i++] = tag.equals("article") ? 1 : 0;
        f[i++] = tag.equals("main") ? 1 : 0;
        f[i++] = tag.equals("section") ? 1 : 0;
        f[i++] = tag.equals("div") ? 1 : 0;
        f[i++] = TABLE.contains(tag) ? 1 : 0;
        f[i++] = LIST.contains(tag) ? 1 : 0;
        f[i++] = inArticle(e) ? 1 : 0;
        f[i++] = hasDescription
                ? DoubtfulWinner.overlap(page.descriptionWords(), m.textPrefix(e, OVERLAP_CHARS)) : 0;
        f[i++] = hasDescription ? 1 : 0;
        f[i++] = Math.log1p(m.count(e, IMAGES));
        f[i++] = Math.log1p(m.count(e, FORMS));
        f[i++] = Math.log1p(e.childrenSize());
        assert i == f.length;
        return f;
    }

    private static int depth(Element e) {
        int d = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) {
            d++;
        }
        return d;
    }

    /** An {@code <article>} or a declared article body holds the block (or is it). */
    private static boolean inArticle(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.nameIs("article") || p.attr("itemprop").equalsIgnoreCase("articleBody")) {
                return true;
            }
        }
        return false;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
