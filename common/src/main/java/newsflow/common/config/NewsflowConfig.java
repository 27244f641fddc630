package newsflow.common.config;

import java.util.List;

/**
 * The whole configuration, read by {@link ConfigLoader} from YAML with environment overrides.
 *
 * @param dataDir    where the embedded local stack keeps broker and node data
 * @param localStack ports of the embedded local stack
 * @param websub     WebSub push subscriptions for ingest
 * @param search     limits of the search API
 * @param health     watching Kafka and Elasticsearch at start-up and while running
 * @param alerts     saved searches and their alerts
 */
public record NewsflowConfig(
        String dataDir,
        KafkaConfig kafka,
        ElasticsearchConfig elasticsearch,
        HttpConfig http,
        IngestConfig ingest,
        List<FeedConfig> feeds,
        EnrichConfig enrich,
        ServerConfig server,
        LocalStackConfig localStack,
        WebSubConfig websub,
        SearchConfig search,
        HealthConfig health,
        AlertsConfig alerts) {

    public NewsflowConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        search = search == null ? SearchConfig.DEFAULTS : search;
        health = health == null ? HealthConfig.defaults() : health;
        alerts = alerts == null ? AlertsConfig.DEFAULTS : alerts;
    }

    public NewsflowConfig withDataDir(String d) {
        return new NewsflowConfig(d, kafka, elasticsearch, http, ingest, feeds, enrich, server, localStack, websub, search, health, alerts);
    }

    public NewsflowConfig withKafka(KafkaConfig k) {
        return new NewsflowConfig(dataDir, k, elasticsearch, http, ingest, feeds, enrich, server, localStack, websub, search, health, alerts);
    }

    public NewsflowConfig withElasticsearch(ElasticsearchConfig e) {
        return new NewsflowConfig(dataDir, kafka, e, http, ingest, feeds, enrich, server, localStack, websub, search, health, alerts);
    }

    public NewsflowConfig withFeeds(List<FeedConfig> f) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, f, enrich, server, localStack, websub, search, health, alerts);
    }

    public NewsflowConfig withHttp(HttpConfig h) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, h, ingest, feeds, enrich, server, localStack, websub, search, health, alerts);
    }

    public NewsflowConfig withEnrich(EnrichConfig e) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, e, server, localStack, websub, search, health, alerts);
    }

    public NewsflowConfig withServer(ServerConfig s) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, enrich, s, localStack, websub, search, health, alerts);
    }

    public NewsflowConfig withLocalStack(LocalStackConfig l) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, enrich, server, l, websub, search, health, alerts);
    }

    public NewsflowConfig withSearch(SearchConfig s) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, enrich, server, localStack, websub, s, health, alerts);
    }

    public NewsflowConfig withHealth(HealthConfig h) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, enrich, server, localStack, websub, search, h, alerts);
    }

    public NewsflowConfig withAlerts(AlertsConfig a) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, enrich, server, localStack, websub, search, health, a);
    }
}
