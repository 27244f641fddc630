package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes link rails from the selected article content: lists and blocks that are (almost) all links ("More:",
 * "You may also like…", "More great stories"), paragraphs that are nothing but a link to another story, and the
 * short label that introduces such a rail. These sit inside the article container, so class names and the
 * container choice do not catch them; their text does: readers' prose is not mostly link text.
 */
final class ContentPruner {

    /** "Related: <a>…</a>", "READ MORE - <a>…</a>": a lead-in word, then a link to another story. */
    private static final Pattern LINK_LEAD_IN = Pattern.compile(
            "(?i)^\\s*(related|read more|read also|also read|see more|see also|more|watch|listen|recommended|"
                    + "more on this|more from|don't miss|further reading|lire aussi|à lire aussi|lire|voir aussi|lesen sie auch|"
                    + "mehr zum thema|leer más|lee también|leia também|leggi anche)\\b.{0,20}?[:\\-–—|]");
    private static final Set<String> LIST_TAGS = Set.of("ul", "ol");
    private static final Set<String> LABEL_TAGS = Set.of("h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b");
    private static final int MAX_LABEL_CHARS = 80;
    private static final int MAX_LINK_PARAGRAPH_CHARS = 250;
    /**
     * Pruning that would leave less text than this (headings aside) leaves the content as it is: never prune a
     * page empty.
     */
    private static final int MIN_LEFT_CHARS = 50;
    private static final String PASS = "content pruning";
    private static final Set<String> CANDIDATE_TAGS = Set.of("ul", "ol", "p", "div", "section");
    private static final Evaluator TABLE_OR_IMAGE = QueryParser.parse("table, img[src]");
    private static final Evaluator LINK = QueryParser.parse("a");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator LINK_WITH_HREF = QueryParser.parse("a[href]");

    private ContentPruner() {
    }

    /**
     * Prunes inside each element and drops the elements that are link rails themselves; returns what is left.
     *
     * @param pageHost the page's host (null when unknown): rails link to the site's own stories, while lists of
     *                 links elsewhere (sources, bug lists, shops) are content
     */
    static List<Element> prune(List<Element> content, String pageHost) {
        return prune(content, pageHost, ExtractionBudget.unlimited());
    }

    static List<Element> prune(List<Element> content, String pageHost, ExtractionBudget budget) {
        // Found first, removed after: when the rails are all there is (a post that is a list of the site's own
        // links), removing them would leave an empty body for a page that has text, which is worse than a list.
        List<Element> kept = new ArrayList<>();
        List<List<Element>> doomedInside = new ArrayList<>();
        int total = 0;
        int removed = 0;
        for (Element root : content) {
            budget.check(PASS);
            // the roots are disjoint, and nothing is removed yet: the measures of each stay true
            ElementMeasures m = ElementMeasures.of(root, budget, PASS);
            int chars = m.textLength(root);
            // headings do not count as text left: the headline is dropped from the body anyway
            total += chars - m.textLengthOf(root, HEADINGS);
            if (isLinkRail(root, pageHost, m)) {
                removed += chars;
                if (!kept.isEmpty() && isLabel(kept.getLast())) {
                    removed += kept.getLast().text().length();
                    kept.removeLast();
                    doomedInside.removeLast();
                }
                continue;
            }
            List<Element> doomed = railsInside(root, pageHost, m);
            for (Element e : doomed) {
                removed += m.textLength(e);
            }
            kept.add(root);
            doomedInside.add(doomed);
        }
        if (total > 0 && total - removed < MIN_LEFT_CHARS) {
            return content;
        }
        for (List<Element> doomed : doomedInside) {
            for (Element e : doomed) {
                budget.tick(PASS);
                Element label = e.previousElementSibling();
                e.remove();
                if (label != null && isLabel(label)) {
                    label.remove();
                }
            }
        }
        return kept;
    }

    /** The rails inside {@code root}, outermost only, in document order; nothing is removed. */
    private static List<Element> railsInside(Element root, String pageHost, ElementMeasures m) {
        List<Element> doomed = new ArrayList<>();
        // Document order, skipping the inside of a rail already doomed: nothing is removed until all are found,
        // so the measures hold for the whole walk.
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != root && CANDIDATE_TAGS.contains(e.normalName())) {
                    m.budget().tick(PASS);
                    if (isLinkRail(e, pageHost, m)) {
                        doomed.add(e);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return doomed;
    }

    static boolean isLinkRail(Element e, String pageHost) {
        return isLinkRail(e, pageHost, ElementMeasures.of(e, ExtractionBudget.unlimited(), PASS));
    }

    private static boolean isLinkRail(Element e, String pageHost, ElementMeasures m) {
        return looksLikeLinks(e, m) && mostlyOwnSite(e, pageHost, m);
    }

    private static boolean looksLikeLinks(Element e, ElementMeasures m) {
        int length = m.textLength(e);
        if (m.isBlank(e) || m.contains(e, TABLE_OR_IMAGE) && !LIST_TAGS.contains(e.normalName())) {
            return false;
        }
        double density = m.linkDensity(e);
        if (LIST_TAGS.contains(e.normalName())) {
            return (density >= 0.9 || density >= 0.5 && everyItemLinks(e, m));
        }
        if (e.nameIs("p")) {
            if (length > MAX_LINK_PARAGRAPH_CHARS) {
                return false;
            }
            String text = m.text(e);
            return (density >= 0.9 || density >= 0.5 && LINK_LEAD_IN.matcher(text).find());
        }
        // div, section: a block of links (a "read next" box written without a list)
        return density >= 0.9 && m.count(e, LINK) >= 2;
    }

    /** Most of the link text points to the page's own site (relative links included). */
    private static boolean mostlyOwnSite(Element e, String pageHost, ElementMeasures m) {
        int own = m.sum(e, "own-site link chars", a -> a.nameIs("a") && isOwnSite(a, pageHost), m::textLength);
        int total = m.linkChars(e);
        return total > 0 && own >= 0.5 * total;
    }

    private static boolean isOwnSite(Element a, String pageHost) {
        String href = a.attr("href").strip();
        String host = hostOf(href);
        // "#section" links are the page's own table of contents, not a way to other stories
        return !href.startsWith("#") && (host == null || pageHost == null || sameSite(host, pageHost));
    }

    /** The host of an absolute http(s) link, null for a relative one. */
    static String hostOf(String href) {
        String h = href.strip();
        int start;
        if (h.regionMatches(true, 0, "http://", 0, 7)) {
            start = 7;
        } else if (h.regionMatches(true, 0, "https://", 0, 8)) {
            start = 8;
        } else if (h.startsWith("//")) {
            start = 2;
        } else {
            return null;
        }
        int end = start;
        while (end < h.length() && "/?#:".indexOf(h.charAt(end)) < 0) {
            end++;
        }
        return h.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** Same registrable-ish site: equal after dropping "www.", or one a subdomain of the other. */
    static boolean sameSite(String a, String b) {
        String x = a.startsWith("www.") ? a.substring(4) : a;
        String y = b.startsWith("www.") ? b.substring(4) : b;
        return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
    }

    /** At least three items, each with a link: a list of stories, not bullet points that cite a source or two. */
    private static boolean everyItemLinks(Element list, ElementMeasures m) {
        int items = 0;
        for (Element li : list.children()) {
            if (!li.nameIs("li")) {
                continue;
            }
            if (!m.contains(li, LINK_WITH_HREF)) {
                return false;
            }
            items++;
        }
        return items >= 3;
    }

    /** A short, link-free line that introduces what follows ("More:", "You may also like…", a small heading). */
    private static boolean isLabel(Element e) {
        String text = e.text().strip();
        return LABEL_TAGS.contains(e.normalName()) && !text.isEmpty() && text.length() <= MAX_LABEL_CHARS
                && e.select("a").isEmpty() && e.select("img").isEmpty()
                && (!text.endsWith(".") || text.endsWith("..."));
    }
}
