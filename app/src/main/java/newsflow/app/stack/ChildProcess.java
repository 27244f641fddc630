package newsflow.app.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One service process started by the local stack (the broker, the search node): its output goes to a log file,
 * its pid to a pid file so a later run can clean up after a crash of ours, and it is stopped with SIGTERM first.
 */
final class ChildProcess {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

    /** A log file larger than this is moved aside (one old copy kept) before the next start appends to it. */
    private static final long ROTATE_BYTES = 50L * 1024 * 1024;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * Processes started and not yet stopped. A JVM exiting while a service is still starting (Ctrl-C during
     * start-up) would otherwise leave it running in its own session: the exit hook stops whatever is left
     * after giving the owners ({@link LocalStack#close()}) a grace period to do it in order.
     */
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final Duration EXIT_GRACE = Duration.ofSeconds(12);
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} in its own session (when {@code setsid} exists) so that Ctrl-C in the operator's
     * terminal reaches only newsflow, which then stops its services in order instead of having them killed
     * under the running pipeline.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path workingDir, Path logFile, Path pidFile) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            rotate(logFile);
            Files.writeString(logFile, "---- newsflow: starting " + name + ": " + String.join(" ", full) + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            ChildProcess child = new ChildProcess(name, process, logFile, pidFile);
            LIVE.add(child);
            installExitHook();
            return child;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (" + String.join(" ", full) + "): " + e.getMessage(), e);
        }
    }

    private static void installExitHook() {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::stopLeftAtExit, "newsflow-child-process-reaper"));
        }
    }

    private static void stopLeftAtExit() {
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        while (!LIVE.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                break;
            }
        }
        for (ChildProcess child : List.copyOf(LIVE)) {
            log.warn("{} (pid {}) still running at exit: stopping it", child.name, child.pid());
            child.stop(Duration.ofSeconds(30));
        }
    }

    /** Runs a short command to completion, returning its exit code and output (for format and set-up steps). */
    static Result run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out after " + timeout + ")");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Stops a process left behind by an earlier newsflow that died without stopping its services (kill -9):
     * it still holds the data directory's locks and would make the new one fail. Only a live process whose
     * command line contains {@code marker} (a path inside this data directory) is touched.
     */
    static void stopLeftover(String name, Path pidFile, String marker, Duration grace) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isPresent() && handle.get().info().commandLine().map(c -> c.contains(marker)).orElse(false)) {
                log.warn("{} from an earlier run is still running (pid {}): stopping it before starting a new one", name, pid);
                terminate(handle.get(), grace);
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.warn("ignoring unreadable pid file {}: {}", pidFile, e.getMessage());
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.isRegularFile(file)) {
                return "(no log at " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to the process and its children, a wait of {@code grace}, then SIGKILL to whatever is left. */
    void stop(Duration grace) {
        try {
            stopProcess(grace);
        } finally {
            LIVE.remove(this);
        }
    }

    private void stopProcess(Duration grace) {
        if (process.isAlive()) {
            long started = System.nanoTime();
            boolean clean = terminate(process.toHandle(), grace);
            log.info("{} stopped {} in {} ms (exit code {})", name, clean ? "cleanly" : "FORCIBLY after " + grace.toSeconds() + " s",
                    (System.nanoTime() - started) / 1_000_000, process.isAlive() ? "?" : process.exitValue());
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("cannot delete pid file {}: {}", pidFile, e.getMessage());
        }
    }

    /** Returns true when everything exited within the grace period. */
    private static boolean terminate(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean clean = true;
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                clean = false;
            } catch (java.util.concurrent.ExecutionException e) {
                clean = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                clean = false;
                break;
            }
        }
        if (!clean) {
            all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("process {} did not exit even after SIGKILL: {}", p.pid(), e.toString());
                }
            }
        }
        return clean;
    }

    private static void rotate(Path logFile) throws IOException {
        if (Files.isRegularFile(logFile) && Files.size(logFile) > ROTATE_BYTES) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The java binary for a child JVM: the one running this process (so the services run on the JDK the operator
     * chose), else {@code $JAVA_HOME/bin/java}, else {@code java} from the PATH.
     */
    static String currentJava() {
        Optional<String> current = ProcessHandle.current().info().command().filter(c -> Files.isExecutable(Path.of(c)));
        if (current.isPresent()) {
            return current.get();
        }
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
            return Path.of(javaHome, "bin", "java").toString();
        }
        return "java";
    }
}
