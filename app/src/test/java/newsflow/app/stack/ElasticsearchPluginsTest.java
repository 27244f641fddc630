package newsflow.app.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchPluginsTest {

    @TempDir
    Path dir;

    @Test
    void unpacksEachPluginUnderItsDescriptorsNameOnceAndAgainWhenTheZipChanges() throws IOException {
        Path home = dir.resolve("home");
        Path esHome = dir.resolve("es");
        Files.createDirectories(esHome.resolve("plugins/left-over"));
        Path zip = zip(home.resolve("es-plugins/analysis.zip"), Map.of(
                "stable-plugin-descriptor.properties", "name=newsflow-analysis\nversion=1\n",
                "named_components.json", "{}",
                "newsflow-analysis.jar", "jar v1"));

        ElasticsearchPlugins.install(ElasticsearchPlugins.findZips(home), esHome);

        assertThat(esHome.resolve("plugins/newsflow-analysis/newsflow-analysis.jar")).hasContent("jar v1");
        assertThat(esHome.resolve("plugins/left-over")).as("what an earlier set left").doesNotExist();

        // unchanged zip: nothing is touched (a file added by hand survives)
        Files.writeString(esHome.resolve("plugins/newsflow-analysis/touched"), "x");
        ElasticsearchPlugins.install(List.of(zip), esHome);
        assertThat(esHome.resolve("plugins/newsflow-analysis/touched")).exists();

        // a rebuilt zip of the same name: installed again
        zip(zip, Map.of("stable-plugin-descriptor.properties", "name=newsflow-analysis\nversion=1\n",
                "newsflow-analysis.jar", "jar v2"));
        ElasticsearchPlugins.install(List.of(zip), esHome);
        assertThat(esHome.resolve("plugins/newsflow-analysis/newsflow-analysis.jar")).hasContent("jar v2");
        assertThat(esHome.resolve("plugins/newsflow-analysis/touched")).doesNotExist();
    }

    @Test
    void noPluginDirectoryMeansNoPlugins() {
        assertThat(ElasticsearchPlugins.findZips(dir.resolve("nowhere"))).isEmpty();
    }

    @Test
    void aZipWithoutDescriptorIsRefusedByName() throws IOException {
        Path zip = zip(dir.resolve("bad.zip"), Map.of("some.jar", "x"));

        assertThatThrownBy(() -> ElasticsearchPlugins.install(List.of(zip), dir.resolve("es")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bad.zip is no Elasticsearch plugin");
    }

    @Test
    void anEntryEscapingThePluginDirectoryIsRefused() throws IOException {
        Path zip = zip(dir.resolve("evil.zip"), Map.of("plugin-descriptor.properties", "name=evil\n", "../../escape", "x"));

        assertThatThrownBy(() -> ElasticsearchPlugins.install(List.of(zip), dir.resolve("es")))
                .hasRootCauseMessage("zip entry escapes the target directory: ../../escape");
        assertThat(dir.resolve("escape")).doesNotExist();
    }

    private static Path zip(Path zip, Map<String, String> entries) throws IOException {
        return ElasticsearchDistributionTest.writeZip(zip, entries);
    }
}
