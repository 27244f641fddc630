package newsflow.lab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every regular file under a directory, read into memory once, so a benchmark times parsing and not the disk. */
public record Corpus(List<Doc> docs) {

    /** @param url the file's URI: what names the feed in errors and resolves its relative links */
    public record Doc(String name, String url, byte[] bytes) {
    }

    public static Corpus load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Doc> docs = new ArrayList<>(files.size());
        for (Path file : files) {
            docs.add(new Doc(dir.relativize(file).toString(), file.toAbsolutePath().toUri().toString(),
                    Files.readAllBytes(file)));
        }
        return new Corpus(List.copyOf(docs));
    }

    /** The documents whose flag is set. */
    Corpus only(boolean[] keep) {
        List<Doc> kept = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (keep[i]) {
                kept.add(docs.get(i));
            }
        }
        return new Corpus(List.copyOf(kept));
    }

    public int files() {
        return docs.size();
    }

    long bytes() {
        return docs.stream().mapToLong(d -> d.bytes().length).sum();
    }
}
