package newsflow.app.it;

import com.sun.net.httpserver.HttpServer;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.LoopbackPages;
import newsflow.app.testing.TestArticles;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import newsflow.common.url.ArticleIds;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second enrich instance, started after the first stopped, groups the republished copy of a wire story into the
 * story the first instance started: it learned that story from the story-state topic (one mark per article), not
 * from the articles topic, which it never reads when marks are there.
 */
class StoryStateIT {

    private static final String WIRE = """
            <p>The harbour authority said on Tuesday that the north breakwater would close to walkers for six weeks
            from Monday while contractors replace storm-damaged capping stones along its outer edge.</p>
            <p>Fishing boats will still use the inner basin, and the lifeboat station keeps its slipway open throughout
            the works, which the authority expects to cost about two million pounds.</p>
            <p>Engineers found the damage after the January gales, when waves lifted several of the granite blocks and
            dropped them onto the walkway below. Two of the blocks weighed more than four tonnes each.</p>
            <p>The authority's chief engineer said the new stones would be pinned to the core of the breakwater with
            steel dowels, a method first used on the south pier in 2019, which came through the same gales intact.</p>""";
    private static final String OTHER = """
            <p>Walkers on the north breakwater told the council on Thursday that they want a permanent path along the
            beach, and the harbour users' group asked for the fishing market to open an hour earlier in spring.</p>
            <p>Councillors said they would ask the harbour authority to cost both ideas before the budget meeting in
            March, and thanked the users' group for a petition signed by more than eight hundred residents.</p>
            <p>The group's chair said the market change would let boats land before the morning traffic and would
            cost nothing, while the path could be built from the spoil of the dredging planned for next year.</p>""";

    @Test
    void aSecondInstanceGroupsIntoTheStoryTheFirstStarted() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        LoopbackPages.serve(site, "/post/breakwater.html", page("Harbour Post", "Breakwater to close for repairs", WIRE));
        LoopbackPages.serve(site, "/times/breakwater.html", page("Coast Times", "Breakwater closes for six weeks",
                WIRE.replaceFirst("<p>The harbour", "<p>PORT TOWN (Coast News Agency) - The harbour")));
        LoopbackPages.serve(site, "/times/path.html", page("Coast Times", "Walkers ask for a beach path", OTHER));
        site.start();
        try {
            // the feed is never polled (no ingest stage): it only opens the site's port to the fetcher
            NewsflowConfig config = IsolatedRun.config("story-state",
                    List.of(new FeedConfig(base + "/rss.xml", "Site", null, null, Map.of())));
            Topics topics = Topics.from(config.kafka());
            new KafkaClients(config.kafka()).ensureTopics();
            String post = base + "/post/breakwater.html";
            String times = base + "/times/breakwater.html";
            String path = base + "/times/path.html";

            entry(config, post, Instant.parse("2026-11-24T08:00:00Z"));
            try (Pipeline first = new Pipeline(config, EnumSet.of(StageName.ENRICH)).start()) {
                Eventually.await("the first instance's article", Duration.ofMinutes(2), Duration.ofSeconds(1),
                        () -> articles(config).containsKey(ArticleIds.forUrl(post)), () -> articles(config).keySet().toString());
            }
            assertThat(articles(config).get(ArticleIds.forUrl(post)).storyId()).isEqualTo(ArticleIds.forUrl(post));

            entry(config, times, Instant.parse("2026-11-24T11:30:00Z"));
            entry(config, path, Instant.parse("2026-11-24T11:30:00Z"));
            try (Pipeline second = new Pipeline(config, EnumSet.of(StageName.ENRICH)).start()) {
                Eventually.await("the second instance's articles", Duration.ofMinutes(2), Duration.ofSeconds(1),
                        () -> articles(config).size() == 3, () -> articles(config).keySet().toString());
            }
            Map<String, Article> articles = articles(config);
            assertThat(articles.get(ArticleIds.forUrl(times)).storyId()).as("joined the first instance's story")
                    .isEqualTo(ArticleIds.forUrl(post));
            assertThat(articles.get(ArticleIds.forUrl(path)).storyId()).isEqualTo(ArticleIds.forUrl(path));
            // one mark per article, each written by the instance that grouped it: the second instance loaded the
            // first's mark and did not rebuild it from the articles topic (that would have written it again)
            assertThat(IsolatedRun.recordKeys(config, topics.storyState())).containsExactlyInAnyOrder(
                    ArticleIds.forUrl(post), ArticleIds.forUrl(times), ArticleIds.forUrl(path));
        } finally {
            site.stop(0);
        }
    }

    private static void entry(NewsflowConfig config, String url, Instant published) throws Exception {
        FeedEntry e = new FeedEntry(Schema.VERSION, ArticleIds.forUrl(url), "feed", "Site", url, url, "t", null, null,
                List.of(), published, null, List.of(), List.of(), Instant.now());
        TestArticles.produceRaw(config, Topics.from(config.kafka()).entries(), e.id(),
                new String(JsonCodec.FEED_ENTRY.encode(e), StandardCharsets.UTF_8));
    }

    private static Map<String, Article> articles(NewsflowConfig config) {
        Map<String, Article> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaClients(config.kafka()).readerWithoutGroup("it-articles")) {
            CompactedTopic.readToEnd(reader, Topics.from(config.kafka()).articles(), null, Duration.ofMinutes(1),
                    r -> found.put(r.key(), JsonCodec.ARTICLE.decode(r.value())));
        }
        return found;
    }

    private static String page(String outlet, String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | " + outlet
                + "</title></head><body><header><nav><a href=\"/\">" + outlet + "</a></nav></header><main><article><h1>"
                + title + "</h1>" + body + "</article></main><footer>© " + outlet + "</footer></body></html>";
    }
}
