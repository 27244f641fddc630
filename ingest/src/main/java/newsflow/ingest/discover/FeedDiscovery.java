package newsflow.ingest.discover;

import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.FetchResponse;
import newsflow.common.http.HttpFetcher;
import newsflow.ingest.parse.FeedParseException;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.parse.ParsedFeed;
import newsflow.ingest.registry.FeedUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the feeds of a site the way feed readers do: the {@code <link rel="alternate">} elements of its page that
 * name a feed type, else a few paths where blog engines put their feeds. Every candidate is fetched and parsed
 * before it is offered, so what comes back is a feed ingest can read. A URL that already is a feed is returned as
 * it is.
 */
public final class FeedDiscovery {

    /** Where WordPress, Ghost, Hugo, Jekyll, Blogger and most hand-made sites serve their feed. */
    static final List<String> COMMON_PATHS = List.of("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml",
            "/index.xml", "/feeds/posts/default");

    /** Types a feed's alternate link carries; HTML alternates (translations, AMP pages) are not feeds. */
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/feed+json", "application/json", "application/x-rss+xml",
            "application/x-atom+xml", "application/xml", "text/xml", "text/rss+xml");

    /** A page listing hundreds of alternates (one per category) is not fetched hundreds of times. */
    private static final int MAX_LINKS = 10;

    private final HttpFetcher http;
    private final FeedParser parser;

    public FeedDiscovery(HttpFetcher http, FeedParser parser) {
        this.http = http;
        this.parser = parser;
    }

    /**
     * @param siteUrl a site's page (usually its home page), or a feed URL
     * @throws IllegalArgumentException when {@code siteUrl} is not an absolute http(s) URL
     * @throws DiscoveryException       when the page cannot be fetched
     */
    public Discovery discover(String siteUrl) throws DiscoveryException {
        String site = FeedUrls.check(siteUrl);
        FetchResponse page;
        try {
            page = http.fetch(FetchRequest.get(site));
        } catch (FetchException e) {
            throw new DiscoveryException(site, e.getMessage(), e);
        }
        URI base = page.uri() != null ? page.uri() : URI.create(site);
        List<Rejected> rejected = new ArrayList<>();

        if (!isHtml(page.contentType())) {
            Verdict itself = verify(site, page, "given");
            if (itself.feed() != null) {
                return new Discovery(site, List.of(itself.feed()), List.of());
            }
        }
        Document html;
        try {
            html = Jsoup.parse(new ByteArrayInputStream(page.body()),
                    page.declaredCharset().map(Charset::name).orElse(null), base.toString());
        } catch (IOException | RuntimeException e) {
            throw new DiscoveryException(site, "page is neither a feed nor readable HTML: " + e.getMessage(), e);
        }

        List<DiscoveredFeed> found = new ArrayList<>();
        for (String candidate : alternateLinks(html)) {
            add(verify(candidate, "link"), found, rejected);
        }
        if (found.isEmpty()) {
            for (String candidate : commonPaths(base)) {
                add(verify(candidate, "path"), found, rejected);
            }
        }
        return new Discovery(site, found, rejected);
    }

    private static void add(Verdict v, List<DiscoveredFeed> found, List<Rejected> rejected) {
        if (v.feed() != null) {
            found.add(v.feed());
        } else {
            rejected.add(v.rejected());
        }
    }

    /** Absolute URLs of the page's feed alternates, in page order, without repeats. */
    static List<String> alternateLinks(Document html) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element link : html.select("link[href]")) {
            boolean alternate = Arrays.stream(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                    .anyMatch("alternate"::equals);
            String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip();
            String href = link.absUrl("href");
            if (alternate && FEED_TYPES.contains(type) && href.startsWith("http") && urls.size() < MAX_LINKS) {
                urls.add(href);
            }
        }
        return List.copyOf(urls);
    }

    /** The common paths at the site's root, and first under the page's own directory when that is not the root. */
    static List<String> commonPaths(URI page) {
        Set<String> urls = new LinkedHashSet<>();
        String origin = page.getScheme() + "://" + page.getRawAuthority();
        String path = page.getRawPath() == null ? "" : page.getRawPath();
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        for (String p : COMMON_PATHS) {
            if (!dir.isEmpty()) {
                urls.add(origin + dir + p);
            }
        }
        for (String p : COMMON_PATHS) {
            urls.add(origin + p);
        }
        return List.copyOf(urls);
    }

    private record Verdict(DiscoveredFeed feed, Rejected rejected) {
    }

    private Verdict verify(String candidate, String via) {
        try {
            return verify(candidate, http.fetch(FetchRequest.get(candidate)), via);
        } catch (FetchException | IllegalArgumentException e) {
            return new Verdict(null, new Rejected(candidate, e.getMessage()));
        }
    }

    private Verdict verify(String candidate, FetchResponse response, String via) {
        try {
            ParsedFeed feed = parser.parse(response.body(), response.contentType(), candidate);
            // Any JSON object parses as a lenient JSON Feed; a discovered one must say it is one
            // (WordPress pages advertise their REST API as an application/json alternate).
            if (feed.format().equals("json")) {
                return new Verdict(null, new Rejected(candidate, "JSON without a JSON Feed version"));
            }
            return new Verdict(new DiscoveredFeed(candidate, feed.title(), feed.format(), feed.items().size(), via), null);
        } catch (FeedParseException e) {
            return new Verdict(null, new Rejected(candidate, e.failure().label() + ": " + e.getMessage()));
        }
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    }
}
