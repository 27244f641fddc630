package newsflow.index.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.index.document.TextFields;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in and the plugin analyzers must be the same filter chain: each plugin filter stands for the built-in
 * filter wrapping the same Lucene class with the same parameter (the plugin's own tests compare its filters with
 * Lucene's analyzers). Translating each chain into the built-in vocabulary must give identical chains.
 */
class TextAnalysisTest {

    @Test
    void builtInAndPluginChainsAreTheSameFiltersWithTheSameParameters() {
        List<TextAnalysis.Language> languages = new ArrayList<>(List.of(TextAnalysis.ENGLISH));
        TextFields.LANGUAGES.forEach(key -> languages.add(TextAnalysis.LANGUAGES.get(key)));
        for (TextAnalysis.Language language : languages) {
            ObjectNode builtInFilters = JsonNodeFactory.instance.objectNode();
            ObjectNode pluginFilters = JsonNodeFactory.instance.objectNode();
            List<String> builtIn = resolved(TextAnalysis.chain(language, TextAnalysis.Flavor.BUILT_IN, builtInFilters), builtInFilters);
            List<String> plugin = resolved(TextAnalysis.chain(language, TextAnalysis.Flavor.PLUGIN, pluginFilters), pluginFilters);

            assertThat(plugin.stream().map(TextAnalysisTest::asBuiltIn).toList()).as(language.key()).isEqualTo(builtIn);
            assertThat(builtIn.getLast()).as("folding comes last").isEqualTo("asciifolding");
        }
    }

    @Test
    void everyLanguageWithFieldsHasAnAnalyzer() {
        assertThat(TextAnalysis.LANGUAGES.keySet()).containsExactlyInAnyOrderElementsOf(TextFields.LANGUAGES);
        JsonNode analyzers = TextAnalysis.settings(TextAnalysis.Flavor.PLUGIN).get("analyzer");
        TextFields.LANGUAGES.forEach(key -> assertThat(analyzers.has("newsflow_text_" + key)).as(key).isTrue());
    }

    @Test
    void theProbeUsesEveryKindOfFilterTheAnalyzersUse() {
        for (TextAnalysis.Flavor flavor : List.of(TextAnalysis.Flavor.BUILT_IN, TextAnalysis.Flavor.PLUGIN)) {
            List<String> probed = new ArrayList<>();
            TextAnalysis.probe(flavor).get("filter").forEach(f -> probed.add(f.isTextual() ? f.asText() : f.get("type").asText()));
            List<String> used = new ArrayList<>();
            JsonNode settings = TextAnalysis.settings(flavor);
            settings.get("analyzer").forEach(a -> a.get("filter").forEach(f -> {
                JsonNode defined = settings.get("filter").get(f.asText());
                used.add(defined == null ? f.asText() : defined.get("type").asText());
            }));

            assertThat(probed).as(flavor.label).containsAll(used);
        }
    }

    /** Each filter of a chain as {@code type(parameter)}, the definitions looked up in {@code filters}. */
    private static List<String> resolved(List<String> chain, JsonNode filters) {
        List<String> out = new ArrayList<>();
        for (String name : chain) {
            JsonNode def = filters.get(name);
            if (def == null) {
                out.add(name);
                continue;
            }
            String parameter = def.has("language") ? def.get("language").asText()
                    : def.has("stopwords") ? def.get("stopwords").asText()
                    : def.get("articles").toString();
            out.add(def.get("type").asText() + "(" + parameter + ")");
        }
        return out;
    }

    /** A plugin filter written as the built-in filter it stands for. */
    private static String asBuiltIn(String plugin) {
        return switch (plugin) {
            case "newsflow_possessive_english" -> "stemmer(possessive_english)";
            case "newsflow_asciifolding" -> "asciifolding";
            case "newsflow_german_normalization" -> "german_normalization";
            case "newsflow_elision(french)" -> "elision(" + json(TextAnalysis.FRENCH_ARTICLES) + ")";
            case "newsflow_elision(italian)" -> "elision(" + json(TextAnalysis.ITALIAN_ARTICLES) + ")";
            default -> plugin.startsWith("newsflow_stop(") ? "stop(_" + plugin.substring(14, plugin.length() - 1) + "_)"
                    : plugin.startsWith("newsflow_stemmer(") ? plugin.substring(9)
                    : plugin;
        };
    }

    private static String json(List<String> values) {
        return JsonNodeFactory.instance.arrayNode().addAll(values.stream().map(v -> JsonNodeFactory.instance.textNode(v)).toList()).toString();
    }
}
