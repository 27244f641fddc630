package newsflow.app.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch plugins shipped in {@code <home>/es-plugins/} (newsflow's analysis plugin: the embedded
 * distribution lacks the analysis-common module), unpacked into the distribution copy's {@code plugins/<name>/}, the
 * layout {@code bin/elasticsearch-plugin install} leaves (descriptor, named-components index and jars; the node
 * checks them when it starts and refuses to start on a bad one, which the start error shows from the node's log).
 * Unpacking rather than running that tool spares a JVM start on every fresh data directory. Done again only when the
 * shipped zips change: their names and SHA-256 are recorded in the distribution copy ({@value #MARKER}), which a new
 * distribution replaces whole.
 */
final class ElasticsearchPlugins {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchPlugins.class);
    static final String DIR = "es-plugins";
    static final String MARKER = ".newsflow-plugins";
    private static final List<String> DESCRIPTORS = List.of("stable-plugin-descriptor.properties", "plugin-descriptor.properties");

    private ElasticsearchPlugins() {
    }

    /** The plugin zips in {@code <home>/es-plugins}, sorted; empty when the directory is missing. */
    static List<Path> findZips(Path home) {
        Path dir = home.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Makes {@code esHome/plugins} hold exactly the plugins of {@code zips}.
     *
     * @throws IllegalStateException when a zip is no plugin (no descriptor naming it)
     */
    static void install(List<Path> zips, Path esHome) {
        Path marker = esHome.resolve(MARKER);
        String wanted = fingerprint(zips);
        Path plugins = esHome.resolve("plugins");
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
                return;
            }
            // what an earlier, different set left goes first
            Files.deleteIfExists(marker);
            ElasticsearchDistribution.deleteTree(plugins);
            Files.createDirectories(plugins);
            for (Path zip : zips) {
                String name = pluginName(zip);
                ElasticsearchDistribution.extract(zip, plugins.resolve(name), false);
                log.info("installed Elasticsearch plugin {} from {}", name, zip);
            }
            Files.writeString(marker, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the Elasticsearch plugins " + zips + " into " + plugins, e);
        }
    }

    /** The {@code name} its descriptor gives the plugin: the node loads it from {@code plugins/<name>}. */
    static String pluginName(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (String descriptor : DESCRIPTORS) {
                ZipEntry entry = file.getEntry(descriptor);
                if (entry == null) {
                    continue;
                }
                Properties properties = new Properties();
                try (InputStream in = file.getInputStream(entry)) {
                    properties.load(in);
                }
                String name = properties.getProperty("name", "");
                if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
                    throw new IllegalStateException(zip + ": " + descriptor + " has no valid plugin name: [" + name + "]");
                }
                return name;
            }
        }
        throw new IllegalStateException(zip + " is no Elasticsearch plugin: it has none of " + DESCRIPTORS + " at its root");
    }

    /** One line per zip: its file name and the SHA-256 of its content (a rebuilt snapshot keeps its name). */
    static String fingerprint(List<Path> zips) {
        List<String> lines = new ArrayList<>();
        for (Path zip : zips) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip));
                lines.add(zip.getFileName() + " " + HexFormat.of().formatHex(digest));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + zip, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
