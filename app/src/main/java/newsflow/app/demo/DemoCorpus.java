package newsflow.app.demo;

import newsflow.common.config.FeedConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo corpus rendered for one base URL: every feed, article page and static file as a ready response, keyed
 * by URL path. Everything is rendered and checked at once so a broken template, a malformed feed or a leftover
 * placeholder stops the demo at start with a message naming the file, instead of surfacing as a puzzling
 * pipeline result later.
 *
 * @param resources   URL path → response
 * @param feeds       the demo feeds, in site-index order
 * @param articleUrls every distinct feed item link, in feed order (includes the item whose page is missing)
 */
record DemoCorpus(Map<String, DemoResource> resources, List<FeedConfig> feeds, Set<String> articleUrls) {

    static final String HTML = "text/html; charset=utf-8";

    /** {@code {{body:courier/some-slug}}} in a feed: the full text of that article, for content:encoded. */
    private static final Pattern BODY_INCLUDE = Pattern.compile("\\{\\{body:([a-z0-9\\-/]+)}}");

    static DemoCorpus render(String baseUrl) {
        SiteIndex index = SiteIndex.load();
        Map<String, ArticleSource> articles = new LinkedHashMap<>();
        Map<String, List<ArticleSource>> byOutlet = new HashMap<>();
        for (String page : index.pages()) {
            ArticleSource a = ArticleSource.load(page);
            Outlet outlet = index.outlet(a.outlet());
            if (!page.startsWith(outlet.id() + "/")) {
                throw new IllegalStateException("articles/" + page + " says outlet '" + outlet.id() + "' but is not in its folder");
            }
            articles.put(page.replaceFirst("\\.html$", ""), a);
            byOutlet.computeIfAbsent(outlet.id(), k -> new ArrayList<>()).add(a);
        }

        Map<String, DemoResource> resources = new LinkedHashMap<>();
        for (Outlet outlet : index.outlets()) {
            List<ArticleSource> own = byOutlet.getOrDefault(outlet.id(), List.of());
            if (own.isEmpty()) {
                continue;
            }
            PageRenderer renderer = new PageRenderer(outlet, own);
            for (ArticleSource a : own) {
                add(resources, a.path(), HTML, renderer.render(a), baseUrl, "articles/" + a.resource());
            }
        }

        List<FeedConfig> feeds = new ArrayList<>();
        Set<String> articleUrls = new LinkedHashSet<>();
        for (Outlet outlet : index.outlets()) {
            String resource = "feeds/" + outlet.feedResource();
            String xml = expandBodies(resource, ClasspathText.text(resource), articles);
            String served = add(resources, outlet.feedPath(), outlet.feedContentType(), xml, baseUrl, resource);
            for (String link : FeedLinks.itemLinks(FeedLinks.parse(resource, served))) {
                if (!articleUrls.add(link)) {
                    throw new IllegalStateException(resource + ": item link " + link + " appears twice in the demo feeds");
                }
            }
            feeds.add(new FeedConfig(baseUrl + outlet.feedPath(), outlet.name(), null, null, Map.of()));
        }

        for (String file : index.statics()) {
            put(resources, "/static/" + file, DemoResource.of(staticType(file), ClasspathText.bytes("static/" + file)));
        }
        return new DemoCorpus(Collections.unmodifiableMap(resources), List.copyOf(feeds), Collections.unmodifiableSet(articleUrls));
    }

    private static String expandBodies(String resource, String xml, Map<String, ArticleSource> articles) {
        Matcher m = BODY_INCLUDE.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length() * 4);
        while (m.find()) {
            ArticleSource a = articles.get(m.group(1));
            if (a == null) {
                throw new IllegalStateException(resource + " includes {{body:" + m.group(1) + "}} but no such article is listed in site.txt");
            }
            if (a.body().contains("]]>")) {
                throw new IllegalStateException("articles/" + a.resource() + " contains ']]>' and cannot go into a CDATA section");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(a.body()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String add(Map<String, DemoResource> resources, String path, String contentType, String text,
                              String baseUrl, String source) {
        String served = text.replace(Template.BASE, baseUrl);
        int leftover = served.indexOf("{{");
        if (leftover >= 0) {
            throw new IllegalStateException(source + " still contains a placeholder after rendering: "
                    + served.substring(leftover, Math.min(served.length(), leftover + 40)));
        }
        put(resources, path, DemoResource.of(contentType, served.getBytes(StandardCharsets.UTF_8)));
        return served;
    }

    private static void put(Map<String, DemoResource> resources, String path, DemoResource resource) {
        if (resources.putIfAbsent(path, resource) != null) {
            throw new IllegalStateException("two demo resources claim the URL path " + path);
        }
    }

    private static String staticType(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "svg" -> "image/svg+xml; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            default -> throw new IllegalStateException("no content type known for static file " + file);
        };
    }
}
