package newsflow.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and resident memory of a process and its descendants, read from {@code /proc} (Linux): what a process
 * costs the machine, whatever runs inside it (a JVM's own counters miss the node's and the broker's processes).
 */
record ProcessTree(String name, long pid) {

    /** Linux reports CPU times in USER_HZ ticks, 100 per second on every architecture's user ABI. */
    private static final long TICKS_PER_SECOND = 100;

    /** User plus system CPU time of the tree's live processes, in milliseconds. */
    long cpuMillis() {
        long ticks = 0;
        for (long p : pids()) {
            ticks += ticks(p);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /**
     * CPU time of the tree's JIT compiler threads (HotSpot names them {@code C1 CompilerThread…} and
     * {@code C2 CompilerThread…}), in milliseconds: the warm-up every new JVM pays, whatever work it then does.
     */
    long compilerCpuMillis() {
        long ticks = 0;
        for (long p : pids()) {
            try (var tasks = Files.list(Path.of("/proc", Long.toString(p), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String stat = read(task.resolve("stat"));
                    if (!stat.isEmpty() && isCompilerThread(stat)) {
                        ticks += parseTicks(stat);
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // exited meanwhile
            }
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Whether a task's stat line (command name in parentheses, cut to 15 characters) is a JIT compiler thread. */
    static boolean isCompilerThread(String stat) {
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
    }

    /** Resident set of the tree's live processes, in bytes. */
    long rssBytes() {
        long kb = 0;
        for (long p : pids()) {
            kb += statusKb(p, "VmRSS:");
        }
        return kb * 1024;
    }

    private List<Long> pids() {
        List<Long> all = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(root -> {
            all.add(root.pid());
            root.descendants().forEach(d -> all.add(d.pid()));
        });
        return all;
    }

    /** utime + stime: fields 14 and 15 of /proc/pid/stat, counted after the command name in parentheses. */
    static long ticks(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat.isEmpty()) {
            return 0; // exited meanwhile
        }
        return parseTicks(stat);
    }

    static long parseTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long statusKb(long pid, String key) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
