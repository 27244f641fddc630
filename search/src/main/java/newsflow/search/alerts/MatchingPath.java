package newsflow.search.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.http.TransportHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * How saved searches are matched, and why. Matching is in-process with Lucene on every node
 * ({@link SavedSearchMatcher}); the Elasticsearch percolator is not used even where the node has it, for the reasons in
 * {@code docs/alerts.md} ("Why not the percolator"). What this adds is knowing whether the node could percolate, so
 * the stage's log line, its metric and {@code newsflow status} say which path runs and why, on a minimal node (no
 * percolator module: the local stack's {@code integ-test-zip}) as on a full cluster.
 *
 * @param percolator whether the nodes have Elasticsearch's percolator module
 */
public record MatchingPath(Percolator percolator) {

    private static final Logger log = LoggerFactory.getLogger(MatchingPath.class);

    /** The one path newsflow matches by. */
    public static final String IN_PROCESS = "in-process";
    /** The module (in a full distribution) or plugin name of Elasticsearch's percolator. */
    static final String MODULE = "percolator";

    public enum Percolator {
        /** Every node has the percolator module. */
        PRESENT,
        /** At least one node lacks it, so a percolator index could not be used on all of them. */
        ABSENT,
        /** The nodes could not be asked (they answered with an error, or not in time). */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Always {@link #IN_PROCESS}. */
    public String path() {
        return IN_PROCESS;
    }

    /** One sentence for the log and {@code newsflow status}. */
    public String reason() {
        return switch (percolator) {
            case ABSENT -> "the Elasticsearch node has no percolator module";
            case PRESENT -> "the Elasticsearch node has the percolator module, but newsflow matches in-process on every node "
                    + "(docs/alerts.md: why not the percolator)";
            case UNKNOWN -> "whether the Elasticsearch node has the percolator module could not be asked (in-process either way)";
        };
    }

    /** {@code in-process (the Elasticsearch node has no percolator module)}. */
    public String summary() {
        return path() + " (" + reason() + ")";
    }

    /**
     * Asks the nodes which modules and plugins they have ({@code GET _nodes/plugins}). Through the client's low-level
     * transport: the typed client cannot read that answer on a node with a stable-API plugin such as newsflow's
     * analysis plugin (it lacks {@code classname}, which the typed client requires). Never throws: a node that cannot
     * be asked is {@link Percolator#UNKNOWN}, logged.
     */
    public static MatchingPath detect(ElasticsearchClient es) {
        if (!(es._transport() instanceof ElasticsearchTransportBase transport)) {
            log.warn("alerts: cannot ask the Elasticsearch nodes for their modules through a {}", es._transport().getClass().getName());
            return new MatchingPath(Percolator.UNKNOWN);
        }
        TransportHttpClient.Request request = new TransportHttpClient.Request("GET", "/_nodes/plugins",
                Map.of("filter_path", "nodes.*.name,nodes.*.modules.name,nodes.*.plugins.name"), Map.of(), null);
        try (TransportHttpClient.Response response = transport.httpClient().performRequest("nodes.plugins", null, request,
                transport.options())) {
            if (response.statusCode() != 200 || response.body() == null) {
                throw new IOException("GET /_nodes/plugins answered " + response.statusCode());
            }
            try (InputStream body = response.body().asInputStream()) {
                return new MatchingPath(fromNodes(Json.mapper().readTree(body)));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("alerts: cannot ask the Elasticsearch nodes whether they have the percolator module: {}", e.getMessage());
            return new MatchingPath(Percolator.UNKNOWN);
        }
    }

    /** From the answer to {@code GET _nodes/plugins}: present only when every node lists the percolator. */
    static Percolator fromNodes(JsonNode answer) {
        JsonNode nodes = answer.path("nodes");
        if (!nodes.isObject() || nodes.isEmpty()) {
            return Percolator.UNKNOWN;
        }
        for (Map.Entry<String, JsonNode> node : nodes.properties()) {
            if (!lists(node.getValue().path("modules")) && !lists(node.getValue().path("plugins"))) {
                return Percolator.ABSENT;
            }
        }
        return Percolator.PRESENT;
    }

    private static boolean lists(JsonNode components) {
        for (JsonNode c : components) {
            if (MODULE.equals(c.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
