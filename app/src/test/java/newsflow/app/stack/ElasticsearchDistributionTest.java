package newsflow.app.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchDistributionTest {

    @TempDir
    Path dir;

    @Test
    void unpacksWithoutTheTopDirectoryAndMakesLaunchScriptsExecutable() throws IOException {
        Path zip = zip("elasticsearch-1.0.zip", Map.of(
                "elasticsearch-1.0/bin/elasticsearch", "#!/bin/bash\necho start\n",
                "elasticsearch-1.0/config/elasticsearch.yml", "# shipped\n"));
        Path home = dir.resolve("home");

        ElasticsearchDistribution.unpack(zip, home);

        assertThat(home.resolve("bin/elasticsearch")).isExecutable().hasContent("#!/bin/bash\necho start");
        assertThat(home.resolve("config/elasticsearch.yml")).hasContent("# shipped").satisfies(p -> assertThat(Files.isExecutable(p)).isFalse());
        assertThat(home.resolve(ElasticsearchDistribution.MARKER)).hasContent("elasticsearch-1.0.zip");
        assertThat(dir.resolve("home.partial")).doesNotExist();
    }

    @Test
    void keepsTheUnpackedCopyForTheSameZipAndReplacesItForAnother() throws IOException {
        Path home = dir.resolve("home");
        ElasticsearchDistribution.unpack(zip("elasticsearch-1.0.zip", Map.of("elasticsearch-1.0/config/a.yml", "one")), home);
        Files.writeString(home.resolve("config/a.yml"), "changed by the node");

        ElasticsearchDistribution.unpack(zip("elasticsearch-1.0.zip", Map.of("elasticsearch-1.0/config/a.yml", "one")), home);
        assertThat(home.resolve("config/a.yml")).hasContent("changed by the node");

        ElasticsearchDistribution.unpack(zip("elasticsearch-2.0.zip", Map.of("elasticsearch-2.0/config/a.yml", "two")), home);
        assertThat(home.resolve("config/a.yml")).hasContent("two");
        assertThat(home.resolve(ElasticsearchDistribution.MARKER)).hasContent("elasticsearch-2.0.zip");
    }

    @Test
    void refusesEntriesThatEscapeTheTarget() throws IOException {
        Path zip = zip("elasticsearch-1.0.zip", Map.of("elasticsearch-1.0/../../evil.sh", "rm -rf"));

        assertThatThrownBy(() -> ElasticsearchDistribution.unpack(zip, dir.resolve("home")))
                .hasMessageContaining("cannot unpack")
                .rootCause().hasMessageContaining("escapes");
        assertThat(dir.getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void findsTheZipInTheLayoutOrSaysWhereItLooked() throws IOException {
        Files.createDirectories(dir.resolve("elasticsearch"));
        assertThatThrownBy(() -> ElasticsearchDistribution.findZip(dir))
                .hasMessageContaining("no elasticsearch-*.zip in " + dir.resolve("elasticsearch"));

        Path zip = Files.writeString(dir.resolve("elasticsearch/elasticsearch-9.2.4.zip"), "");
        assertThat(ElasticsearchDistribution.findZip(dir)).isEqualTo(zip);
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        return writeZip(dir.resolve(name), entries);
    }

    /** Writes a zip of {@code entries} (name to UTF-8 content) to {@code zip}, its directories created. */
    static Path writeZip(Path zip, Map<String, String> entries) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }
}
