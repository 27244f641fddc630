package newsflow.app.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch distribution zip shipped in {@code <home>/elasticsearch/} and its unpacked copy under the
 * data directory. The copy is kept across runs and replaced only when a different zip is shipped (its file
 * name, which carries the version, is recorded in the copy).
 */
final class ElasticsearchDistribution {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    static final String MARKER = ".newsflow-distribution";

    private ElasticsearchDistribution() {
    }

    /** The single {@code elasticsearch-*.zip} in {@code <home>/elasticsearch}. */
    static Path findZip(Path home) {
        Path dir = home.resolve("elasticsearch");
        try (var files = Files.list(dir)) {
            List<Path> zips = files.filter(f -> f.getFileName().toString().matches("elasticsearch-.*\\.zip")).sorted().toList();
            if (zips.isEmpty()) {
                throw new IllegalStateException("no elasticsearch-*.zip in " + dir + " (mvn package puts it there)");
            }
            return zips.getLast();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir + ": " + e.getMessage()
                    + " (is " + home + " a packaged newsflow layout? mvn package builds app/target/newsflow)", e);
        }
    }

    /**
     * Makes {@code target} an unpacked copy of {@code zip} (unpacking only when it is missing or from another
     * zip). Unpacks next to it and renames, so an interrupted unpack never leaves a half copy in place.
     */
    static void unpack(Path zip, Path target) {
        String wanted = zip.getFileName().toString();
        Path marker = target.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(wanted)) {
                return;
            }
            long started = System.nanoTime();
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            deleteTree(partial);
            Files.createDirectories(partial);
            extract(zip, partial, true);
            Files.writeString(partial.resolve(MARKER), wanted);
            deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("unpacked {} into {} in {} ms", zip, target, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
        }
    }

    /**
     * Extracts the zip's entries, without their single top-level directory when {@code stripTopDirectory}; files
     * under bin/ become executable. An entry that would land outside {@code into} fails the extraction.
     */
    static void extract(Path zip, Path into, boolean stripTopDirectory) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = !stripTopDirectory ? name : slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path out = into.resolve(relative).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("zip entry escapes the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip does not carry Unix modes; the launch scripts are all the zip needs executable
                if (relative.startsWith("bin/") || relative.contains("/bin/")) {
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
