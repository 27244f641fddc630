package newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.model.ArticleField;
import newsflow.common.model.FieldSources;
import newsflow.common.model.Provenance;
import newsflow.common.text.Dates;
import newsflow.common.url.UrlNormalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static newsflow.common.model.Provenance.HEURISTIC;
import static newsflow.common.model.Provenance.HTML;
import static newsflow.common.model.Provenance.JSON_LD;
import static newsflow.common.model.Provenance.META;

/**
 * Reads title, authors, dates, lead image, site name, description, canonical URL and declared language from a
 * page, each from the most reliable place that has it. Order per field:
 * <ul>
 *   <li>title: JSON-LD article name/headline, then the title metas as stated (dc:title, dcterm:title, og:title,
 *       weibo, title, twitter:title, parsely-title), then the {@code <title>} element without the site's name
 *       ({@link Titles}), then the {@code <h1>}. This is Readability.js's order.</li>
 *   <li>byline (as stated or shown): JSON-LD author names, dc:creator, dcterm:creator, meta author, parsely-author,
 *       article:author, then the page's byline element ({@link PageByline}) — again Readability.js's order</li>
 *   <li>authors (names): JSON-LD author, the first author meta present (dc.creator, dcterms.creator, author,
 *       parsely, article:author…), rel=author / itemprop=author, byline elements</li>
 *   <li>published/modified: JSON-LD, article:*_time and other date metas, {@code <time datetime>}, URL date</li>
 *   <li>lead image: og:image, twitter:image, JSON-LD image; site name: JSON-LD publisher, og:site_name</li>
 *   <li>canonical URL: {@code link rel=canonical}, og:url, JSON-LD url; language: {@code <html lang>}, metas,
 *       JSON-LD inLanguage</li>
 * </ul>
 * Must run on the page before boilerplate removal: bylines and dates often sit in blocks the cleaner drops.
 */
final class MetadataExtractor {

    /**
     * What the extractor read from a page: its metadata with, per field that has a value, where it came from, and two
     * findings only the body extraction uses.
     *
     * @param jsonLdBody    the JSON-LD {@code articleBody}, plain text, null when none
     * @param notFreeToRead the page's JSON-LD says the article is not free to read (a paywall marker)
     */
    record Found(Metadata metadata, FieldSources sources, String jsonLdBody, boolean notFreeToRead) {
    }

    private static final Pattern LANG_TAG = Pattern.compile("^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*$");
    private static final Pattern LANG = Pattern.compile("^([a-zA-Z]{2,3})(?:[-_].*)?$");

    private MetadataExtractor() {
    }

    static Found extract(Document doc, String baseUrl) {
        Map<String, List<Element>> metas = metaIndex(doc);
        JsonLd ld = JsonLd.of(doc);
        JsonNode article = ld.article();
        JsonNode webPage = article != null ? null : ld.first("webpage");
        JsonNode main = article != null ? article : webPage;
        EnumMap<ArticleField, Provenance> sources = new EnumMap<>(ArticleField.class);

        // Title and byline read the meta tags the way Readability.js does (space-separated property lists, DC.Title as
        // dc:title, a later tag replacing an earlier one), which its test pages score; the other fields keep the
        // first-tag index above, whose order the published/modified/image fallbacks were measured with.
        MetaValues values = MetaValues.of(doc);
        // A publisher named in the article itself is the publication; one referenced from elsewhere in the graph is
        // often the company behind it ("… Media Group"), so og:site_name goes before that.
        String siteName = pick(sources, ArticleField.SITE_NAME,
                main == null ? null : plain(main.path("publisher").path("name").textValue()), JSON_LD,
                meta(metas, "og:site_name"), META,
                plain(ld.text(ld.resolve(main == null ? null : main.get("publisher")), "name")), JSON_LD,
                plain(ld.text(ld.first("organization"), "name")), JSON_LD,
                meta(metas, "application-name"), META);

        // Stated titles are the publisher's and kept as written; only the <title> element loses the site's name.
        String documentTitle = Titles.ofDocument(doc);
        String title = pick(sources, ArticleField.TITLE,
                jsonLdTitle(article, documentTitle), JSON_LD,
                values.first("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
                        "twitter:title", "parsely-title"), META,
                documentTitle, HTML,
                h1(doc), HTML);

        String byline = pick(sources, ArticleField.BYLINE,
                plain(String.join(", ", ld.names(article, "author"))), JSON_LD,
                values.first("dc:creator", "dcterm:creator", "author", "parsely-author"), META,
                notUrl(values.first("article:author")), META);
        if (byline == null) {
            // only without a stated author: the walk over the page costs more than the lookups above
            byline = pick(sources, ArticleField.BYLINE, PageByline.find(doc, title), HTML);
        }
        List<String> authors = authors(doc, metas, ld, main, sources);

        Instant published = pickDate(sources, ArticleField.PUBLISHED,
                Dates.parseOrDay(ld.text(main, "datePublished")), JSON_LD,
                Dates.parseOrDay(firstMeta(metas, "article:published_time", "og:published_time", "datePublished",
                        "publishdate", "publish-date", "pubdate", "date", "dc.date", "dc.date.issued",
                        "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
                        "published-date", "cxenseparse:recs:publishtime", "citation_publication_date")), META,
                Dates.parseOrDay(timeDatetime(doc, true)), HTML,
                Dates.dayInUrl(baseUrl), HEURISTIC);

        Instant modified = pickDate(sources, ArticleField.MODIFIED,
                Dates.parseOrDay(ld.text(main, "dateModified")), JSON_LD,
                Dates.parseOrDay(firstMeta(metas, "article:modified_time", "og:updated_time", "dateModified",
                        "last-modified", "dcterms.modified", "article.updated", "lastmod")), META,
                Dates.parseOrDay(timeDatetime(doc, false)), HTML);

        String leadImage = pick(sources, ArticleField.LEAD_IMAGE,
                absolute(baseUrl, firstMeta(metas, "og:image", "og:image:url", "og:image:secure_url")), META,
                absolute(baseUrl, firstMeta(metas, "twitter:image", "twitter:image:src")), META,
                absolute(baseUrl, ld.url(main, "image")), JSON_LD,
                absolute(baseUrl, ld.url(main, "thumbnailUrl")), JSON_LD,
                absolute(baseUrl, attr(doc.selectFirst("link[rel=image_src]"), "href")), HTML);

        String description = pick(sources, ArticleField.DESCRIPTION,
                meta(metas, "og:description"), META,
                meta(metas, "description"), META,
                meta(metas, "twitter:description"), META,
                plain(ld.text(main, "description")), JSON_LD);

        String canonical = pick(sources, ArticleField.CANONICAL_URL,
                canonical(baseUrl, attr(doc.selectFirst("link[rel~=(?i)^canonical$]"), "href")), HTML,
                canonical(baseUrl, meta(metas, "og:url")), META,
                canonical(baseUrl, ld.url(main, "url")), JSON_LD,
                canonical(baseUrl, ld.url(main, "mainEntityOfPage")), JSON_LD);

        String language = pick(sources, ArticleField.LANGUAGE,
                language(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang")), HTML,
                language(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("xml:lang")), HTML,
                language(firstMeta(metas, "content-language", "language", "dc.language", "og:locale")), META,
                language(ld.text(main, "inLanguage")), JSON_LD);

        String languageTag = language == null ? null : firstTag(
                doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"),
                doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("xml:lang"),
                firstMeta(metas, "content-language", "language", "dc.language"));

        String ldBody = main == null ? null : plain(ld.text(main, "articleBody"));
        return new Found(new Metadata(title, byline, authors, published, modified, leadImage, siteName, description,
                canonical, language, languageTag), new FieldSources(sources), ldBody, ld.declaresNotFree());
    }

    private static List<String> authors(Document doc, Map<String, List<Element>> metas, JsonLd ld, JsonNode main,
                                        EnumMap<ArticleField, Provenance> sources) {
        List<String> names = Bylines.cleanAll(ld.names(main, "author"));
        if (!names.isEmpty()) {
            sources.put(ArticleField.AUTHORS, JSON_LD);
            return names;
        }
        // the first author meta present, in Readability.js's order (Dublin Core before a plain author), then others
        for (String name : List.of("dc.creator", "dc:creator", "dcterms.creator", "dcterm:creator", "author",
                "parsely-author", "article:author", "sailthru.author", "byl", "citation_author")) {
            List<String> declared = new ArrayList<>();
            for (Element m : metaElements(metas, name)) {
                String v = m.attr("content").strip();
                if (!v.isEmpty() && !v.startsWith("http")) {
                    declared.add(v);
                }
            }
            names = Bylines.cleanAll(declared);
            if (!names.isEmpty()) {
                sources.put(ArticleField.AUTHORS, META);
                return names;
            }
        }
        List<String> marked = new ArrayList<>();
        for (Element e : doc.select("a[rel~=(?i)^author$], [itemprop=author]")) {
            if (inDiscussion(e)) {
                continue; // commenters are marked up as authors too
            }
            Element name = e.selectFirst("[itemprop=name]");
            String v = name != null ? (name.hasAttr("content") ? name.attr("content") : name.text())
                    : (e.hasAttr("content") ? e.attr("content") : e.text());
            marked.add(v);
        }
        names = Bylines.cleanAll(marked);
        if (!names.isEmpty()) {
            sources.put(ArticleField.AUTHORS, HTML);
            return names;
        }
        List<String> bylines = new ArrayList<>();
        for (Element e : doc.select(".byline, .author, .autor, .author-name, .byline-name, [class*=byline], .entry-author, "
                + ".post-author, [rel=author]")) {
            if (e.text().length() < 120) {
                bylines.add(e.text());
            }
            if (bylines.size() >= 3) {
                break;
            }
        }
        names = Bylines.cleanAll(bylines);
        if (!names.isEmpty()) {
            sources.put(ArticleField.AUTHORS, HEURISTIC);
        }
        return names;
    }

    /**
     * A JSON-LD article's title: its {@code name} or {@code headline}. Where both are given and differ (some sites put
     * their own name in {@code name}), the headline when it, and not the name, closely matches the page's
     * {@code <title>}; otherwise the name, as Readability.js decides.
     */
    static String jsonLdTitle(JsonNode article, String documentTitle) {
        if (article == null) {
            return null;
        }
        String name = article.path("name").isTextual() ? plain(article.get("name").asText()) : null;
        String headline = article.path("headline").isTextual() ? plain(article.get("headline").asText()) : null;
        if (name != null && headline != null && !name.equals(headline)) {
            String reference = documentTitle == null ? "" : documentTitle;
            boolean headlineMatches = Titles.similarity(headline, reference) > 0.75;
            boolean nameMatches = Titles.similarity(name, reference) > 0.75;
            return headlineMatches && !nameMatches ? headline : name;
        }
        return name != null ? name : headline;
    }

    private static String notUrl(String value) {
        return value == null || value.matches("(?i)^https?://.*") ? null : value;
    }

    private static boolean inDiscussion(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String names = (p.className() + " " + p.id()).toLowerCase(Locale.ROOT);
            if (names.contains("comment") || names.contains("disqus") || names.contains("respon")) {
                return true;
            }
        }
        return false;
    }

    private static String h1(Document doc) {
        for (String selector : List.of("article h1", "h1[itemprop=headline], [itemprop=headline]:not(meta)", "main h1", "h1")) {
            for (Element h1 : doc.select(selector)) {
                String text = h1.text().strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Datetime of a {@code <time>}: the one marked as published (or modified), else for published the first one. */
    private static String timeDatetime(Document doc, boolean published) {
        String marked = published
                ? "time[itemprop=datePublished], time[pubdate], time.published, time.entry-date, "
                  + "[itemprop=datePublished][datetime], [itemprop=datePublished][content]"
                : "time[itemprop=dateModified], time.updated, [itemprop=dateModified][datetime], "
                  + "[itemprop=dateModified][content]";
        Element e = doc.selectFirst(marked);
        if (e == null && published) {
            e = doc.selectFirst("article time[datetime], main time[datetime]");
        }
        if (e == null) {
            return null;
        }
        return e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content");
    }

    /** Meta tags with content by lower-cased key (property, name, itemprop or http-equiv), read in one pass. */
    private static Map<String, List<Element>> metaIndex(Document doc) {
        Map<String, List<Element>> out = new HashMap<>();
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property")
                    : m.hasAttr("name") ? m.attr("name")
                    : m.hasAttr("itemprop") ? m.attr("itemprop") : m.attr("http-equiv");
            out.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private static List<Element> metaElements(Map<String, List<Element>> metas, String name) {
        return metas.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    private static String meta(Map<String, List<Element>> metas, String name) {
        for (Element m : metaElements(metas, name)) {
            String v = plain(m.attr("content"));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String firstMeta(Map<String, List<Element>> metas, String... names) {
        for (String n : names) {
            String v = meta(metas, n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    /** Entity-decoded, tag-free, whitespace-collapsed text; null when blank. */
    static String plain(String s) {
        if (s == null) {
            return null;
        }
        String text = s.indexOf('<') >= 0 || s.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(s).text() : s;
        text = text.replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    private static String absolute(String baseUrl, String url) {
        if (url == null || url.isBlank() || url.startsWith("data:")) {
            return null;
        }
        try {
            URI resolved = baseUrl == null || baseUrl.isBlank() ? URI.create(url.strip().replace(" ", "%20"))
                    : URI.create(baseUrl.strip().replace(" ", "%20")).resolve(url.strip().replace(" ", "%20"));
            String s = resolved.toString();
            return s.startsWith("http://") || s.startsWith("https://") ? s : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String canonical(String baseUrl, String url) {
        String abs = absolute(baseUrl, url);
        if (abs == null) {
            return null;
        }
        try {
            return UrlNormalizer.canonicalize(abs);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first well-formed language tag as the page wrote it ("en-US", "pt-BR"), for the region it adds. */
    private static String firstTag(String... declared) {
        for (String d : declared) {
            if (d != null && LANG_TAG.matcher(d.strip()).matches()) {
                return d.strip();
            }
        }
        return null;
    }

    static String language(String declared) {
        if (declared == null) {
            return null;
        }
        var m = LANG.matcher(declared.strip());
        if (!m.matches()) {
            return null;
        }
        String code = m.group(1).toLowerCase(Locale.ROOT);
        return code.length() == 2 ? code : null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(EnumMap<ArticleField, Provenance> sources, ArticleField field, Object... valueSourcePairs) {
        for (int i = 0; i < valueSourcePairs.length; i += 2) {
            Object value = valueSourcePairs[i];
            if (value instanceof String s && s.isBlank()) {
                continue;
            }
            if (value != null) {
                sources.put(field, (Provenance) valueSourcePairs[i + 1]);
                return (T) value;
            }
        }
        return null;
    }

    private static Instant pickDate(EnumMap<ArticleField, Provenance> sources, ArticleField field,
                                    Object... valueSourcePairs) {
        return pick(sources, field, valueSourcePairs);
    }
}
