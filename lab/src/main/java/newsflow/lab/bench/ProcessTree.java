package newsflow.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time and resident memory of a process and its descendants, read from {@code /proc} (Linux): what a process
 * costs the machine, whatever runs inside it (a JVM's own counters miss the node's and the broker's processes).
 */
record ProcessTree(String name, long pid, Map<String, Long> compilerTicks) {

    ProcessTree(String name, long pid) {
        this(name, pid, new ConcurrentHashMap<>());
    }

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
     * CPU time of the tree's JIT compiler threads (HotSpot's {@code C1 CompilerThread}s and {@code C2 CompilerThread}s),
     * in milliseconds: a JVM's warm-up, which a freshly started node pays over its first minutes of work whatever the
     * article rate, so a short benchmark charges it to few articles.
     *
     * <p>HotSpot starts and stops compiler threads as its compile queue grows and drains, and a thread that exits
     * leaves {@code /proc} with its CPU time. So every compiler thread seen is remembered (by process, thread and
     * start time) with the most CPU it was seen to have: the result never goes down, and a caller that asks often
     * (every sample of a phase) keeps what exited threads had spent by their last sample.
     */
    long jitCpuMillis() {
        for (long p : pids()) {
            for (Path task : tasks(p)) {
                String stat = read(task.resolve("stat"));
                if (isCompilerThread(stat)) {
                    compilerTicks.merge(p + "/" + task.getFileName() + "@" + startTime(stat), parseTicks(stat), Math::max);
                }
            }
        }
        long ticks = 0;
        for (long t : compilerTicks.values()) {
            ticks += t;
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Field 22 of a stat line: when the thread started, in ticks after boot (tells a reused thread id apart). */
    static String startTime(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return fields.length > 19 ? fields[19] : "";
    }

    /** The thread's name is the command field of its stat line, cut to 15 characters by the kernel. */
    static boolean isCompilerThread(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return false;
        }
        String name = stat.substring(open + 1, close);
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    private static List<Path> tasks(long pid) {
        try (var list = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return list.toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // exited meanwhile
        }
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
