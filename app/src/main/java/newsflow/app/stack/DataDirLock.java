package newsflow.app.stack;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One owner per data directory: an OS file lock on {@code <dataDir>/newsflow.lock}, held for as long as the
 * local stack runs. The operating system releases it when the owner dies however it dies (kill -9 included),
 * so a free lock is what tells a crashed run's leftovers apart from a running instance; a pid file alone
 * cannot (the pid may be alive and someone else's). The file's text says who holds it (pid, start time,
 * addresses) so a second instance can name the first in its error; the text is information, the lock is the truth.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = "newsflow.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, String> owner = new TreeMap<>();

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDir} (created if missing) or fails at once.
     *
     * @throws IllegalStateException when another process (or another stack in this JVM) holds it; the message
     *                               names the holder as its lock file describes it
     */
    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file " + file, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisJvm) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("the data directory " + dataDir + " is in use by another newsflow ("
                    + describe(readOwner(file)) + "); stop that one first, or give this one another dataDir (NEWSFLOW_DATA_DIR)."
                    + " Nothing was started or changed.");
        }
        DataDirLock held = new DataDirLock(file, channel, lock);
        held.owner.put("pid", Long.toString(ProcessHandle.current().pid()));
        held.owner.put("started", Instant.now().toString());
        held.owner.put("dataDir", dataDir.toString());
        held.writeOwner();
        return held;
    }

    /** Adds facts about the holder (for example {@code kafka=127.0.0.1:9092}) to the lock file's text. */
    void describeOwner(String key, String value) {
        owner.put(key, value);
        writeOwner();
    }

    Path file() {
        return file;
    }

    private void writeOwner() {
        Properties p = new Properties();
        p.putAll(owner);
        StringWriter text = new StringWriter();
        try {
            p.store(text, "held by a running newsflow local stack; the OS lock on this file, not its text, says whether it runs");
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lock file " + file, e);
        }
    }

    static Map<String, String> readOwner(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        Map<String, String> owner = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> owner.put(k, p.getProperty(k)));
        return owner;
    }

    static String describe(Map<String, String> owner) {
        if (owner.isEmpty()) {
            return "its lock file says nothing more: it may still be starting";
        }
        StringBuilder s = new StringBuilder("pid ").append(owner.getOrDefault("pid", "?"))
                .append(", started ").append(owner.getOrDefault("started", "?"));
        if (owner.containsKey("kafka")) {
            s.append(", Kafka ").append(owner.get("kafka"));
        }
        if (owner.containsKey("elasticsearch")) {
            s.append(", Elasticsearch ").append(owner.get("elasticsearch"));
        }
        return s.toString();
    }

    /** Releases the lock; the file stays (deleting it would let a third process lock a different inode). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held any more that closing could free
        }
    }
}
