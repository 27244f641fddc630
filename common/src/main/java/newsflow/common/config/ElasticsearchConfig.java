package newsflow.common.config;

import java.time.Duration;

/**
 * @param url             node URL, for example {@code http://localhost:9200}; empty means "start the embedded local node"
 * @param username        basic-auth user, empty for none
 * @param password        basic-auth password
 * @param apiKey          API key (takes precedence over basic auth), empty for none
 * @param index           the alias analysts and dashboards query; concrete indices are named after it
 * @param shards          primary shards of new indices
 * @param replicas        replicas of new indices
 * @param bulkActions     documents per bulk request at most
 * @param bulkLinger      under load, the index stage holds the next bulk until this long after the previous one
 *                        started, so it carries what arrived meanwhile (docs/index.md, Bulk sizes and freshness)
 * @param refreshInterval how soon a written document becomes searchable ({@code refresh_interval} of new indices)
 * @param compression     gzip request bodies and ask for gzip answers: worth it only across a slow or metered link
 *                        (on loopback or a LAN both ends pay CPU for nothing); null means off
 */
public record ElasticsearchConfig(
        String url,
        String username,
        String password,
        String apiKey,
        String index,
        int shards,
        int replicas,
        int bulkActions,
        Duration bulkLinger,
        Duration refreshInterval,
        Boolean compression) {

    /** The default linger: see docs/configuration.md. */
    public static final Duration DEFAULT_BULK_LINGER = Duration.ofMillis(250);
    /** The default refresh interval: see docs/configuration.md. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);

    public ElasticsearchConfig {
        bulkLinger = bulkLinger == null ? DEFAULT_BULK_LINGER : bulkLinger;
        refreshInterval = refreshInterval == null ? DEFAULT_REFRESH_INTERVAL : refreshInterval;
        compression = compression != null && compression;
    }

    /** With the default bulk linger and refresh interval. */
    public ElasticsearchConfig(String url, String username, String password, String apiKey, String index, int shards,
                               int replicas, int bulkActions) {
        this(url, username, password, apiKey, index, shards, replicas, bulkActions, null, null, null);
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public ElasticsearchConfig withUrl(String newUrl) {
        return new ElasticsearchConfig(newUrl, username, password, apiKey, index, shards, replicas, bulkActions,
                bulkLinger, refreshInterval, compression);
    }
}
