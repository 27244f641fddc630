package newsflow.common.config;

import java.util.List;

/**
 * The whole configuration, read by {@link ConfigLoader} from YAML with environment overrides.
 *
 * @param dataDir    where the embedded local stack keeps broker and node data
 * @param localStack ports of the embedded local stack
 * @param websub     WebSub push subscriptions for ingest
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
        WebSubConfig websub) {

    public NewsflowConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    public NewsflowConfig withDataDir(String d) {
        return new NewsflowConfig(d, kafka, elasticsearch, http, ingest, feeds, enrich, server, localStack, websub);
    }

    public NewsflowConfig withKafka(KafkaConfig k) {
        return new NewsflowConfig(dataDir, k, elasticsearch, http, ingest, feeds, enrich, server, localStack, websub);
    }

    public NewsflowConfig withElasticsearch(ElasticsearchConfig e) {
        return new NewsflowConfig(dataDir, kafka, e, http, ingest, feeds, enrich, server, localStack, websub);
    }

    public NewsflowConfig withFeeds(List<FeedConfig> f) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, f, enrich, server, localStack, websub);
    }

    public NewsflowConfig withHttp(HttpConfig h) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, h, ingest, feeds, enrich, server, localStack, websub);
    }

    public NewsflowConfig withEnrich(EnrichConfig e) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, e, server, localStack, websub);
    }

    public NewsflowConfig withServer(ServerConfig s) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, enrich, s, localStack, websub);
    }

    public NewsflowConfig withLocalStack(LocalStackConfig l) {
        return new NewsflowConfig(dataDir, kafka, elasticsearch, http, ingest, feeds, enrich, server, l, websub);
    }
}
