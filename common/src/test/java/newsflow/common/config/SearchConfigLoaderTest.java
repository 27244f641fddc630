package newsflow.common.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search.* limits and server.apiKeys, from defaults, YAML and the environment. */
class SearchConfigLoaderTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        NewsflowConfig config = ConfigLoader.load(null, Map.of());
        assertThat(config.search()).isEqualTo(new SearchConfig(1000, 64, 4, Duration.ofSeconds(5), 8));
        assertThat(config.search().clientDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.search().maxAttentionBuckets()).isEqualTo(1000);
        assertThat(config.search().maxStoryArticles()).isEqualTo(500);
        assertThat(config.search().topWordsSample()).isEqualTo(1000);
        assertThat(config.server().apiKeys()).isEmpty();
    }

    @Test
    void limitsFromYamlAndEnvironment() {
        SearchConfig search = ConfigLoader.load("search:\n  maxTerms: 20\n  timeout: 2s\n",
                Map.of("NEWSFLOW_SEARCH_MAX_CONCURRENT", "3", "NEWSFLOW_SEARCH_MAX_WILDCARD_TERMS", "0")).search();
        assertThat(search.maxTerms()).isEqualTo(20);
        assertThat(search.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(search.maxConcurrent()).isEqualTo(3);
        assertThat(search.maxWildcardTerms()).isZero();
        assertThat(search.maxQueryLength()).isEqualTo(1000);
    }

    @Test
    void exportCompareAndNestingLimitsFromYamlAndEnvironment() {
        SearchConfig search = ConfigLoader.load("search:\n  exportMaxRows: 500\n  maxQueryDepth: 3\n",
                Map.of("NEWSFLOW_SEARCH_MAX_COMPARE_QUERIES", "2")).search();
        assertThat(search.exportMaxRows()).isEqualTo(500);
        assertThat(search.maxQueryDepth()).isEqualTo(3);
        assertThat(search.maxCompareQueries()).isEqualTo(2);
        assertThat(ConfigLoader.load(null, Map.of()).search())
                .extracting(SearchConfig::maxQueryDepth, SearchConfig::exportMaxRows, SearchConfig::maxCompareQueries)
                .containsExactly(8, 10_000, 5);
        assertThatThrownBy(() -> ConfigLoader.load("search:\n  exportMaxRows: 0\n", Map.of()))
                .hasMessageContaining("search.exportMaxRows");
    }

    @Test
    void apiKeysFromYamlOrACommaSeparatedVariable() {
        assertThat(ConfigLoader.load("server:\n  apiKeys: [a1, ' b2 ']\n", Map.of()).server().apiKeys())
                .containsExactly("a1", "b2");
        assertThat(ConfigLoader.load(null, Map.of("NEWSFLOW_SERVER_API_KEYS", "k1, k2,")).server().apiKeys())
                .containsExactly("k1", "k2");
        assertThat(new ServerConfig("127.0.0.1", 0).apiKeys()).isEqualTo(List.of());
    }

    @Test
    void anImpossibleLimitIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("NEWSFLOW_SEARCH_MAX_CONCURRENT", "0")))
                .hasMessageContaining("search.maxConcurrent");
        assertThatThrownBy(() -> ConfigLoader.load("search:\n  timeout: 0s\n", Map.of()))
                .hasMessageContaining("search.timeout");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("NEWSFLOW_SEARCH_MAX_STORY_ARTICLES", "0")))
                .hasMessageContaining("search.maxStoryArticles");
        assertThat(ConfigLoader.load("search:\n  topWordsSample: 50\n  maxAttentionBuckets: 400\n", Map.of()).search())
                .extracting(SearchConfig::topWordsSample, SearchConfig::maxAttentionBuckets).containsExactly(50, 400);
    }
}
