package newsflow.app.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch plugins shipped in {@code <home>/es-plugins/} (newsflow's analysis plugin: the embedded
 * distribution lacks the analysis-common module), installed into the unpacked distribution with the node's own
 * {@code bin/elasticsearch-plugin}, which checks them as it would any plugin. Installed again only when the shipped
 * zips change: their names and SHA-256 are recorded in the distribution copy ({@value #MARKER}), which a new
 * distribution replaces whole.
 */
final class ElasticsearchPlugins {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchPlugins.class);
    static final String DIR = "es-plugins";
    static final String MARKER = ".newsflow-plugins";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);

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
     * @throws IllegalStateException when the plugin tool refuses one (its output in the message)
     */
    static void install(List<Path> zips, Path esHome, Path javaHome) {
        Path marker = esHome.resolve(MARKER);
        String wanted = fingerprint(zips);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
                return;
            }
            // what an earlier, different set installed goes first: the tool refuses to install over a plugin
            Files.deleteIfExists(marker);
            Path plugins = esHome.resolve("plugins");
            ElasticsearchDistribution.deleteTree(plugins);
            Files.createDirectories(plugins);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + esHome.resolve("plugins"), e);
        }
        Map<String, String> env = Map.of(
                "ES_JAVA_HOME", javaHome.toString(),
                "ES_JAVA_OPTS", "",
                "ES_PATH_CONF", esHome.resolve("config").toString());
        for (Path zip : zips) {
            long started = System.nanoTime();
            List<String> command = List.of(esHome.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
                    zip.toAbsolutePath().toUri().toString());
            ChildProcess.Result result = ChildProcess.run(command, env, INSTALL_TIMEOUT);
            if (!result.ok()) {
                throw new IllegalStateException("cannot install the Elasticsearch plugin " + zip + " (exit "
                        + result.exitCode() + "): " + result.output().strip());
            }
            log.info("installed Elasticsearch plugin {} in {} ms", zip.getFileName(), (System.nanoTime() - started) / 1_000_000);
        }
        try {
            Files.writeString(marker, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
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
