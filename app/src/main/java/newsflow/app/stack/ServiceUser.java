package newsflow.app.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The unprivileged account Elasticsearch runs as when newsflow runs as root (Elasticsearch refuses root).
 *
 * @param name    account name
 * @param uid     its user id
 * @param gid     its primary group id
 * @param created whether this run created the account
 */
record ServiceUser(String name, int uid, int gid, boolean created) {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** True when this process runs as root (uid 0). */
    static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the uid the process runs as
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The account {@code name}, created as a system account without home or login shell when missing. */
    static ServiceUser ensure(String name) {
        boolean created = false;
        if (!ChildProcess.run(List.of("id", "-u", name), COMMAND_TIMEOUT).ok()) {
            ChildProcess.Result add = ChildProcess.run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name), COMMAND_TIMEOUT);
            if (!add.ok() && !ChildProcess.run(List.of("id", "-u", name), COMMAND_TIMEOUT).ok()) {
                throw new IllegalStateException("Elasticsearch refuses to run as root and the account '" + name
                        + "' to run it as cannot be created (useradd exit " + add.exitCode() + "): " + add.output().strip()
                        + " — create it yourself or run newsflow as an unprivileged user");
            }
            created = add.ok();
        }
        return new ServiceUser(name, idNumber(name, "-u"), idNumber(name, "-g"), created);
    }

    private static int idNumber(String name, String flag) {
        ChildProcess.Result r = ChildProcess.run(List.of("id", flag, name), COMMAND_TIMEOUT);
        if (!r.ok()) {
            throw new IllegalStateException("cannot look up account '" + name + "': " + r.output().strip());
        }
        return Integer.parseInt(r.output().strip());
    }

    /** The command prefix that runs a program as this account with its groups (exec, not fork: same pid). */
    List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--");
    }

    /** Gives the account ownership of {@code dir} and everything under it (skipping what it owns already). */
    void own(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    chown(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    chown(f);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + dir + " to user " + name, e);
        }
    }

    private void chown(Path p) throws IOException {
        if (!((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).equals(uid)
                || !((Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).equals(gid)) {
            Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Fails with the first directory on the way to {@code dir} the account cannot enter (for example a data
     * directory under {@code /root}, which is mode 700). Asks the system as that account, so ACLs count too.
     * newsflow does not loosen the operator's directories itself.
     */
    void requireReachable(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (canEnter(abs)) {
            return;
        }
        List<Path> chain = new ArrayList<>();
        for (Path p = abs; p != null; p = p.getParent()) {
            chain.addFirst(p);
        }
        for (Path p : chain) {
            if (!canEnter(p)) {
                throw new IllegalStateException("Elasticsearch runs as user '" + name + "' (it refuses root), and that user "
                        + "cannot enter " + p + " on the way to the data directory " + abs + ". Choose a data directory "
                        + "every user can reach (for example dataDir: /var/lib/newsflow or /srv/newsflow, or set "
                        + "NEWSFLOW_DATA_DIR), or allow traversal yourself (chmod o+x " + p + ").");
            }
        }
        throw new IllegalStateException("user '" + name + "' cannot enter " + abs);
    }

    private boolean canEnter(Path p) {
        List<String> command = new ArrayList<>(commandPrefix());
        command.addAll(List.of("test", "-x", p.toString()));
        return ChildProcess.run(command, COMMAND_TIMEOUT).ok();
    }
}
