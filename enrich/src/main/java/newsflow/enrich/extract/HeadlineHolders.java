package newsflow.enrich.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The blocks that hold the page's own headline: an {@code h1}–{@code h3} that repeats the page's title (or the
 * story part of "Site: Story"), and every ancestor of it. Blog themes name the post's wrapper after its author
 * ({@code entry-author-jane}) or its meta ({@code post-meta-wrap}); such a block is the article when it holds the
 * headline and some text beside it, whatever its name says. Found once per page: one walk up from each matching
 * heading, so asking about a block costs a set lookup.
 */
final class HeadlineHolders {

    static final HeadlineHolders NONE = new HeadlineHolders(Collections.emptyMap());

    /** A heading shorter than this (in letters and digits) is too generic to identify the story. */
    private static final int MIN_HEADING_KEY = 12;
    /** Text beside the headline that makes the holder an article, not a title bar. */
    private static final int MIN_TEXT_BESIDE = 100;
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3");

    /** Holder → length of the headline's text inside it. */
    private final Map<Element, Integer> holders;

    private HeadlineHolders(Map<Element, Integer> holders) {
        this.holders = holders;
    }

    static HeadlineHolders find(Element root, String title, String siteName) {
        String titleKey = key(title);
        if (titleKey.length() < MIN_HEADING_KEY) {
            return NONE;
        }
        String siteKey = key(siteName);
        Map<Element, Integer> holders = new IdentityHashMap<>();
        for (Element h : root.select(HEADINGS)) {
            String k = key(h.text());
            // the heading is the title, or the story part of a title that also names the site; never the site
            if (k.length() < MIN_HEADING_KEY || k.equals(siteKey) || !(titleKey.contains(k) || k.contains(titleKey))
                    || k.length() * 2 < titleKey.length()) {
                continue;
            }
            // an ancestor already held means every one above it is too: each element is visited once in all
            for (Element p = h; p != null && !holders.containsKey(p); p = p.parent()) {
                holders.put(p, h.text().length());
            }
        }
        return holders.isEmpty() ? NONE : new HeadlineHolders(holders);
    }

    /** {@code e} holds the headline and at least some text beside it. */
    boolean heldBy(Element e, ElementMeasures m) {
        Integer headline = holders.get(e);
        return headline != null && m.textLength(e) - headline >= MIN_TEXT_BESIDE;
    }

    private static String key(String s) {
        return s == null ? "" : ArticleExtractor.key(s);
    }
}
