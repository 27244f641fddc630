package newsflow.enrich.extract;

import newsflow.common.text.Charsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The other versions of an article a page advertises, for when the page itself is a shell (little text, a wall):
 * its AMP version ({@code <link rel="amphtml">}), its print version ({@code <link rel="alternate" media="print">}),
 * and a "Print" link in the page. AMP and print versions are served as plain HTML with the whole text, where a
 * shell renders its text with scripts or hides it behind a wall.
 *
 * <p>Only addresses on the page's own site are kept (the host, with or without {@code www.}, or a host under it or
 * above it such as {@code amp.news.example}): a print link to a third-party printing service, or anything that is
 * not http(s), is no version of the article. Separate from
 * {@link ArticleExtractor} because it is needed only for the few pages that are shells: parsing those again costs
 * less than carrying the links out of every page.
 */
public final class AlternateLinks {

    /** Which version a link leads to. */
    public enum Kind { AMP, PRINT }

    /** An alternate version's absolute address. */
    public record Alternate(Kind kind, String url) {
    }

    /** The whole text of a print link, as sites label it. */
    private static final Pattern PRINT_LABEL = Pattern.compile(
            "(?i)(print|printer[- ]friendly( version| page| format)?|print(able)? (this )?(article|story|page|version|view)"
                    + "|print version|printable version|print-friendly( version)?|\\W*print\\W*)");
    /** A print marker in an address: a path segment, a file name or a query parameter named print. */
    private static final Pattern PRINT_HREF = Pattern.compile(
            "(?i)([/._-]print(er|able|-friendly|friendly|view|version)?([/._?&=-]|$)|[?&](print|printable|view=print|output=print|format=print)([=&]|$))");
    private static final Pattern PRINT_NAME = Pattern.compile("(?i)print");

    private AlternateLinks() {
    }

    /**
     * The alternates the page advertises, AMP first, then the print versions; distinct, none the page itself.
     *
     * @param page        the page's bytes, decoded as {@link ArticleExtractor#extract(byte[], String, String)} does
     * @param contentType the HTTP Content-Type, null when absent
     * @param pageUrl     the page's address (resolves relative links)
     */
    public static List<Alternate> find(byte[] page, String contentType, String pageUrl) {
        if (page == null || page.length == 0 || pageUrl == null) {
            return List.of();
        }
        return find(Jsoup.parse(Charsets.decode(page, contentType).text(), pageUrl), pageUrl);
    }

    static List<Alternate> find(Document doc, String pageUrl) {
        String site = site(pageUrl);
        if (site == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        seen.add(withoutFragment(pageUrl));
        List<Alternate> found = new ArrayList<>();
        for (Element link : doc.select("link[rel~=(?i)(^|\\s)amphtml(\\s|$)][href]")) {
            add(found, seen, site, Kind.AMP, link.absUrl("href"));
        }
        for (Element link : doc.select("link[rel~=(?i)(^|\\s)alternate(\\s|$)][media~=(?i)\\bprint\\b][href]")) {
            add(found, seen, site, Kind.PRINT, link.absUrl("href"));
        }
        for (Element a : doc.select("a[href]")) {
            if (isPrintLink(a)) {
                add(found, seen, site, Kind.PRINT, a.absUrl("href"));
            }
        }
        return found;
    }

    /**
     * A link labelled as a print version ("Print", "Printer-friendly version") whose address says print too, or
     * one whose class, id, title or label says print and whose address does: "print" in one place alone is too weak
     * (a story about printing, a link to the print edition's page without such an address).
     */
    private static boolean isPrintLink(Element a) {
        String href = a.attr("href");
        if (!PRINT_HREF.matcher(href).find()) {
            return false;
        }
        String label = a.text().strip();
        if (!label.isEmpty() && label.length() <= 40 && PRINT_LABEL.matcher(label).matches()) {
            return true;
        }
        for (String attribute : new String[]{"class", "id", "title", "aria-label", "rel"}) {
            if (PRINT_NAME.matcher(a.attr(attribute)).find()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Alternate> found, Set<String> seen, String site, Kind kind, String url) {
        if (url.isEmpty() || !url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)) {
            return;
        }
        if (!sameSite(site, site(url)) || !seen.add(withoutFragment(url))) {
            return;
        }
        found.add(new Alternate(kind, url));
    }

    /** One host is the other or under it ({@code amp.news.example} and {@code news.example}). */
    private static boolean sameSite(String page, String other) {
        return other != null && (page.equals(other) || other.endsWith("." + page) || page.endsWith("." + other));
    }

    /** The host without a leading {@code www.}, lower-cased; null when the address has none. */
    private static String site(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
