package newsflow.app.stack;

import java.nio.file.Path;

/** Run as a separate JVM by {@link DataDirLockTest}: holds the lock of {@code args[0]} until its stdin closes. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
            lock.describeOwner("kafka", "127.0.0.1:29092");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our stdin
            }
        }
    }
}
