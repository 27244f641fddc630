package newsflow.lab.bench;

import newsflow.common.config.ConfigLoader;
import newsflow.common.http.FetchException;
import newsflow.common.http.FetchRequest;
import newsflow.common.http.FetchResponse;
import newsflow.common.http.HttpFetcher;
import newsflow.common.model.FeedEntry;
import newsflow.ingest.parse.FeedParser;
import newsflow.ingest.parse.ParsedFeed;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedFeedServerTest {

    private static FetchResponse get(HttpFetcher http, String url, String etag) throws FetchException {
        return http.fetch(new FetchRequest(URI.create(url), null, Map.of(), etag, null));
    }

    @Test
    void feedsLiveOnDistinctLoopbackHostsAndChangeEverySecondRequest() throws Exception {
        try (SimulatedFeedServer server = new SimulatedFeedServer(6, 3, 2, 2);
             // the simulated hosts are spread over loopback addresses
             HttpFetcher http = new HttpFetcher(ConfigLoader.defaults().http().withAllowPrivate(java.util.List.of("127.0.0.0/8")))) {
            assertThat(server.feedUrl(4)).startsWith("http://127.1.0.2:").endsWith("/feed/4.xml");
            assertThat(server.feedUrl(5)).startsWith("http://127.1.0.3:");

            FeedParser parser = new FeedParser(500);
            FetchResponse first = get(http, server.feedUrl(4), null);
            assertThat(first.status()).isEqualTo(200);
            ParsedFeed v0 = parser.parse(first.body(), first.contentType(), server.feedUrl(4));
            assertThat(v0.items()).hasSize(10);

            FetchResponse second = get(http, server.feedUrl(4), first.etag());
            assertThat(second.notModified()).isTrue();

            FetchResponse third = get(http, server.feedUrl(4), second.etag());
            assertThat(third.status()).isEqualTo(200);
            List<String> ids = parser.parse(third.body(), third.contentType(), server.feedUrl(4)).items().stream()
                    .map(FeedEntry::guid).toList();
            assertThat(ids).first().isEqualTo("bench-4-10");
            assertThat(ids).doesNotContain("bench-4-0").hasSize(10);

            assertThat(server.responses()).containsExactly(2, 1, 0);
            assertThat(server.maxConcurrentPerHost()).isEqualTo(1);
        }
    }

    @Test
    void aFeedAskedOfAnotherHostIsNotFound() throws Exception {
        try (SimulatedFeedServer server = new SimulatedFeedServer(6, 3, 2, 2);
             // the simulated hosts are spread over loopback addresses
             HttpFetcher http = new HttpFetcher(ConfigLoader.defaults().http().withAllowPrivate(java.util.List.of("127.0.0.0/8")))) {
            String wrongHost = server.feedUrl(4).replace("/feed/4.xml", "/feed/5.xml");
            assertThatThrownBy(() -> get(http, wrongHost, null)).isInstanceOf(FetchException.class).hasMessageContaining("404");
            assertThat(server.responses()).containsExactly(0, 0, 1);
        }
    }
}
