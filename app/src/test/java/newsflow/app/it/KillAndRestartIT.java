package newsflow.app.it;

import com.sun.net.httpserver.HttpServer;
import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.StageProcess;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.NewsflowConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrich and index run as separate processes, as an operator runs them; both are killed with SIGKILL in the
 * middle of the run (no graceful stop, nothing flushed) and started again. Every article must end up in the
 * index exactly once: nothing lost to offsets committed too early, nothing duplicated by the replay.
 */
class KillAndRestartIT {

    /**
     * Enough articles, each page answered slowly, that the run is still going when the kill comes: about 24 s of
     * page fetches at concurrency 1, longer than a loaded machine takes to make a new index searchable.
     */
    private static final int ARTICLES = 40;
    private static final Duration PAGE_DELAY = Duration.ofMillis(600);

    private final List<Process> processes = new ArrayList<>();
    private HttpServer site;
    private Pipeline ingest;

    @Test
    void killedEnrichAndIndexLoseAndDuplicateNothing() throws Exception {
        site = slowSite();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        List<String> urls = IntStream.rangeClosed(1, ARTICLES).mapToObj(i -> base + "/news/" + i + ".html").toList();
        NewsflowConfig config = IsolatedRun.config("kill", List.of(new FeedConfig(base + "/feed.xml", "Slow Gazette", null, null, Map.of())));
        Path dir = Path.of(config.dataDir());
        Path yaml = dir.resolve("newsflow.yaml");
        Files.writeString(yaml, yaml(config));

        ingest = new Pipeline(config, EnumSet.of(StageName.INGEST)).start();
        Process enrich = stage("enrich", yaml, dir.resolve("enrich-1.log"));
        Process index = stage("index", yaml, dir.resolve("index-1.log"));

        Eventually.await("the first articles indexed", Duration.ofMinutes(2), Duration.ofMillis(100),
                () -> IsolatedRun.documentsPerId(config, urls).size() >= 5,
                () -> IsolatedRun.documentsPerId(config, urls).size() + " indexed; logs in " + dir);
        enrich.destroyForcibly();
        index.destroyForcibly();
        assertThat(enrich.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(index.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int atKill = IsolatedRun.documentsPerId(config, urls).size();
        assertThat(atKill).as("indexed when the stages were killed: the kill must come mid-run").isLessThan(ARTICLES);

        stage("enrich", yaml, dir.resolve("enrich-2.log"));
        stage("index", yaml, dir.resolve("index-2.log"));
        Eventually.await("all articles indexed after the restart", Duration.ofMinutes(3), Duration.ofSeconds(1),
                () -> IsolatedRun.documentsPerId(config, urls).size() == ARTICLES,
                () -> IsolatedRun.documentsPerId(config, urls).size() + " of " + ARTICLES + " (" + atKill + " at the kill); logs in " + dir);

        Map<String, Long> perId = IsolatedRun.documentsPerId(config, urls);
        assertThat(perId).hasSize(ARTICLES);
        assertThat(perId.entrySet()).allSatisfy(e -> assertThat(e.getValue()).as("copies of %s", e.getKey()).isEqualTo(1L));
        assertThat(IsolatedRun.documents(config)).hasSize(ARTICLES);
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (ingest != null) {
            ingest.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    private Process stage(String stage, Path yaml, Path log) {
        Process process = StageProcess.start(stage, yaml, log);
        processes.add(process);
        return process;
    }

    private static String yaml(NewsflowConfig config) {
        return """
                dataDir: %s
                kafka:
                  bootstrapServers: "%s"
                  topicPrefix: "%s"
                  groupPrefix: "%s"
                  properties:
                    # a killed consumer holds its partitions until its session times out (45 s by default):
                    # the restarted instance would wait that long before it gets them back
                    session.timeout.ms: "6000"
                elasticsearch:
                  url: "%s"
                  index: "%s"
                  bulkActions: 5
                http:
                  allowPrivate: [%s]   # the slow site's loopback port, nothing else
                enrich:
                  concurrency: 1
                  # every page is on 127.0.0.1: per-host politeness would add a second per article
                  perHostDelay: 0s
                server:
                  port: 0
                """.formatted(config.dataDir(), config.kafka().bootstrapServers(), config.kafka().topicPrefix(),
                config.kafka().groupPrefix(), config.elasticsearch().url(), config.elasticsearch().index(),
                config.http().allowPrivate().stream().map(rule -> '"' + rule + '"').collect(Collectors.joining(", ")));
    }

    /** A feed of {@link #ARTICLES} items whose pages each take {@link #PAGE_DELAY} to answer. */
    private static HttpServer slowSite() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String items = IntStream.rangeClosed(1, ARTICLES).mapToObj(i -> """
                <item><title>Harbour report number %1$d</title><link>%2$s/news/%1$d.html</link>
                <guid>%2$s/news/%1$d.html</guid><pubDate>Tue, 24 Nov 2026 10:%1$02d:00 GMT</pubDate>
                <description>Short summary of report %1$d.</description></item>""".formatted(i, base))
                .collect(Collectors.joining("\n"));
        byte[] feed = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Slow Gazette</title>"
                + "<link>" + base + "/</link><description>test</description>" + items + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/feed.xml", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, feed.length);
            try (var out = ex.getResponseBody()) {
                out.write(feed);
            }
        });
        server.createContext("/news/", ex -> {
            String n = ex.getRequestURI().getPath().replaceAll("\\D", "");
            byte[] page = page(n).getBytes(StandardCharsets.UTF_8);
            try {
                Thread.sleep(PAGE_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            try (var out = ex.getResponseBody()) {
                out.write(page);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private static String page(String n) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour report number %1$s</title></head>
                <body><nav><a href="/">Home</a> <a href="/news/">News</a></nav>
                <article><h1>Harbour report number %1$s</h1>
                <p>The harbour master published report number %1$s on Tuesday, describing the week's arrivals, the
                state of the outer breakwater and the dredging work planned for the spring tides.</p>
                <p>Pilots boarded forty-two vessels during the week, and the container berth handled two late ships
                that had waited out the gale in the bay before the wind dropped on Sunday evening.</p>
                <p>Repairs to the north pier lights are expected to finish before the end of the month, the report
                said, after parts delayed by the storm finally arrived from the supplier.</p>
                </article><footer>Slow Gazette</footer></body></html>
                """.formatted(n);
    }
}
