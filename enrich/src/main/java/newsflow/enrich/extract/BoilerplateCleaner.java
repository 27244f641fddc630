package newsflow.enrich.extract;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what is never article text: non-content elements, page chrome ({@code nav}, {@code aside}, site
 * header/footer, forms) and blocks whose class or id names them as comments, sharing, related links, newsletter
 * boxes, cookie banners, sidebars, promos, breadcrumbs, tags, author boxes and the like.
 *
 * <p>Class/id matching works on the hyphen/underscore/camelCase parts of each class token, not on substrings,
 * so {@code share} removes {@code share-buttons} but {@code Shareholders} never matches a {@code shares}
 * rule by accident. An element is never removed when it holds the page's headline or declared article
 * body: wrappers like {@code <div class="site has-sidebar">} or an ASP.NET page-wide {@code <form>} contain
 * the article itself.
 */
final class BoilerplateCleaner {

    /** Dropped with their content, wherever they are. */
    private static final Set<String> NEVER_CONTENT = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button",
            "input", "select", "textarea", "dialog", "link", "meta", "figcaption", "map", "audio", "video");

    /** Page chrome by tag: dropped unless they wrap the article. */
    private static final Set<String> CHROME = Set.of("nav", "aside", "footer", "header", "form", "menu");

    /**
     * Always boilerplate when a class/id part names them. {@code nocontent} is the site's own marker, for search
     * engines' indexers, of a block that is not the page's content.
     */
    private static final Set<String> HARD_WORDS = Set.of(
            "comment", "comments", "commentlist", "commentbody", "disqus", "respond", "reply", "cookie", "cookies", "consent",
            "gdpr", "newsletter", "newsletters", "subscribe", "subscription", "signup", "outbrain", "taboola",
            "zergnet", "breadcrumb", "breadcrumbs", "related", "recommend", "recommended", "recommendations",
            "social", "share", "shares", "sharing", "sharedaddy", "sharethis", "addthis", "sidebar", "promo", "promos", "promotion", "advert", "advertisement", "ad", "ads", "adsense", "sponsor",
            "sponsored", "paywall", "popup", "modal", "banner", "trending", "popular", "mostread",
            "recirc", "outstream", "nocontent", "slideshow");

    /**
     * Always boilerplate when a class/id part starts with them, because plugins glue words together
     * ({@code jp-relatedposts}, {@code cookienotice}, {@code newsletterbox}). Only prefixes that no article wrapper
     * starts with: not {@code comment} ({@code commentary}) nor {@code share} ({@code shareholders}).
     */
    private static final List<String> HARD_PREFIXES = List.of("related", "cookie", "newsletter", "outbrain", "taboola");

    /** Boilerplate when named, unless the element carries real prose (long, link-poor paragraphs). */
    private static final Set<String> SOFT_WORDS = Set.of(
            "nav", "navbar", "navigation", "menu", "header", "footer", "masthead", "meta", "byline", "author", "autor",
            "authors", "bio", "tags", "tagcloud", "tagged", "date", "dateline", "timestamp", "caption", "credit",
            "credits", "hidden", "print", "skip", "toolbar", "tools", "pagination", "pager", "login", "signin",
            "search", "logo", "copyright", "readmore", "overlay", "rating", "alert", "notice", "disclaimer",
            "subnav", "topbar", "bottombar", "sr", "screen", "visually", "offscreen", "crumbs", "more", "next",
            "prev", "previous", "posted", "cat", "category", "categories", "also", "widget", "widgets");

    /**
     * A slideshow widget (a list of slides, each a photo's caption, that a script pages through): the captions are
     * comma-rich sentences, so twenty of them outscore the story they sit in, and they are most of the page's
     * prose. Never rescued as the article, however long, like a discussion.
     */
    private static final Set<String> SLIDESHOW_WORDS = Set.of("slideshow", "slideshows");

    /** First and second part of a class token that names the story's text: {@code entry-content}, {@code articleBody}. */
    private static final Set<String> STORY_PARTS = Set.of("entry", "post", "article", "story");
    private static final Set<String> TEXT_PARTS = Set.of("content", "body", "text");

    /** Reader discussion: never rescued as the article, however long. */
    private static final Set<String> DISCUSSION_WORDS = Set.of(
            "comment", "comments", "commentlist", "commentbody", "disqus", "respond", "reply", "replies", "discussion",
            "forum");

    private static final String EMBEDDED_POSTS =
            "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.reddit-embed-bq";

    private static final Set<String> INLINE = Set.of("a", "span", "em", "i", "b", "strong", "abbr", "cite", "q", "dfn");
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "dd", "blockquote", "td");
    private static final Pattern STANDFIRST_END = Pattern.compile("[.!?…\"”»]\\s*$");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> MATH_CLASSES = Set.of("mathjax", "mathjax_display", "mathjax_chtml", "katex",
            "katex-display", "mjx-chtml", "mathjax_svg");

    private static final Pattern PARTS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);
    private static final Evaluator ARTICLE_MARKERS = QueryParser.parse("main, [itemprop=articleBody], [role=main]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator ARTICLES = QueryParser.parse("article");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");
    private static final Evaluator LINKS = QueryParser.parse("a");
    private static final Evaluator EMBEDDED = QueryParser.parse(EMBEDDED_POSTS);
    private static final Evaluator STANDFIRST_BLOCKERS =
            QueryParser.parse("a, h1, h2, h3, h4, h5, h6, time, img, nav, ul, ol, form, button, input");
    private static final String PASS = "boilerplate cleaning";

    private BoilerplateCleaner() {
    }

    /** Cleans {@code root} in place. */
    static void clean(Element root) {
        clean(root, ExtractionBudget.unlimited(), null, null);
    }

    /**
     * Cleans {@code root} in place; {@code title} and {@code siteName} (either may be null) let a block that holds
     * the page's own headline survive a loose class name ({@link HeadlineHolders}).
     */
    static void clean(Element root, ExtractionBudget budget, String title, String siteName) {
        budget.check(PASS);
        removeComments(root);
        UnwrappedComments.remove(root, budget);
        ElementMeasures m = ElementMeasures.of(root, budget, PASS);
        PageText page = new PageText(proseChars(root, m), unlinkedChars(root, m),
                HeadlineHolders.find(root, title, siteName), StrayHeadlines.among(root.select(H1), m));
        List<Element> pending = new ArrayList<>(root.children());
        // Top-down so a removed block's descendants are never visited; a work list keeps deep pages off the stack.
        // An element is judged before anything inside it is removed, so the measures taken above hold for it.
        while (!pending.isEmpty()) {
            budget.tick(PASS);
            Element e = pending.removeLast();
            if (e.parent() == null) {
                continue;
            }
            if (isBoilerplate(e, page, m)) {
                e.remove();
            } else if (isSourceCode(e)) {
                removeNonContentIn(e);
            } else {
                pending.addAll(e.children());
            }
        }
    }

    /**
     * Source code: a highlighter names its tokens ({@code hljs-comment}, {@code token comment}, {@code c1}), and
     * a code comment is code, not a reader's comment: inside {@code pre} and {@code code} class names say nothing
     * about the page's layout, so only elements that are never content are removed there.
     */
    private static boolean isSourceCode(Element e) {
        return e.nameIs("pre") || e.nameIs("code");
    }

    private static void removeNonContentIn(Element code) {
        List<Element> never = new ArrayList<>();
        for (Element d : code.getAllElements()) {
            if (d != code && NEVER_CONTENT.contains(d.normalName())) {
                never.add(d);
            }
        }
        never.forEach(Element::remove);
    }

    static boolean isBoilerplate(Element e) {
        return isBoilerplate(e, PageText.UNKNOWN, ElementMeasures.of(e, ExtractionBudget.unlimited(), PASS));
    }

    /** How much text the whole page has: paragraph characters, and characters outside links. */
    record PageText(int prose, int unlinked, HeadlineHolders headline, StrayHeadlines strayHeadlines) {
        static final PageText UNKNOWN = new PageText(0, 0, HeadlineHolders.NONE, StrayHeadlines.NONE);
    }

    static boolean isBoilerplate(Element e, PageText page, ElementMeasures m) {
        String tag = e.normalName();
        if (tag.equals("html") || tag.equals("body") || tag.equals("main")) {
            return false;
        }
        if (NEVER_CONTENT.contains(tag) || isIconGlyph(e)) {
            return true;
        }
        if (isMath(e)) {
            return false;
        }
        boolean chromeTag = CHROME.contains(tag) && !isStandfirst(e, m);
        boolean chrome = chromeTag || isHidden(e) || isChromeRole(e) || FormBoxes.isFormBox(e, m);
        Verdict byName = chrome ? Verdict.NONE : classify(e);
        if (byName == Verdict.SOFT && (PageBuilderBlocks.isBuildingBlock(e) || PageBuilderBlocks.isHeadingBlock(e, m))) {
            byName = Verdict.NONE;
        }
        if (!chrome && (byName == Verdict.NONE || isWordsInASentence(e))) {
            return false;
        }
        if (wrapsArticle(e, page, m)) {
            return false;
        }
        if (byName == Verdict.SOFT && (isProse(e, m) || page.headline().heldBy(e, m))) {
            return false;
        }
        if (!chrome && isEmbeddedPost(e, m)) {
            return false;
        }
        // Page builders misuse chrome tags for the story itself (<header class="blog-post-content">): a header,
        // footer or aside that is visible, has no chrome role and holds most of the page's prose is the article.
        if (chromeTag && !isHidden(e) && !isChromeRole(e) && holdsMostText(e, page, m) && !isDiscussion(e)) {
            return false;
        }
        // Layout wrappers are named after their neighbours ("content-with-sidebar", "l-sidebar-fixed
        // l-article-body-segment"): a named block holding most of the page's prose is the article, not a widget.
        // Discussion threads can be that long too, so they never get this rescue.
        return byName == Verdict.NONE || !holdsMostText(e, page, m) || isDiscussion(e) || isSlideshow(e);
    }

    /**
     * Most of the page's paragraph text, itself link-poor (the wrapper may also hold link lists, cleaned later);
     * or, for pages written without {@code <p>} (text and {@code <br>} in divs), most of its text outside links.
     */
    private static boolean holdsMostText(Element e, PageText page, ElementMeasures m) {
        if (page.unlinked() > 0 && unlinkedChars(e, m) >= 0.6 * page.unlinked()) {
            return true;
        }
        if (page.prose() == 0) {
            return false;
        }
        int chars = proseChars(e, m);
        // link text inside paragraphs: the links of each paragraph, summed over the paragraphs
        int linked = m.sum(e, "paragraph link chars", ElementMeasures.matching(PARAGRAPHS), m::linkChars);
        return chars >= 0.5 * page.prose() && linked < 0.4 * chars;
    }

    /**
     * A wrapper ("social-media-embed") around posts quoted in the story (tweets, Instagram, TikTok): the quoted
     * post is article content even though the wrapper is named like a share bar.
     */
    private static boolean isEmbeddedPost(Element e, ElementMeasures m) {
        int quoted = m.textLengthOf(e, EMBEDDED);
        return quoted > 0 && quoted >= 0.8 * m.textLength(e);
    }

    private static int unlinkedChars(Element e, ElementMeasures m) {
        return Math.max(0, m.textLength(e) - m.linkChars(e));
    }

    private static boolean isDiscussion(Element e) {
        return namedBy(e, DISCUSSION_WORDS);
    }

    private static boolean isSlideshow(Element e) {
        return namedBy(e, SLIDESHOW_WORDS);
    }

    /** A part of the element's class or id (camel case and separators split) is one of {@code words}. */
    private static boolean namedBy(Element e, Set<String> words) {
        String names = CAMEL.matcher(e.className() + " " + e.id()).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
        for (String part : PARTS.split(names)) {
            if (words.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static int proseChars(Element e, ElementMeasures m) {
        return m.textLengthOf(e, PARAGRAPHS);
    }

    enum Verdict { NONE, SOFT, HARD }

    /** What the element's class and id say about it. */
    static Verdict classify(Element e) {
        String className = e.className();
        String id = e.id();
        if (className.isBlank() && id.isBlank()) {
            return Verdict.NONE;
        }
        boolean wordPressPost = isWordPressPost(e);
        Verdict verdict = Verdict.NONE;
        for (String token : className.split("\\s+")) {
            if (!token.isEmpty() && !(wordPressPost && isTaxonomyTerm(token))) {
                verdict = stronger(verdict, classifyToken(token));
            }
        }
        if (verdict != Verdict.HARD && !id.isBlank()) {
            Verdict byId = classifyToken(id.strip());
            // Documentation generators name each section after its heading ("sharing-with-other-developers"):
            // such an id says what the section is about, not that it is a share bar.
            // A discussion is named after its heading too ("<div id=comments><h2>Comments</h2>"): that id still
            // says what the block is.
            if (byId != Verdict.NONE && (!isHeadingAnchor(e, id) || isDiscussion(e))) {
                verdict = stronger(verdict, byId);
            }
        }
        // "entry-meta", "post-navigation": a positive word next to a soft one does not by itself rescue a block;
        // isProse decides that on the text.
        if (verdict == Verdict.HARD && namesStoryText(className)) {
            // "entry-content handle-adX2": a class that names the story's text, beside one that tells the ad server
            // where it may place ads, is the story; it is kept when it holds prose (isProse), as a soft name would.
            return Verdict.SOFT;
        }
        return verdict;
    }

    /**
     * A class token that names the story's text itself ({@code entry-content}, {@code article-body},
     * {@code storyText}): a story part ({@link #STORY_PARTS}) followed by a text part ({@link #TEXT_PARTS}).
     */
    static boolean namesStoryText(String className) {
        for (String token : className.split("\\s+")) {
            String[] parts = PARTS.split(CAMEL.matcher(token).replaceAll("$1-$2").toLowerCase(Locale.ROOT));
            for (int i = 0; i + 1 < parts.length; i++) {
                if (STORY_PARTS.contains(parts[i]) && TEXT_PARTS.contains(parts[i + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Verdict classifyToken(String token) {
        boolean soft = false;
        String lower = CAMEL.matcher(token).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
        if (UtilityClasses.isStyleOnly(lower)) {
            return Verdict.NONE;
        }
        String previous = "";
        for (String part : PARTS.split(lower)) {
            // "most-read", "side-bar": a hard word written as two parts counts as one
            if (HARD_WORDS.contains(part) || startsWithHardPrefix(part) || isHardCompound(previous, part)) {
                return Verdict.HARD;
            }
            soft |= SOFT_WORDS.contains(part);
            previous = part;
        }
        return soft ? Verdict.SOFT : Verdict.NONE;
    }

    /** A soft word other than the page builders' "widget" ({@link PageBuilderBlocks}). */
    static boolean isSoftWord(String part) {
        return SOFT_WORDS.contains(part) && !part.equals("widget") && !part.equals("widgets");
    }

    /** Two parts that make a hard word together ("most-read", "side-bar"), each at least two letters. */
    private static boolean isHardCompound(String first, String second) {
        return first.length() >= 2 && second.length() >= 2 && HARD_WORDS.contains(first + second);
    }

    private static Verdict stronger(Verdict a, Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The id is the slug of the block's own leading heading, or of the heading itself: a section anchor. */
    private static boolean isHeadingAnchor(Element e, String id) {
        // a heading named after its own text ("<h2 id=whats-next>What's next?</h2>") is its own anchor
        Element heading = HEADINGS.contains(e.normalName()) ? e : e.firstElementChild();
        if (heading == null || !HEADINGS.contains(heading.normalName())) {
            return false;
        }
        // slugs differ in what they do with punctuation ("what-s-next", "whats-next"): letters and digits decide
        String slug = PARTS.matcher(heading.text().toLowerCase(Locale.ROOT)).replaceAll("");
        return !slug.isEmpty() && slug.equals(PARTS.matcher(id.toLowerCase(Locale.ROOT)).replaceAll(""));
    }

    /**
     * An inline element between words of running text ({@code <a class="popup">a phrase</a>} inside a sentence):
     * its class names a behaviour (a tooltip, a popup) of words that are part of the sentence, and dropping it
     * would leave a hole in the text. Widgets are blocks, or stand alone in their parent.
     */
    private static boolean isWordsInASentence(Element e) {
        if (!INLINE.contains(e.normalName())) {
            return false;
        }
        Element parent = e.parent();
        return parent != null && TEXT_BLOCKS.contains(parent.normalName()) && hasWordsAround(e);
    }

    private static boolean hasWordsAround(Element e) {
        for (Node n = e.previousSibling(); n != null; n = n.previousSibling()) {
            if (n instanceof TextNode t && !t.isBlank()) {
                for (Node m = e.nextSibling(); m != null; m = m.nextSibling()) {
                    if (m instanceof TextNode u && !u.isBlank()) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * A {@code <header>} that holds nothing but a sentence or two of prose: the story's standfirst, written
     * inside the article's header, not the site's or the article's furniture (those carry links, headings, dates).
     */
    private static boolean isStandfirst(Element e, ElementMeasures m) {
        if (!e.nameIs("header")) {
            return false;
        }
        return m.textLength(e) >= 80 && !m.contains(e, STANDFIRST_BLOCKERS)
                && STANDFIRST_END.matcher(m.text(e)).find();
    }

    /**
     * An icon font's glyph: Material Icons and Symbols draw an icon from a word ({@code chevron_right},
     * {@code arrow_forward}) written in the element, which a browser never shows as text.
     */
    private static boolean isIconGlyph(Element e) {
        for (String c : e.classNames()) {
            String l = c.toLowerCase(Locale.ROOT);
            if (l.startsWith("material-icons") || l.startsWith("material-symbols")) {
                return true;
            }
        }
        return false;
    }

    /** Typeset mathematics (MathML, MathJax, KaTeX output): formulas are content whatever their classes say. */
    private static boolean isMath(Element e) {
        String tag = e.normalName();
        if (tag.equals("math") || tag.startsWith("mjx-")) {
            return true;
        }
        for (String c : e.classNames()) {
            if (MATH_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A blog engine's post wrapper: WordPress's {@code post_class()} output ({@code hentry}, {@code type-post},
     * {@code category-<slug>} …) or Movable Type's and TypePad's ({@code entry-type-post},
     * {@code entry-author-<name>}).
     */
    private static boolean isWordPressPost(Element e) {
        for (String c : e.classNames()) {
            if (c.equals("hentry") || c.startsWith("type-") || c.startsWith("entry-type-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A post's category, tag or author slug ({@code category-uncategorized}, {@code tag-social-media},
     * {@code entry-author-jane_moss}): it names what the post is about or who wrote it, not what the block is, so
     * it must not make the post itself look like a widget (an author box).
     */
    private static boolean isTaxonomyTerm(String token) {
        return token.startsWith("category-") || token.startsWith("tag-") || token.startsWith("post_tag-")
                || token.startsWith("entry-author-") || token.startsWith("entry-category-");
    }

    private static boolean startsWithHardPrefix(String part) {
        for (String prefix : HARD_PREFIXES) {
            if (part.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Element e) {
        return e.hasAttr("hidden")
                || "true".equalsIgnoreCase(e.attr("aria-hidden"))
                || HIDDEN_STYLE.matcher(e.attr("style")).find();
    }

    private static boolean isChromeRole(Element e) {
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        return role.equals("navigation") || role.equals("banner") || role.equals("contentinfo")
                || role.equals("complementary") || role.equals("search") || role.equals("dialog");
    }

    /** Holds the headline or the declared article body (or an article element that is not itself boilerplate). */
    private static boolean wrapsArticle(Element e, PageText page, ElementMeasures m) {
        // an h1 counts unless it is stray: a copy of an earlier one, or below most of the page (StrayHeadlines)
        if (m.contains(e, ARTICLE_MARKERS) || m.count(e, H1) > page.strayHeadlines().heldBy(e, m)) {
            return true;
        }
        // articles inside e (e itself aside) that are not boilerplate by name and hold text
        int articles = m.sum(e, "rescuing articles",
                a -> ARTICLES.matches(a, a) && m.textLength(a) > 500 && classify(a) != Verdict.HARD, a -> 1);
        boolean self = e.nameIs("article") && m.textLength(e) > 500 && classify(e) != Verdict.HARD;
        return articles > (self ? 1 : 0);
    }

    /** Long, link-poor paragraph text: real prose that a loose class name should not throw away. */
    private static boolean isProse(Element e, ElementMeasures m) {
        return proseChars(e, m) > 400 && m.linkDensity(e) < 0.25;
    }

    private static void removeComments(Element root) {
        List<Node> comments = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        });
        comments.forEach(Node::remove);
    }
}
