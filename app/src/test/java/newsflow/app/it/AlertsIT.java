package newsflow.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Cli;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.LoopbackPages;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.KafkaConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.url.ArticleIds;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.parse.ParsedFeed;
import newsflow.ingest.registry.FeedRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved searches against the real stack: created through the API, an article that matches flows through the whole
 * pipeline and reaches a loopback webhook (signed, verified here) and the saved search's Atom feed, one that does
 * not match produces nothing, and neither a replay of the article nor a restart of the alerts stage with its
 * consumer offsets lost delivers anything twice. Also the API's and the CLI's input checks.
 */
class AlertsIT {

    private static final String SECRET = "it-secret-0123456789";
    private static final String MATCHING = """
            <p>The harbour authority said on Tuesday that the north breakwater would close to walkers for six weeks
            from Monday while contractors replace storm-damaged capping stones along its outer edge.</p>
            <p>Fishing boats will still use the inner basin, and the lifeboat station keeps its slipway open throughout
            the works, which the authority expects to cost about two million pounds.</p>
            <p>Engineers found the damage after the January gales, when waves lifted several of the granite blocks.</p>""";
    private static final String OTHER = """
            <p>The county library will open on Sunday afternoons from March, the council said on Wednesday, after a
            petition signed by more than eight hundred readers asked for longer opening hours.</p>
            <p>Volunteers from the reading group will staff the desk, and the cafe on the ground floor will stay open
            until five, the librarian told the council's culture committee.</p>""";

    private record Delivery(String signature, String alertId, byte[] body) {
    }

    @Test
    void aMatchReachesTheWebhookAndTheFeedOnceAcrossReplaysAndRestarts() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        LoopbackPages.serve(site, "/news/breakwater.html", page("Breakwater to close for repairs", MATCHING));
        LoopbackPages.serve(site, "/news/library.html", page("Library to open on Sundays", OTHER));
        LoopbackPages.serve(site, "/news/rss.xml", feed(base, List.of(base + "/news/breakwater.html", base + "/news/library.html")));
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        List<Delivery> wrongDeliveries = new CopyOnWriteArrayList<>();
        receive(hook, "/hook", deliveries);
        receive(hook, "/other-hook", wrongDeliveries);
        site.start();
        hook.start();
        String hookBase = "http://127.0.0.1:" + hook.getAddress().getPort();
        try {
            NewsflowConfig isolated = IsolatedRun.config("alerts", List.of());
            NewsflowConfig config = isolated.withHttp(isolated.http()
                    .allowingLoopbackPort(site.getAddress().getPort()).allowingLoopbackPort(hook.getAddress().getPort()));
            String matchingId = ArticleIds.forUrl(base + "/news/breakwater.html");
            String searchId;
            String quietId;
            try (Pipeline pipeline = new Pipeline(config, EnumSet.allOf(StageName.class)).start()) {
                Api api = new Api(pipeline.httpPort());
                HttpResponse<String> created = api.send("POST", "/api/saved-searches", "application/json", """
                        {"name": "Harbour works", "query": "breakwater AND (harbour OR harbor) -volcano",
                         "filters": {"lang": ["en"]}, "webhook": "%s/hook", "secret": "%s"}""".formatted(hookBase, SECRET));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                JsonNode saved = Json.mapper().readTree(created.body());
                searchId = saved.get("id").asText();
                assertThat(saved.get("signed").asBoolean()).isTrue();
                assertThat(created.body()).doesNotContain(SECRET);
                assertThat(saved.get("feed").asText()).isEqualTo("/feeds/saved/" + searchId + ".atom");
                assertThat(created.headers().firstValue("Location")).contains("/api/saved-searches/" + searchId);
                HttpResponse<String> quiet = api.send("POST", "/api/saved-searches", "application/json", """
                        {"name": "Volcanoes", "query": "title:volcano*", "webhook": "%s/other-hook"}""".formatted(hookBase));
                assertThat(quiet.statusCode()).as(quiet.body()).isEqualTo(201);
                quietId = Json.mapper().readTree(quiet.body()).get("id").asText();

                // the feed appears only now: both articles are new to the saved searches
                try (FeedRegistry registry = FeedRegistry.create(new KafkaClients(config.kafka()), Duration.ofSeconds(30))) {
                    registry.load();
                    registry.put(new FeedConfig(base + "/news/rss.xml", "Harbour Post", null, null, Map.of()));
                }
                Eventually.await("the matching article delivered to the webhook", Duration.ofMinutes(3), Duration.ofMillis(500),
                        () -> !deliveries.isEmpty(), () -> deliveries.size() + " deliveries");
                Delivery d = deliveries.getFirst();
                assertThat(d.signature()).isEqualTo("sha256=" + hmac(SECRET, d.body()));
                assertThat(d.alertId()).isEqualTo(searchId + ":" + matchingId);
                JsonNode payload = Json.mapper().readTree(d.body());
                assertThat(payload.get("type").asText()).isEqualTo("newsflow.alert");
                assertThat(payload.at("/savedSearch/id").asText()).isEqualTo(searchId);
                assertThat(payload.at("/article/id").asText()).isEqualTo(matchingId);
                assertThat(payload.at("/article/title").asText()).isEqualTo("Breakwater to close for repairs");
                assertThat(payload.at("/article/url").asText()).isEqualTo(base + "/news/breakwater.html");

                // both articles indexed, and the alerts stage past both of them: the other one matched nothing
                Eventually.await("both articles indexed", Duration.ofMinutes(2), Duration.ofSeconds(1),
                        () -> IsolatedRun.documentsPerId(config, List.of(base + "/news/breakwater.html", base + "/news/library.html")).size() == 2,
                        () -> "not yet");
                awaitConsumed(config, "alerts", config.kafka().topicPrefix() + "articles");
                awaitConsumed(config, "alert-delivery", config.kafka().topicPrefix() + "alerts");
                assertThat(alertKeys(config)).containsExactly(searchId + ":" + matchingId);
                assertThat(wrongDeliveries).isEmpty();

                ParsedFeed atom = atom(api, searchId);
                assertThat(atom.format()).containsIgnoringCase("atom");
                assertThat(atom.items()).hasSize(1);
                assertThat(atom.items().getFirst().link()).isEqualTo(base + "/news/breakwater.html");
                assertThat(atom.items().getFirst().title()).isEqualTo("Breakwater to close for repairs");
                assertThat(atom(api, quietId).items()).isEmpty();

                // the local node (integ-test-zip) has no percolator module: the stage says it matches in-process
                String metrics = api.send("GET", "/metrics", null, null).body();
                assertThat(metrics).contains("newsflow_alerts_matching_starts_total{path=\"in-process\",percolator=\"absent\"}")
                        .doesNotContain("percolator=\"present\"", "percolator=\"unknown\"");
            }
            assertThat(deliveries).hasSize(1);

            // replay: the matching article comes back on the articles topic, and the alerts stage starts again with
            // its consumer offsets lost (a new group), so it reads every article and every alert once more
            republish(config, matchingId);
            KafkaConfig k = config.kafka();
            NewsflowConfig restarted = config.withKafka(new KafkaConfig(k.bootstrapServers(), k.topicPrefix(), k.partitions(),
                    k.replicationFactor(), k.groupPrefix() + "again-", k.properties()));
            try (Pipeline alertsOnly = new Pipeline(restarted, EnumSet.of(StageName.ALERTS, StageName.SEARCH)).start()) {
                awaitConsumed(restarted, "alerts", k.topicPrefix() + "articles");
                awaitConsumed(restarted, "alert-delivery", k.topicPrefix() + "alerts");
                assertThat(alertKeys(restarted)).containsExactly(searchId + ":" + matchingId);
                assertThat(atom(new Api(alertsOnly.httpPort()), searchId).items()).hasSize(1);
            }
            assertThat(deliveries).as("nothing delivered twice").hasSize(1);
            assertThat(wrongDeliveries).isEmpty();
        } finally {
            site.stop(0);
            hook.stop(0);
        }
    }

    @Test
    void theApiAndTheCliCheckWhatTheyAreGiven() throws Exception {
        NewsflowConfig config = IsolatedRun.config("alerts-api", List.of());
        try (Pipeline pipeline = new Pipeline(config, EnumSet.of(StageName.SEARCH)).start()) {
            Api api = new Api(pipeline.httpPort());
            String good = "{\"name\": \"Water\", \"query\": \"\\\"water rights\\\"\", \"filters\": {\"topic\": \"politics\"}}";
            // what a cross-site form can send is refused before anything is read
            assertThat(api.send("POST", "/api/saved-searches", "application/x-www-form-urlencoded", good).statusCode()).isEqualTo(415);
            assertThat(api.send("POST", "/api/saved-searches", "text/plain", good).statusCode()).isEqualTo(415);
            HttpResponse<String> syntax = api.send("POST", "/api/saved-searches", "application/json",
                    "{\"name\": \"Bad\", \"query\": \"water AND (rights\"}");
            assertThat(syntax.statusCode()).isEqualTo(400);
            assertThat(Json.mapper().readTree(syntax.body()).has("position")).as(syntax.body()).isTrue();
            HttpResponse<String> unknown = api.send("POST", "/api/saved-searches", "application/json",
                    "{\"name\": \"Bad\", \"query\": \"water\", \"webhok\": \"http://x\"}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("unknown field 'webhok'");
            assertThat(api.send("POST", "/api/saved-searches", "application/json", "{\"name\": \"All\"}").body())
                    .contains("give a 'query' or at least one filter");
            assertThat(api.send("POST", "/api/saved-searches", "application/json", "{not json").statusCode()).isEqualTo(400);
            String huge = "{\"name\": \"" + "x".repeat(config.alerts().maxRequestBytes()) + "\"}";
            assertThat(api.send("POST", "/api/saved-searches", "application/json", huge).statusCode()).isEqualTo(413);

            HttpResponse<String> created = api.send("POST", "/api/saved-searches", "application/json", good);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Json.mapper().readTree(created.body()).get("id").asText();
            HttpResponse<String> updated = api.send("PUT", "/api/saved-searches/" + id, "application/json",
                    "{\"name\": \"Water rights\", \"query\": \"water\"}");
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(api.send("GET", "/api/saved-searches/" + id, null, null).body())
                    .get("name").asText()).isEqualTo("Water rights");
            JsonNode list = Json.mapper().readTree(api.send("GET", "/api/saved-searches", null, null).body());
            assertThat(list.get("savedSearches")).hasSize(1);

            // the CLI writes the same topic with the same checks
            Path yaml = Path.of(config.dataDir()).resolve("cli.yaml");
            Files.writeString(yaml, "kafka:\n  bootstrapServers: \"" + config.kafka().bootstrapServers() + "\"\n  topicPrefix: \""
                    + config.kafka().topicPrefix() + "\"\n");
            Cli.Run added = Cli.run(yaml, "alerts", "add", "Floods", "--query", "flood* AND NOT title:drill", "--topic", "weather");
            assertThat(added.exit()).as(added.out()).isZero();
            assertThat(Cli.run(yaml, "alerts", "add", "Broken", "--query", "\"unclosed").exit()).isNotZero();
            Cli.Run listed = Cli.run(yaml, "alerts", "list");
            assertThat(listed.out()).contains("Floods", "Water rights", "2 saved searches");
            String floodsId = added.out().split("\\s+")[1];
            assertThat(Cli.run(yaml, "alerts", "update", floodsId, "--name", "Floods and storms").exit()).isZero();
            assertThat(Json.mapper().readTree(api.send("GET", "/api/saved-searches/" + floodsId, null, null).body())
                    .get("name").asText()).isEqualTo("Floods and storms");
            assertThat(Cli.run(yaml, "alerts", "remove", floodsId).exit()).isZero();

            assertThat(api.send("DELETE", "/api/saved-searches/" + id, null, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", "/api/saved-searches/" + id, null, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/feeds/saved/" + id + ".atom", null, null).statusCode()).isEqualTo(404);
            assertThat(Json.mapper().readTree(api.send("GET", "/api/saved-searches", null, null).body())
                    .get("savedSearches")).isEmpty();
        }
    }

    /** The local API of a running pipeline. */
    private record Api(int port) {
        HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** The saved search's Atom feed, read by ingest's own feed parser: it must be a feed any reader takes. */
    private static ParsedFeed atom(Api api, String id) throws Exception {
        HttpResponse<String> response = api.send("GET", "/feeds/saved/" + id + ".atom", null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        return new FeedParser(100).parse(response.body().getBytes(StandardCharsets.UTF_8), "application/atom+xml",
                "http://127.0.0.1:" + api.port() + "/feeds/saved/" + id + ".atom");
    }

    /** Waits until the group (its stage's) has committed the end of every partition of the topic. */
    private static void awaitConsumed(NewsflowConfig config, String stage, String topic) {
        String group = config.kafka().groupPrefix() + stage;
        Eventually.await(group + " past the end of " + topic, Duration.ofMinutes(2), Duration.ofMillis(500),
                () -> lag(config, group, topic) == 0, () -> "lag " + lag(config, group, topic));
    }

    private static long lag(NewsflowConfig config, String group, String topic) {
        try (Admin admin = new KafkaClients(config.kafka()).admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> alertKeys(NewsflowConfig config) {
        return IsolatedRun.recordKeys(config, config.kafka().topicPrefix() + "alerts");
    }

    /** Writes the article's latest record to the articles topic again, as a replay or a retag would. */
    private static void republish(NewsflowConfig config, String articleId) throws Exception {
        KafkaClients kafka = new KafkaClients(config.kafka());
        String topic = kafka.topics().articles();
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = kafka.readerWithoutGroup("it-republish")) {
            CompactedTopic.readToEnd(reader, topic, null, Duration.ofMinutes(1), r -> {
                if (articleId.equals(r.key())) {
                    found.add(r);
                }
            });
        }
        assertThat(found).isNotEmpty();
        try (KafkaProducer<String, byte[]> producer = kafka.bytesProducer("it-republish")) {
            producer.send(new ProducerRecord<>(topic, articleId, found.getLast().value())).get(30, TimeUnit.SECONDS);
        }
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static void receive(HttpServer hook, String path, List<Delivery> into) {
        hook.createContext(path, ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            into.add(new Delivery(ex.getRequestHeaders().getFirst("X-Newsflow-Signature"),
                    ex.getRequestHeaders().getFirst("X-Newsflow-Alert-Id"), body));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
    }



    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | Harbour Post</title></head><body>"
                + "<header><nav><a href=\"/\">Harbour Post</a> <a href=\"/news\">News</a></nav></header>"
                + "<main><article><h1>" + title + "</h1>" + body + "</article></main><footer>© Harbour Post</footer></body></html>";
    }

    private static String feed(String base, List<String> links) {
        StringBuilder items = new StringBuilder();
        for (String link : links) {
            items.append("<item><title>").append(link.substring(link.lastIndexOf('/') + 1)).append("</title><link>").append(link)
                    .append("</link><guid>").append(link).append("</guid><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Post</title><link>" + base
                + "/</link><description>d</description>" + items + "</channel></rss>";
    }
}
