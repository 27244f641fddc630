package newsflow.enrich.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-level topic taxonomy: top-level topics and their children, each with a name and a definition. The bundled
 * one is IPTC Media Topics levels 1 and 2 ({@link #iptc()}; CC BY 4.0, attribution in {@link #attribution()}).
 */
public record Taxonomy(String attribution, List<Topic> topics) {

    static final String IPTC_RESOURCE = "/newsflow/enrich/taxonomy/iptc-mediatopics.json";

    /**
     * @param parent the top-level topic's qcode for a second-level topic, null for a top-level one
     */
    public record Topic(String qcode, String name, String definition, String parent) {

        public boolean topLevel() {
            return parent == null;
        }
    }

    public Taxonomy {
        topics = List.copyOf(topics);
    }

    public List<Topic> topLevel() {
        return topics.stream().filter(Topic::topLevel).toList();
    }

    public List<Topic> children(Topic parent) {
        return topics.stream().filter(t -> parent.qcode().equals(t.parent())).toList();
    }

    /** @throws TaxonomyException when no topic has this name */
    public Topic named(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new TaxonomyException("no topic named \"" + name + "\" in the taxonomy"));
    }

    /** The 17 top-level IPTC Media Topics and their second-level topics, as bundled. */
    public static Taxonomy iptc() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(IPTC_RESOURCE)) {
            if (in == null) {
                throw new TaxonomyException("resource " + IPTC_RESOURCE + " is missing from the classpath");
            }
            return parse(Json.mapper().readTree(in), IPTC_RESOURCE);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read " + IPTC_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static Taxonomy parse(JsonNode root, String where) {
        List<Topic> topics = new ArrayList<>();
        for (JsonNode top : root.path("topics")) {
            Topic t = topic(top, null, where);
            topics.add(t);
            for (JsonNode child : top.path("children")) {
                topics.add(topic(child, t.qcode(), where));
            }
        }
        if (topics.isEmpty()) {
            throw new TaxonomyException(where + ": no topics");
        }
        return new Taxonomy(root.path("attribution").asText(""), topics);
    }

    private static Topic topic(JsonNode n, String parent, String where) {
        String qcode = n.path("qcode").asText("");
        String name = n.path("name").asText("");
        if (qcode.isBlank() || name.isBlank()) {
            throw new TaxonomyException(where + ": a topic without qcode or name: " + n);
        }
        return new Topic(qcode, name, n.path("definition").asText(""), parent);
    }
}
