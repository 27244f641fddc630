package newsflow.common.config;

/**
 * @param url        node URL, for example {@code http://localhost:9200}; empty means "start the embedded local node"
 * @param username   basic-auth user, empty for none
 * @param password   basic-auth password
 * @param apiKey     API key (takes precedence over basic auth), empty for none
 * @param index      the alias analysts and dashboards query; concrete indices are named after it
 * @param shards     primary shards of new indices
 * @param replicas   replicas of new indices
 * @param bulkActions documents per bulk request at most
 */
public record ElasticsearchConfig(
        String url,
        String username,
        String password,
        String apiKey,
        String index,
        int shards,
        int replicas,
        int bulkActions) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public ElasticsearchConfig withUrl(String newUrl) {
        return new ElasticsearchConfig(newUrl, username, password, apiKey, index, shards, replicas, bulkActions);
    }
}
