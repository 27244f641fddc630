package newsflow.lab.chaos;

import newsflow.common.config.ConfigLoader;
import newsflow.common.config.HttpConfig;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.HttpFetcher;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.FeedParsing;
import newsflow.ingest.parse.FeedParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chaos site serves what the run's check expects, and its hostile pages are refused or cut off by the fetch layer. */
class ChaosSiteTest {

    private static final int ARTICLES = 150;

    private InternalServer internal;
    private ChaosSite site;
    private HttpFetcher http;
    /** The trickling page is cut off by the deadline: a short one keeps the test short. */
    private HttpFetcher shortDeadline;

    @BeforeEach
    void start() throws Exception {
        internal = InternalServer.start();
        site = ChaosSite.start(ARTICLES, 2, 1000, internal.port(), 3);
        HttpConfig config = ConfigLoader.defaults().http().withAllowPrivate(List.of("127.0.0.1/32:" + site.port()));
        http = new HttpFetcher(config);
        shortDeadline = new HttpFetcher(config.withTotalTimeout(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        http.close();
        shortDeadline.close();
        site.close();
        internal.close();
    }

    @Test
    void everyArticleIsAnEntryOfItsFeedWithTheIdIngestGivesIt() throws Exception {
        FeedParser parser = new FeedParser(500, 10 << 20);
        Map<String, FeedEntry> entries = site.feedUrls().stream()
                .filter(u -> !u.contains("/feeds/hostile-"))
                .flatMap(u -> {
                    try {
                        return FeedParsing.parseUrlOrFile(u, http, parser).stream();
                    } catch (Exception e) {
                        throw new AssertionError(u, e);
                    }
                })
                .collect(Collectors.toMap(FeedEntry::id, Function.identity()));

        List<ChaosArticle> articles = site.articles();
        assertThat(articles).hasSize(ARTICLES + 2 * HostileKind.values().length);
        assertThat(articles).allSatisfy(a -> assertThat(entries).as(a.url()).containsKey(a.id()));
        assertThat(entries).hasSize(articles.size());
        assertThat(articles.stream().map(ChaosArticle::token).collect(Collectors.toSet())).hasSize(articles.size());
    }

    @Test
    void legitimatePagesCarryDistinctText() throws Exception {
        String first = page(site.articles().get(0).url());
        String second = page(site.articles().get(1).url());

        assertThat(first).contains("L000000").contains("<article>");
        assertThat(second).contains("L000001");
        assertThat(first.substring(first.indexOf("<p>"))).isNotEqualTo(second.substring(second.indexOf("<p>")));
    }

    @Test
    void hostilePagesAreRefusedOrCutOffAndTheInternalServerIsNeverReached() {
        Map<HostileKind, FetchException.Kind> expected = Map.of(
                HostileKind.INTERNAL_DIRECT, FetchException.Kind.REFUSED,
                HostileKind.INTERNAL_REDIRECT, FetchException.Kind.REFUSED,
                HostileKind.INTERNAL_IPV6, FetchException.Kind.REFUSED,
                HostileKind.METADATA, FetchException.Kind.REFUSED,
                HostileKind.TRICKLE_PAGE, FetchException.Kind.DEADLINE,
                HostileKind.GZIP_BOMB, FetchException.Kind.TOO_LARGE,
                HostileKind.OVERSIZE, FetchException.Kind.TOO_LARGE);
        for (ChaosArticle a : site.articles()) {
            if (a.kind() != null && expected.containsKey(a.kind())) {
                HttpFetcher fetcher = a.kind() == HostileKind.TRICKLE_PAGE ? shortDeadline : http;
                assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(a.url()))).as(a.url())
                        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(expected.get(a.kind())));
            }
        }
        assertThat(internal.requests()).isEmpty();
        assertThat(site.requests()).containsKeys("hostile/internal-redirect", "hostile/trickle-page", "hostile/gzip-bomb", "hostile/oversize");
    }

    @Test
    void hostileFeedsAreServedAndTheirContentNeverReachesTheInternalServer() {
        Set<String> failed = new java.util.TreeSet<>();
        for (String name : ChaosSite.HOSTILE_FEEDS) {
            try {
                FeedParsing.parseUrlOrFile(site.hostileFeedUrl(name), shortDeadline, new FeedParser(500, 10 << 20));
            } catch (Exception e) {
                failed.add(name);
            }
        }

        assertThat(failed).as("every hostile feed is refused by the fetch layer or the parser")
                .containsExactlyInAnyOrderElementsOf(ChaosSite.HOSTILE_FEEDS);
        assertThat(internal.requests()).isEmpty();
    }

    private String page(String url) throws FetchException {
        return new String(http.fetch(FetchRequest.get(url)).body(), StandardCharsets.UTF_8);
    }
}
