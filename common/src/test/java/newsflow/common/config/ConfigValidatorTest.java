package newsflow.common.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every bad value is named under its key, and all of them come in one message. */
class ConfigValidatorTest {

    private static InvalidConfigException invalid(String yaml) {
        return invalid(yaml, Map.of());
    }

    private static InvalidConfigException invalid(String yaml, Map<String, String> env) {
        return catchThrowableOfType(InvalidConfigException.class, () -> ConfigLoader.load(yaml, env));
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(ConfigLoader.load(null, Map.of()).server().port()).isEqualTo(8080);
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        assertThat(invalid("server:\n  port: 99999\n").problems())
                .containsExactly("server.port: must be a port from 0 (any free one) to 65535, got 99999");
        assertThat(invalid("localStack:\n  elasticsearchPort: -1\n").problems())
                .containsExactly("localStack.elasticsearchPort: must be a port from 0 (any free one) to 65535, got -1");
    }

    @Test
    void negativeDurationsAndSizesAreNamed() {
        assertThat(invalid("ingest:\n  perHostDelay: PT-5S\n").problems())
                .containsExactly("ingest.perHostDelay: must not be negative, got 'PT-5S'");
        assertThat(invalid("http:\n  maxBytes: -1\n").problems())
                .containsExactly("http.maxBytes: must be zero or more, got -1");
        assertThat(invalid("enrich:\n  reloadInterval: -10s\n").problems()).singleElement().asString()
                .startsWith("enrich.reloadInterval: not a duration, got '-10s'");
    }

    @Test
    void theHealthProbePeriodAndTheExtractionBudgetCannotBeZero() {
        assertThat(invalid("health:\n  checkInterval: 0s\n").problems())
                .containsExactly("health.checkInterval: must be more than zero, got '0s'");
        assertThat(invalid("enrich:\n  extractBudget: 0s\n").problems())
                .containsExactly("enrich.extractBudget: must be more than zero, got '0s'");
        assertThat(ConfigLoader.load("health:\n  unreachableAfter: 2m\n", Map.of()).health().unreachableAfter())
                .isEqualTo(java.time.Duration.ofMinutes(2));
    }

    @Test
    void countsThatCannotBeZeroAreNamed() {
        assertThat(invalid("kafka:\n  partitions: 0\n").problems())
                .containsExactly("kafka.partitions: must be at least 1, got 0");
    }

    @Test
    void wrongTypesAndUnknownValuesAreNamed() {
        assertThat(invalid("enrich:\n  fetchPages: sometimes\n  taxonomy: dewey\n").problems()).containsExactly(
                "enrich.fetchPages: must be true or false, got 'sometimes'",
                "enrich.taxonomy: must be one of [iptc, none], got 'dewey'");
        assertThat(invalid("ingest:\n  pollThreads: four\n").problems())
                .containsExactly("ingest.pollThreads: must be a whole number, got 'four'");
        assertThat(invalid("localStack:\n  heap: lots\n").problems())
                .containsExactly("localStack.heap: must be a size such as 512m or 2g, got 'lots'");
    }

    @Test
    void feedsAreCheckedOneByOneWithTheirPosition() {
        assertThat(invalid("feeds:\n  - url: http://a.example/feed\n  - url: http://b.example/feed\n    interval: soon\n").problems())
                .singleElement().asString().startsWith("feeds[1].interval: not a duration, got 'soon'");
    }

    @Test
    void severalProblemsFromFileAndEnvironmentComeInOneMessage() {
        InvalidConfigException e = invalid("server:\n  port: 99999\nkafka:\n  bootstrapServer: typo:9092\n",
                Map.of("NEWSFLOW_INGEST_MIN_INTERVAL", "-1", "NEWSFLOW_WEBSUB_PORT", "70000"));

        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).startsWith("invalid configuration (4 problems):")
                .contains("server.port: must be a port")
                .contains("kafka.bootstrapServer: unknown setting")
                .contains("ingest.minInterval: not a duration, got '-1'")
                .contains("websub.port: must be a port from 0 (any free one) to 65535, got 70000");
    }

    @Test
    void aTopLevelThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load("server: 8080\n", Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("server: must be a mapping, got 8080");
    }
}
