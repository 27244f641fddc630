package newsflow.index.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.json.Json;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The one place an Elasticsearch client is built (index and search both use it). */
public final class ElasticsearchClients {

    /** How long to wait for a TCP connection: a node that does not accept within this is treated as down. */
    static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    /**
     * How long to wait for a response. Generous because a bulk request of several hundred articles can take a
     * while on a busy node; a timeout is retried by the indexer, so too short would only duplicate work.
     */
    static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(60);

    private ElasticsearchClients() {
    }

    /**
     * A client for the configured node(s). {@code url} may list several nodes separated by commas. API key
     * authentication takes precedence over basic auth. The caller closes the client.
     *
     * @throws IllegalArgumentException when the URL is empty (the embedded node has not been started) or malformed
     */
    public static ElasticsearchClient create(ElasticsearchConfig config) {
        return create(config, RESPONSE_TIMEOUT);
    }

    /**
     * A client that gives up on a response after {@code responseTimeout}: search uses its own deadline
     * ({@code search.timeout}), far shorter than bulk indexing needs. Giving up closes the connection, which makes
     * Elasticsearch cancel the search.
     */
    public static ElasticsearchClient create(ElasticsearchConfig config, java.time.Duration responseTimeout) {
        return create(config, Timeout.ofMilliseconds(responseTimeout.toMillis()));
    }

    private static ElasticsearchClient create(ElasticsearchConfig config, Timeout responseTimeout) {
        BlockingHttpClient http = new BlockingHttpClient(nodes(config.url()), authHeaders(config), CONNECT_TIMEOUT,
                responseTimeout, config.compression(), BlockingHttpClient.MAX_ANSWER_BYTES);
        // A copy: the client's mapper reconfigures the ObjectMapper it is given, and the shared one must not change.
        JacksonJsonpMapper mapper = new JacksonJsonpMapper(Json.mapper().copy());
        return new ElasticsearchClient(new BlockingTransport(http, new DefaultTransportOptions(), mapper));
    }

    static List<URI> nodes(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("elasticsearch.url is empty: start the local stack first or configure a node URL");
        }
        List<URI> nodes = new ArrayList<>();
        for (String part : url.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("elasticsearch.url has a malformed node URL '" + trimmed + "': " + e.getMessage(), e);
            }
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("elasticsearch.url node '" + trimmed + "' must look like http(s)://host:port");
            }
            nodes.add(uri);
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("elasticsearch.url '" + url + "' names no node");
        }
        return nodes;
    }

    static Header[] authHeaders(ElasticsearchConfig config) {
        if (notBlank(config.apiKey())) {
            return new Header[] {new BasicHeader("Authorization", "ApiKey " + config.apiKey().trim())};
        }
        if (notBlank(config.username())) {
            String password = config.password() == null ? "" : config.password();
            String token = Base64.getEncoder().encodeToString(
                    (config.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new Header[] {new BasicHeader("Authorization", "Basic " + token)};
        }
        return new Header[0];
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
