package newsflow.common.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @Test
    void defaultsDescribeAnEmbeddedStack() {
        NewsflowConfig config = ConfigLoader.load(null, Map.of());
        assertThat(config.kafka().embedded()).isTrue();
        assertThat(config.elasticsearch().embedded()).isTrue();
        assertThat(config.elasticsearch().index()).isEqualTo("newsflow-articles");
        assertThat(config.ingest().defaultInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.feeds()).isEmpty();
        assertThat(config.enrich().model()).isEmpty();
    }

    @Test
    void theFetchDeadlineAndAllowListFromFileOrEnvironment() {
        HttpConfig defaults = ConfigLoader.load(null, Map.of()).http();
        assertThat(defaults.totalTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.allowPrivate()).isEmpty();
        HttpConfig fromFile = ConfigLoader.load("http:\n  totalTimeout: 5s\n  allowPrivate: [10.0.0.0/8, \"127.0.0.1/32:8085\"]\n",
                Map.of()).http();
        assertThat(fromFile.totalTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fromFile.allowPrivate()).containsExactly("10.0.0.0/8", "127.0.0.1/32:8085");
        HttpConfig fromEnvironment = ConfigLoader.load("http:\n  allowPrivate: [10.0.0.0/8]\n", Map.of(
                "NEWSFLOW_HTTP_TOTAL_TIMEOUT", "12s",
                "NEWSFLOW_HTTP_ALLOW_PRIVATE", "127.0.0.1/32:8085, [::1]:9200")).http();
        assertThat(fromEnvironment.totalTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(fromEnvironment.allowPrivate()).containsExactly("127.0.0.1/32:8085", "[::1]:9200");
    }

    @Test
    void topicModelPathFromFileOrEnvironment() {
        assertThat(ConfigLoader.load("enrich:\n  model: models/topics.gz\n", Map.of()).enrich().model())
                .isEqualTo("models/topics.gz");
        assertThat(ConfigLoader.load(null, Map.of("NEWSFLOW_ENRICH_MODEL", "/srv/m.gz")).enrich().model())
                .isEqualTo("/srv/m.gz");
    }

    @Test
    void theIptcTaxonomyAppliesUntilAModelIsSetAndAnUnknownTaxonomyIsRejected() {
        EnrichConfig defaults = ConfigLoader.load(null, Map.of()).enrich();
        assertThat(defaults.taxonomy()).isEqualTo("iptc");
        assertThat(defaults.usesTaxonomy()).isTrue();
        assertThat(ConfigLoader.load("enrich:\n  model: m.gz\n", Map.of()).enrich().usesTaxonomy()).isFalse();
        assertThat(ConfigLoader.load(null, Map.of("NEWSFLOW_ENRICH_TAXONOMY", "none")).enrich().usesTaxonomy()).isFalse();
        assertThatThrownBy(() -> ConfigLoader.load("enrich:\n  taxonomy: dewey\n", Map.of()))
                .hasMessageContaining("enrich.taxonomy").hasMessageContaining("dewey");
    }

    @Test
    void extractBudgetDefaultsToFiveSecondsAndIsSetByFileOrEnvironment() {
        assertThat(ConfigLoader.load(null, Map.of()).enrich().extractBudget()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ConfigLoader.load("enrich:\n  extractBudget: 2s\n", Map.of()).enrich().extractBudget())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ConfigLoader.load("enrich:\n  extractBudget: 2s\n", Map.of("NEWSFLOW_ENRICH_EXTRACT_BUDGET", "750ms"))
                .enrich().extractBudget()).isEqualTo(Duration.ofMillis(750));
        assertThatThrownBy(() -> ConfigLoader.load("enrich:\n  extractBudget: 0s\n", Map.of()))
                .hasMessageContaining("enrich.extractBudget");
    }

    @Test
    void bulkLingerAndRefreshIntervalHaveDefaultsAndAreSetByFileOrEnvironment() {
        ElasticsearchConfig defaults = ConfigLoader.load(null, Map.of()).elasticsearch();
        assertThat(defaults.bulkLinger()).isEqualTo(Duration.ofMillis(250));
        assertThat(defaults.refreshInterval()).isEqualTo(Duration.ofSeconds(1));
        ElasticsearchConfig set = ConfigLoader.load("elasticsearch:\n  bulkLinger: 500ms\n",
                Map.of("NEWSFLOW_ELASTICSEARCH_REFRESH_INTERVAL", "2s")).elasticsearch();
        assertThat(set.bulkLinger()).isEqualTo(Duration.ofMillis(500));
        assertThat(set.refreshInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> ConfigLoader.load("elasticsearch:\n  refreshInterval: 0s\n", Map.of()))
                .hasMessageContaining("elasticsearch.refreshInterval");
        assertThatThrownBy(() -> ConfigLoader.load("elasticsearch:\n  bulkLinger: -1s\n", Map.of()))
                .hasMessageContaining("elasticsearch.bulkLinger");
    }

    @Test
    void watchTopicsAreNamedQueries() {
        NewsflowConfig config = ConfigLoader.load("enrich:\n  watchTopics:\n"
                + "    korea: '(\"North Korea\" OR Pyongyang) AND (missile OR nuclear)'\n", Map.of());
        assertThat(config.enrich().watchTopics())
                .containsExactly(Map.entry("korea", "(\"North Korea\" OR Pyongyang) AND (missile OR nuclear)"));
        assertThat(ConfigLoader.load(null, Map.of()).enrich().watchTopics()).isEmpty();
    }

    @Test
    void fileMergesOverDefaultsKeyByKey() {
        String yaml = """
                kafka:
                  bootstrapServers: broker-1:9092,broker-2:9092
                  properties:
                    security.protocol: SSL
                feeds:
                  - url: https://example.com/feed.xml
                    name: Example
                    interval: 5m
                  - url: https://example.org/atom
                enrich:
                  topics:
                    politics: [election, "prime minister"]
                """;
        NewsflowConfig config = ConfigLoader.load(yaml, Map.of());
        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
        assertThat(config.kafka().topicPrefix()).isEqualTo("newsflow.");
        assertThat(config.kafka().properties()).containsEntry("security.protocol", "SSL");
        assertThat(config.feeds()).hasSize(2);
        assertThat(config.feeds().get(0).interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.feeds().get(1).interval()).isNull();
        assertThat(config.enrich().topics()).containsEntry("politics", java.util.List.of("election", "prime minister"));
        assertThat(config.enrich().fetchPages()).isTrue();
    }

    @Test
    void environmentOverridesFileAndDefaults() {
        NewsflowConfig config = ConfigLoader.load("kafka:\n  bootstrapServers: from-file:9092\n", Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "from-env:9092",
                "NEWSFLOW_ELASTICSEARCH_URL", "https://es.example:9200",
                "NEWSFLOW_INGEST_DEFAULT_INTERVAL", "2h",
                "NEWSFLOW_SERVER_PORT", "9999"));
        assertThat(config.kafka().bootstrapServers()).isEqualTo("from-env:9092");
        assertThat(config.elasticsearch().url()).isEqualTo("https://es.example:9200");
        assertThat(config.ingest().defaultInterval()).isEqualTo(Duration.ofHours(2));
        assertThat(config.server().port()).isEqualTo(9999);
    }

    @Test
    void unknownSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> ConfigLoader.load("kafka:\n  bootstrapServer: typo:9092\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapServer");
    }

    @Test
    void feedWithoutUrlIsRejected() {
        assertThatThrownBy(() -> ConfigLoader.load("feeds:\n  - name: nameless\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url");
    }

    @Test
    void durationsInFriendlyAndIsoForms() {
        assertThat(ConfigLoader.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigLoader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigLoader.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(ConfigLoader.parseDuration("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ConfigLoader.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ConfigLoader.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
