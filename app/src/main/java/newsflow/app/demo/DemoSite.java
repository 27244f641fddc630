package newsflow.app.demo;

import com.sun.net.httpserver.HttpServer;
import newsflow.common.config.FeedConfig;
import newsflow.common.server.HttpServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bundled demo news corpus (four fictional outlets: RSS 2.0, Atom 1.0, RSS 1.0/RDF and a WordPress blog)
 * served on 127.0.0.1 from an embedded JDK HTTP server (a given port, or any free one), so {@code newsflow demo}
 * needs no internet.
 *
 * <pre>{@code
 * try (DemoSite site = DemoSite.start()) {
 *     List<FeedConfig> feeds = site.feeds();   // subscribe the pipeline to these
 *     ...
 * }
 * }</pre>
 *
 * One feed item deliberately has no page (404), so enrichment has to fall back to the feed's own full text.
 */
public final class DemoSite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);

    /** The Courier item whose page the server answers 404 for; its feed item carries the full text instead. */
    static final String MISSING_ARTICLE_PATH = "/courier/2026/11/storm-warning-ferry-cancellations.html";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final DemoCorpus corpus;

    /** The {@code http.allowPrivate} entry that lets fetches reach this site, and nothing else on loopback. */
    public String allowRule() {
        return "127.0.0.1/32:" + server.getAddress().getPort();
    }

    private DemoSite(HttpServer server, ExecutorService executor, String baseUrl, DemoCorpus corpus) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.corpus = corpus;
    }

    /**
     * Renders the corpus and starts serving it on 127.0.0.1, any free port.
     *
     * @throws UncheckedIOException  when no port can be bound
     * @throws IllegalStateException when the bundled corpus is broken (the message names the file)
     */
    public static DemoSite start() {
        return start(0);
    }

    /**
     * Renders the corpus and starts serving it on 127.0.0.1 at {@code port}. A fixed port keeps the article URLs,
     * hence the article ids derived from them, the same from one run to the next; 0 takes any free port.
     *
     * @param port 0..65535; 0 = any free port
     * @throws IllegalArgumentException when the port is out of range
     * @throws UncheckedIOException     when the port cannot be bound (for example, already in use)
     * @throws IllegalStateException    when the bundled corpus is broken (the message names the file)
     */
    public static DemoSite start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("demo site: port must be 0..65535, not " + port);
        }
        HttpServer server;
        try {
            server = HttpServers.create(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(port == 0
                    ? "demo site: cannot bind a port on 127.0.0.1"
                    : "demo site: cannot bind 127.0.0.1:" + port + " (is another demo still running?)", e);
        }
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        DemoCorpus corpus;
        try {
            corpus = DemoCorpus.render(baseUrl);
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new DemoHandler(corpus.resources(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        server.start();
        log.info("Demo news site serving {} feeds and {} articles at {}", corpus.feeds().size(), corpus.articleUrls().size(), baseUrl);
        return new DemoSite(server, executor, baseUrl, corpus);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The demo feeds (display name + URL), in a fixed order. */
    public List<FeedConfig> feeds() {
        return corpus.feeds();
    }

    /** The number of distinct feed items across all demo feeds, including the one whose page is missing. */
    public int articleCount() {
        return corpus.articleUrls().size();
    }

    /** Every distinct feed item link, absolute, including the one whose page is missing. */
    public Set<String> articleUrls() {
        return corpus.articleUrls();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.info("Demo news site at {} stopped", baseUrl);
    }
}
