package newsflow.esanalysis;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterFactoriesTest {

    /**
     * The node builds every plugin filter once per new index with empty settings (as a default instance): a
     * factory that threw then would make every index creation fail. Without a language each takes the default of
     * the Elasticsearch filter it stands for.
     */
    @Test
    void factoriesAcceptEmptySettings() {
        LanguageSettings empty = () -> "";

        assertThat(Tokens.of(Tokens.chain(new StopFilterFactory(empty)), "the vote")).containsExactly("vote@1");
        assertThat(Tokens.of(Tokens.chain(new StemmerFilterFactory(empty)), "votes")).containsExactly("vote@0");
        assertThat(Tokens.of(Tokens.chain(new ElisionFilterFactory(empty)), "l'urne")).containsExactly("urne@0");
    }

    @Test
    void anUnknownLanguageIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> new StemmerFilterFactory(() -> "klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newsflow_stemmer").hasMessageContaining("[klingon]").hasMessageContaining("light_french");
        assertThatThrownBy(() -> new StopFilterFactory(() -> "light_french"))
                .hasMessageContaining("newsflow_stop").hasMessageContaining("french");
        assertThatThrownBy(() -> new ElisionFilterFactory(() -> "german"))
                .hasMessageContaining("newsflow_elision").hasMessageContaining("[french, italian]");
    }

    @Test
    void theStopAndStemmerTablesCoverTheSameLanguages() {
        assertThat(StopFilterFactory.STOP_WORDS).hasSize(StemmerFilterFactory.STEMMERS.size());
    }

    /**
     * {@code named_components.json} is how the node finds the filters (written by hand: the scanner that would
     * generate it is a Gradle tool). It must name every annotated factory under its annotation's name, and nothing
     * else.
     */
    @Test
    void theNamedComponentsIndexListsEveryAnnotatedFactory() throws Exception {
        Map<String, String> annotated = new TreeMap<>();
        Path classes = Path.of("target", "classes", "newsflow", "esanalysis");
        try (var files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                Class<?> type = Class.forName("newsflow.esanalysis." + name.substring(0, name.length() - ".class".length()));
                NamedComponent component = type.getAnnotation(NamedComponent.class);
                if (component != null) {
                    assertThat(TokenFilterFactory.class).as(type.getName()).isAssignableFrom(type);
                    annotated.put(component.value(), type.getName());
                }
            }
        }

        assertThat(annotated).hasSize(6);
        assertThat(namedComponents()).isEqualTo(annotated);
    }

    private static Map<String, String> namedComponents() throws IOException {
        String json;
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "named_components.json"))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"org.elasticsearch.plugin.analysis.TokenFilterFactory\"");
        Map<String, String> entries = new TreeMap<>();
        Matcher m = Pattern.compile("\"(newsflow_\\w+)\"\\s*:\\s*\"([\\w.]+)\"").matcher(json);
        while (m.find()) {
            entries.put(m.group(1), m.group(2));
        }
        return entries;
    }

    @Test
    void theDescriptorHasEveryKeyTheNodeRequires() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("target", "plugin", "stable-plugin-descriptor.properties"));

        for (String key : List.of("name=newsflow-analysis", "version=", "elasticsearch.version=9.", "java.version=21", "description=")) {
            assertThat(lines).as(key).anyMatch(l -> l.startsWith(key));
        }
        assertThat(lines).noneMatch(l -> l.contains("${"));
    }
}
