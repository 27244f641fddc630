package newsflow.enrich.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The byline as the page shows it: the text of the first element, in document order, that is marked as the author
 * ({@code rel="author"}, an {@code itemprop} containing "author") or whose class or id says byline, author, dateline
 * or writtenby, with under 100 characters of text; its {@code itemprop="name"} descendant's text when it has one.
 * These are Readability.js's rules, and so is the walk: hidden elements, modal dialogs, scripts and the blocks its
 * first pass drops before scoring (class or id naming comments, footers, sidebars, menus…; landmark roles such as
 * navigation; empty containers; the heading that repeats the title) are skipped with everything inside them, so an
 * author box under the comments or in a sidebar is not the article's byline.
 */
final class PageByline {

    private static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu"
                    + "|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate"
                    + "|pagination|pager|popup|yom-remote", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile("and|article|body|column|content|main|shadow", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPLAY_NONE = Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
    private static final Pattern VISIBILITY_HIDDEN = Pattern.compile("visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");
    private static final Set<String> NOT_RENDERED = Set.of("script", "noscript", "style", "template");
    private static final Set<String> DROPPED_WHEN_EMPTY = Set.of("div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final int MAX_CHARS = 100;
    /** How far up a table or code ancestor keeps an unlikely-looking block (Readability looks four levels up). */
    private static final int ANCESTOR_DEPTH = 4;

    private PageByline() {
    }

    /**
     * @param title the article's title, whose repeat as a heading is skipped (may be null)
     * @return the byline text, whitespace collapsed, or null when the page shows none
     */
    static String find(Document doc, String title) {
        boolean titleHeadingPending = title != null && !title.isBlank();
        Element node = doc.children().isEmpty() ? null : doc.child(0);
        while (node != null) {
            String tag = node.normalName();
            // most elements carry no attribute: none of the attribute tests can hold, and skipping them keeps
            // element-dense pages (deep nesting, millions of tags) cheap
            boolean bare = node.attributesSize() == 0;
            String matchString = bare ? " " : node.className() + " " + node.id();
            if (NOT_RENDERED.contains(tag) || !bare && (!visible(node)
                    || "true".equals(node.attr("aria-modal")) && "dialog".equals(node.attr("role")))) {
                node = next(node, true);
                continue;
            }
            if (!bare && isByline(node, matchString)) {
                Element name = nameWithin(node);
                return MetadataExtractor.plain(trim(textContent(name != null ? name : node)));
            }
            if (titleHeadingPending && (tag.equals("h1") || tag.equals("h2"))
                    && Titles.similarity(title, trim(textContent(node))) > 0.75) {
                titleHeadingPending = false;
                node = next(node, true);
                continue;
            }
            if (bare ? droppedWhenEmpty(node, tag) : dropped(node, tag, matchString)) {
                node = next(node, true);
                continue;
            }
            node = next(node, false);
        }
        return null;
    }

    private static boolean isByline(Element node, String matchString) {
        String itemprop = node.attr("itemprop");
        if (!node.attr("rel").equals("author") && !itemprop.contains("author") && !BYLINE.matcher(matchString).find()) {
            return false;
        }
        int length = trim(textContent(node)).length();
        return length > 0 && length < MAX_CHARS;
    }

    /** What Readability's first pass removes before scoring, and so never looks inside. */
    private static boolean dropped(Element node, String tag, String matchString) {
        if (UNLIKELY.matcher(matchString).find() && !MAYBE_CANDIDATE.matcher(matchString).find()
                && !hasAncestor(node, "table") && !hasAncestor(node, "code") && !tag.equals("body") && !tag.equals("a")) {
            return true;
        }
        if (UNLIKELY_ROLES.contains(node.attr("role"))) {
            return true;
        }
        return droppedWhenEmpty(node, tag);
    }

    private static boolean droppedWhenEmpty(Element node, String tag) {
        return DROPPED_WHEN_EMPTY.contains(tag) && onlyBreaks(node) && trim(textContent(node)).isEmpty();
    }

    /** No child elements but line breaks and rules (checked before the text, which costs a walk of the subtree). */
    private static boolean onlyBreaks(Element node) {
        for (Element child : node.children()) {
            if (!child.normalName().equals("br") && !child.normalName().equals("hr")) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Element node) {
        String style = node.attr("style");
        return !DISPLAY_NONE.matcher(style).find() && !VISIBILITY_HIDDEN.matcher(style).find() && !node.hasAttr("hidden")
                && (!"true".equals(node.attr("aria-hidden")) || node.className().contains("fallback-image"));
    }

    private static boolean hasAncestor(Element node, String tag) {
        int depth = 0;
        for (Element p = node.parent(); p != null && depth < ANCESTOR_DEPTH; p = p.parent(), depth++) {
            if (p.normalName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The first descendant whose {@code itemprop} mentions "name": the author's name inside an author block. */
    private static Element nameWithin(Element node) {
        for (Element e : node.getElementsByAttribute("itemprop")) {
            if (e != node && e.attr("itemprop").toLowerCase(Locale.ROOT).contains("name")) {
                return e;
            }
        }
        return null;
    }

    /** The element's text as the DOM's textContent gives it: every text node as written, nothing added between blocks. */
    static String textContent(Element e) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse((Node n, int depth) -> {
            if (n instanceof TextNode t && !NOT_RENDERED.contains(((Element) t.parent()).normalName())) {
                out.append(t.getWholeText());
            }
        }, e);
        return out.toString();
    }

    /** JavaScript's trim: also drops no-break and other Unicode spaces, which {@link String#strip} keeps. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** The next element in document order; with {@code skipChildren} the next one after this element's subtree. */
    private static Element next(Element node, boolean skipChildren) {
        if (!skipChildren && node.childrenSize() > 0) {
            return node.child(0);
        }
        for (Element e = node; e != null; e = e.parent()) {
            Element sibling = e.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }
}
