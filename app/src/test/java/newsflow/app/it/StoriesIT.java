package newsflow.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.LoopbackPages;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.url.ArticleIds;
import newsflow.index.document.ArticleDocument;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire copy republished by two outlets in their own page templates becomes one story; a different story on the same subject stays apart; search collapses the story and lists the other
 * outlet as "also reported by".
 */
class StoriesIT {

    private static final String WIRE = """
            <p>The harbour authority said on Tuesday that the north breakwater would close to walkers for six weeks
            from Monday while contractors replace storm-damaged capping stones along its outer edge.</p>
            <p>Fishing boats will still use the inner basin, and the lifeboat station keeps its slipway open throughout
            the works, which the authority expects to cost about two million pounds.</p>
            <p>Engineers found the damage after the January gales, when waves lifted several of the granite blocks and
            dropped them onto the walkway below. Two of the blocks weighed more than four tonnes each.</p>
            <p>The authority's chief engineer said the new stones would be pinned to the core of the breakwater with
            steel dowels, a method first used on the south pier in 2019, which came through the same gales intact.</p>
            <p>Walkers will be able to use a temporary path along the beach, and the authority will publish weekly
            updates on the works on its website and at the harbour office.</p>""";
    private static final String OTHER = """
            <p>Walkers on the north breakwater told the council on Thursday that they want a permanent path along the
            beach, and the harbour users' group asked for the fishing market to open an hour earlier in spring.</p>
            <p>Councillors said they would ask the harbour authority to cost both ideas before the budget meeting in
            March, and thanked the users' group for a petition signed by more than eight hundred residents.</p>
            <p>The group's chair said the market change would let boats land before the morning traffic and would
            cost nothing, while the path could be built from the spoil of the dredging planned for next year.</p>""";

    @Test
    void republishedWireCopyIsOneStoryAndSearchCollapsesIt() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        LoopbackPages.serve(site, "/post/breakwater.html", page("Harbour Post", "Breakwater to close for repairs", WIRE));
        LoopbackPages.serve(site, "/times/breakwater.html", page("Coast Times", "Breakwater closes for six weeks",
                WIRE.replaceFirst("<p>The harbour", "<p>PORT TOWN (Coast News Agency) - The harbour")));
        LoopbackPages.serve(site, "/times/path.html", page("Coast Times", "Walkers ask for a beach path", OTHER));
        LoopbackPages.serve(site, "/post/rss.xml", feed(base, "Harbour Post", List.of(base + "/post/breakwater.html"), "Tue, 24 Nov 2026 08:00:00 GMT"));
        LoopbackPages.serve(site, "/times/rss.xml", feed(base, "Coast Times", List.of(base + "/times/breakwater.html", base + "/times/path.html"),
                "Tue, 24 Nov 2026 11:30:00 GMT"));
        site.start();
        try {
            NewsflowConfig config = IsolatedRun.config("stories", List.of(
                    new FeedConfig(base + "/post/rss.xml", "Harbour Post", null, null, Map.of()),
                    new FeedConfig(base + "/times/rss.xml", "Coast Times", null, null, Map.of())));
            List<String> urls = List.of(base + "/post/breakwater.html", base + "/times/breakwater.html", base + "/times/path.html");
            try (Pipeline pipeline = new Pipeline(config, EnumSet.allOf(StageName.class)).start()) {
                Eventually.await("all three articles indexed", Duration.ofMinutes(2), Duration.ofSeconds(1),
                        () -> IsolatedRun.documentsPerId(config, urls).size() == 3,
                        () -> IsolatedRun.documentsPerId(config, urls).size() + " of 3");

                Map<String, ArticleDocument> docs = IsolatedRun.documents(config);
                String post = ArticleIds.forUrl(urls.get(0));
                String times = ArticleIds.forUrl(urls.get(1));
                String path = ArticleIds.forUrl(urls.get(2));
                // one story, headed by whichever of the two enrich saw first (the feeds are polled in any order)
                assertThat(docs.get(times).storyId()).isEqualTo(docs.get(post).storyId()).isIn(post, times);
                assertThat(docs.get(path).storyId()).isEqualTo(path);

                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + pipeline.httpPort() + "/api/search?q=breakwater&collapse=story")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode hits = Json.mapper().readTree(response.body()).get("hits");
                assertThat(hits).hasSize(2);
                String storyId = docs.get(post).storyId();
                JsonNode story = hits.get(0).get("storyId").asText().equals(storyId) ? hits.get(0) : hits.get(1);
                assertThat(story.get("alsoReportedBy")).hasSize(1);
                assertThat(story.at("/alsoReportedBy/0/source").asText())
                        .isEqualTo(story.get("source").asText().equals("Coast Times") ? "Harbour Post" : "Coast Times");
            }
        } finally {
            site.stop(0);
        }
    }


    private static String page(String outlet, String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | " + outlet + "</title></head><body>"
                + "<header><nav><a href=\"/\">" + outlet + "</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header>"
                + "<main><article><h1>" + title + "</h1>" + body + "</article>"
                + "<aside><h3>Most read</h3><ul><li><a href=\"/a\">Ferry fares rise in spring</a></li></ul></aside></main>"
                + "<footer>© " + outlet + "</footer></body></html>";
    }

    private static String feed(String base, String outlet, List<String> links, String pubDate) {
        StringBuilder items = new StringBuilder();
        for (String link : links) {
            items.append("<item><title>").append(link.substring(link.lastIndexOf('/') + 1)).append("</title><link>").append(link)
                    .append("</link><guid>").append(link).append("</guid><pubDate>").append(pubDate).append("</pubDate></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + outlet + "</title><link>" + base
                + "/</link><description>d</description>" + items + "</channel></rss>";
    }
}
