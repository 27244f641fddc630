package newsflow.search.alerts;

import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether the nodes could percolate, read from {@code GET _nodes/plugins}; the path is in-process whatever they say. */
class MatchingPathTest {

    private static MatchingPath.Percolator of(String answer) {
        return MatchingPath.fromNodes(Json.mapper().valueToTree(Json.read(answer, Object.class)));
    }

    @Test
    void theLocalNodesModulesHaveNoPercolator() {
        // the answer of the local stack's node (integ-test-zip with newsflow's analysis plugin), filter_path applied
        assertThat(of("""
                {"nodes": {"0gk8": {"name": "n1", "plugins": [{"name": "newsflow-analysis"}],
                  "modules": [{"name": "apm"}, {"name": "transport-netty4"}, {"name": "x-pack-core"}, {"name": "x-pack-security"}]}}}
                """)).isEqualTo(MatchingPath.Percolator.ABSENT);
    }

    @Test
    void presentOnlyWhenEveryNodeHasIt() {
        assertThat(of("""
                {"nodes": {"a": {"modules": [{"name": "lang-painless"}, {"name": "percolator"}]},
                           "b": {"modules": [{"name": "percolator"}]}}}
                """)).isEqualTo(MatchingPath.Percolator.PRESENT);
        assertThat(of("""
                {"nodes": {"a": {"modules": [{"name": "percolator"}]}, "b": {"modules": [{"name": "lang-painless"}]}}}
                """)).isEqualTo(MatchingPath.Percolator.ABSENT);
        // installed as a plugin rather than shipped as a module counts the same
        assertThat(of("""
                {"nodes": {"a": {"plugins": [{"name": "percolator"}]}}}
                """)).isEqualTo(MatchingPath.Percolator.PRESENT);
    }

    @Test
    void noNodesInTheAnswerIsUnknown() {
        assertThat(of("{}")).isEqualTo(MatchingPath.Percolator.UNKNOWN);
        assertThat(of("{\"nodes\": {}}")).isEqualTo(MatchingPath.Percolator.UNKNOWN);
    }

    @Test
    void thePathIsInProcessAndSaysWhy() {
        assertThat(new MatchingPath(MatchingPath.Percolator.ABSENT).summary())
                .isEqualTo("in-process (the Elasticsearch node has no percolator module)");
        assertThat(new MatchingPath(MatchingPath.Percolator.PRESENT).path()).isEqualTo(MatchingPath.IN_PROCESS);
        assertThat(new MatchingPath(MatchingPath.Percolator.PRESENT).reason()).contains("why not the percolator");
        assertThat(MatchingPath.Percolator.UNKNOWN.label()).isEqualTo("unknown");
    }
}
