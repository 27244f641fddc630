package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Page builders (Elementor, SiteOrigin, Divi …) write a whole story as a column of "widgets": a heading widget, a
 * text widget per paragraph or two, an image widget. Inside the story's own container ({@code <article>},
 * {@code <main>}, or a block whose class names the story's text: {@code entry-content}, {@code post-body}, for themes
 * that write neither element) a class that says "widget" names one of those building blocks, not a sidebar's box; sidebars
 * are named as such (a hard word) and stay boilerplate. Only the word "widget" is read this way: a block inside
 * the article named "author", "meta" or "tags" is still furniture.
 */
final class PageBuilderBlocks {

    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Set<String> POST_DOCUMENTS = Set.of("wp-post", "wp-page", "single-post", "single-page", "single");
    private static final Set<String> WIDGET_WORDS = Set.of("widget", "widgets");
    private static final Pattern PARTS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    /** Enough levels for a builder's section / column / widget nesting inside the article. */
    private static final int MAX_DEPTH = 40;

    private PageBuilderBlocks() {
    }

    /**
     * True when the only soft word of {@code e}'s class and id is "widget" and it sits inside an
     * {@code <article>}, a {@code <main>} or a block named as the story's text
     * ({@link BoilerplateCleaner#namesStoryText}): a sidebar never sits inside the story's text.
     */
    static boolean isBuildingBlock(Element e) {
        if (!namesOnlyAWidget(e)) {
            return false;
        }
        int depth = 0;
        for (Element p = e.parent(); p != null && depth < MAX_DEPTH; p = p.parent(), depth++) {
            if (p.nameIs("article") || p.nameIs("main") || BoilerplateCleaner.namesStoryText(p.className())
                    || isPostDocument(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The builder's document that holds the post itself, as the builder marks it: Elementor writes the post's
     * content as {@code data-elementor-type="wp-post"} ({@code wp-page}, {@code single-post} …), and the site's
     * header, footer, popups and shared sections as documents of other types.
     */
    private static boolean isPostDocument(Element e) {
        return POST_DOCUMENTS.contains(e.attr("data-elementor-type"));
    }

    /**
     * A builder's heading widget, anywhere on the page: a block whose only soft word is "widget" and whose whole
     * text is that of the headings inside it (one {@code <h2>} wrapped in the widget's containers). The story's
     * section headings are written so when the builder's sections sit outside {@code <article>}/{@code <main>};
     * a heading scores nothing, so keeping one never lets a block outscore the story (as keeping the builder's
     * text widgets there did: a testimonial column won).
     */
    static boolean isHeadingBlock(Element e, ElementMeasures m) {
        if (HEADINGS.matches(e, e) || !namesOnlyAWidget(e)) {
            return false;
        }
        int chars = m.textLength(e);
        return chars > 0 && m.textLengthOf(e, HEADINGS) == chars;
    }

    private static boolean namesOnlyAWidget(Element e) {
        boolean widget = false;
        String names = CAMEL.matcher(e.className() + " " + e.id()).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
        for (String part : PARTS.split(names)) {
            if (BoilerplateCleaner.isSoftWord(part)) {
                return false;
            }
            widget |= WIDGET_WORDS.contains(part);
        }
        return widget;
    }
}
