package newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">} blocks, flattened
 * (top-level arrays and {@code @graph} lists), with {@code @id} references resolvable. Blocks that are not
 * valid JSON are skipped: a broken script must not cost the rest of the page.
 */
final class JsonLd {

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle",
            "liveblogposting", "techarticle", "scholarlyarticle", "report", "socialmediaposting", "posting",
            "satiricalarticle", "advertisercontentarticle");

    private final List<JsonNode> nodes;
    private final Map<String, JsonNode> byId;

    private JsonLd(List<JsonNode> nodes) {
        this.nodes = nodes;
        this.byId = new HashMap<>();
        for (JsonNode n : nodes) {
            String id = n.path("@id").asText("");
            if (!id.isEmpty() && n.size() > 1) {
                byId.putIfAbsent(id, n);
            }
        }
    }

    static JsonLd of(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().strip();
            if (json.startsWith("<!--")) {
                json = json.substring(4);
            }
            if (json.endsWith("-->")) {
                json = json.substring(0, json.length() - 3);
            }
            json = unwrapCdata(json.strip());
            try {
                flatten(Json.mapper().readTree(json), nodes, 0);
            } catch (Exception e) {
                // invalid JSON-LD is common; the other blocks and the HTML still count
            }
        }
        return new JsonLd(nodes);
    }

    /** XHTML-era pages wrap script data in {@code <![CDATA[ … ]]>}, often behind {@code //} or inside comments. */
    static String unwrapCdata(String json) {
        String s = json;
        if (s.startsWith("//")) {
            s = s.substring(2).strip();
        }
        if (s.startsWith("/*") && s.contains("*/")) {
            s = s.substring(s.indexOf("*/") + 2).strip();
        }
        if (!s.startsWith("<![CDATA[")) {
            return json;
        }
        s = s.substring("<![CDATA[".length());
        int end = s.lastIndexOf("]]>");
        if (end >= 0) {
            s = s.substring(0, end).strip();
        }
        if (s.endsWith("//")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.endsWith("/*")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.strip();
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                flatten(node.get("@graph"), out, depth + 1);
            }
        }
    }

    /** The first article-type object, or null. */
    JsonNode article() {
        for (JsonNode n : nodes) {
            for (String type : types(n)) {
                if (ARTICLE_TYPES.contains(type)) {
                    return n;
                }
            }
        }
        return null;
    }

    /** The first object of the given type (lower case), or null. */
    JsonNode first(String type) {
        for (JsonNode n : nodes) {
            if (types(n).contains(type)) {
                return n;
            }
        }
        return null;
    }

    /**
     * Whether an object says its content is not free to read ({@code isAccessibleForFree: false}, as a boolean or the
     * strings schema.org examples use), on itself or on one of its {@code hasPart} elements (Google's markup for a
     * paywalled section).
     */
    boolean declaresNotFree() {
        for (JsonNode n : nodes) {
            if (notFree(n.get("isAccessibleForFree"))) {
                return true;
            }
            JsonNode parts = n.get("hasPart");
            if (parts != null) {
                for (JsonNode part : parts.isArray() ? parts : List.of(parts)) {
                    if (notFree(part.get("isAccessibleForFree"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean notFree(JsonNode flag) {
        if (flag == null) {
            return false;
        }
        if (flag.isBoolean()) {
            return !flag.booleanValue();
        }
        String text = flag.asText("").strip().toLowerCase(Locale.ROOT);
        return text.equals("false") || text.equals("no") || text.endsWith("/false");
    }

    /** The node itself, or the graph node its {@code @id} points to. */
    JsonNode resolve(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
            JsonNode target = byId.get(node.get("@id").asText());
            return target != null ? target : node;
        }
        return node;
    }

    private static List<String> types(JsonNode n) {
        JsonNode t = n.get("@type");
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        if (t.isArray()) {
            t.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
        } else {
            out.add(t.asText().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** A text property; for objects their {@code name}, for arrays the first text. Null when absent/blank. */
    String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = resolve(node.get(field));
        return asText(v, "name");
    }

    /** A URL-ish property: string, {@code {url}}, {@code {@id}} or the first of an array. */
    String url(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = resolve(node.get(field));
        if (v != null && v.isArray()) {
            v = v.isEmpty() ? null : resolve(v.get(0));
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return blankToNull(v.asText());
        }
        String url = blankToNull(v.path("url").asText(""));
        if (url == null) {
            url = blankToNull(v.path("contentUrl").asText(""));
        }
        return url != null ? url : blankToNull(v.path("@id").asText(""));
    }

    /** Names of the authors: strings, Person/Organization objects (by reference too), arrays of either. */
    List<String> names(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        JsonNode v = node.get(field);
        if (v == null) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        for (JsonNode item : items) {
            String name = asText(resolve(item), "name");
            if (name != null && !name.startsWith("http")) {
                out.add(name);
            }
        }
        return out;
    }

    private String asText(JsonNode v, String objectField) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                String s = asText(resolve(item), objectField);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (v.isObject()) {
            return blankToNull(v.path(objectField).asText(""));
        }
        return blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
