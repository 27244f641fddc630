package newsflow.lab.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parse throughput of feed readers over one corpus, single-threaded, in one JVM: every reader gets the same
 * warm-up, then measured rounds alternate between the readers (the order flips every round, so neither always
 * runs on a cache the other warmed). The headline is the ratio per pair of adjacent rounds, which holds up
 * better on a busy machine than either absolute number.
 */
public final class ParseBenchmark {

    /** One pass of one reader over the corpus. */
    record Pass(long nanos, int failed, long entries, boolean[] parsed) {
    }

    /** One reader's measured rounds. */
    record Result(String reader, int files, long bytes, int failed, long entries, long[] roundNanos) {

        double[] feedsPerSecond() {
            double[] r = new double[roundNanos.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = files / (roundNanos[i] / 1e9);
            }
            return r;
        }

        double[] megabytesPerSecond() {
            double[] r = new double[roundNanos.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = bytes / 1e6 / (roundNanos[i] / 1e9);
            }
            return r;
        }
    }

    private final List<FeedReader> readers;
    private final int warmups;
    private final int rounds;

    public ParseBenchmark(List<FeedReader> readers, int warmups, int rounds) {
        if (readers.size() != 2) {
            throw new IllegalArgumentException("the benchmark compares two readers, got " + readers.size());
        }
        if (rounds < 1 || warmups < 0) {
            throw new IllegalArgumentException("need at least one measured round and no negative warm-up");
        }
        this.readers = List.copyOf(readers);
        this.warmups = warmups;
        this.rounds = rounds;
    }

    static Pass pass(FeedReader reader, Corpus corpus) {
        boolean[] parsed = new boolean[corpus.files()];
        int failed = 0;
        long entries = 0;
        long start = System.nanoTime();
        for (int i = 0; i < parsed.length; i++) {
            try {
                entries += reader.entries(corpus.docs().get(i));
                parsed[i] = true;
            } catch (Exception e) {
                failed++;
            }
        }
        return new Pass(System.nanoTime() - start, failed, entries, parsed);
    }

    /** Warm-up, then {@code rounds} measured passes of each reader, alternating. */
    List<Result> run(Corpus corpus) {
        for (int w = 0; w < warmups; w++) {
            readers.forEach(r -> pass(r, corpus));
        }
        long[][] nanos = new long[2][rounds];
        Pass[] last = new Pass[2];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 2; k++) {
                int which = round % 2 == 0 ? k : 1 - k;
                Pass p = pass(readers.get(which), corpus);
                if (last[which] != null && (last[which].failed() != p.failed() || last[which].entries() != p.entries())) {
                    throw new IllegalStateException(readers.get(which).name() + " gave different results in two rounds");
                }
                last[which] = p;
                nanos[which][round] = p.nanos();
            }
        }
        List<Result> results = new ArrayList<>(2);
        for (int k = 0; k < 2; k++) {
            results.add(new Result(readers.get(k).name(), corpus.files(), corpus.bytes(), last[k].failed(),
                    last[k].entries(), nanos[k]));
        }
        return results;
    }

    /** Measures the whole corpus, then the files every reader parses (the same work asked of each), and prints both. */
    public void runAndPrint(Corpus corpus, String source, PrintStream out) {
        out.printf(Locale.ROOT, "parse benchmark: %d files, %.2f MB from %s; %d warm-up and %d measured rounds per reader, "
                + "one thread%n%n", corpus.files(), corpus.bytes() / 1e6, source, warmups, rounds);
        print("all files", run(corpus), out);

        boolean[] ok0 = pass(readers.get(0), corpus).parsed();
        boolean[] ok1 = pass(readers.get(1), corpus).parsed();
        boolean[] both = new boolean[ok0.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = ok0[i] && ok1[i];
        }
        Corpus common = corpus.only(both);
        if (common.files() > 0 && common.files() < corpus.files()) {
            out.println();
            print("files both parse (" + common.files() + ")", run(common), out);
        }
    }

    static void print(String title, List<Result> results, PrintStream out) {
        out.printf(Locale.ROOT, "%s%n%-11s %6s %7s %8s  %-28s %-24s%n", title, "reader", "files", "failed", "entries",
                "feeds/s median (min–max)", "MB/s median (min–max)");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-11s %6d %7d %8d  %-28s %-24s%n", r.reader(), r.files(), r.failed(), r.entries(),
                    Spread.of(r.feedsPerSecond()).format("%.0f"), Spread.of(r.megabytesPerSecond()).format("%.1f"));
        }
        Result a = results.get(0);
        Result b = results.get(1);
        double[] ratio = new double[a.roundNanos().length];
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = (double) b.roundNanos()[i] / a.roundNanos()[i];
        }
        out.printf(Locale.ROOT, "throughput %s / %s: %s (per pair of adjacent rounds)%n", a.reader(), b.reader(),
                Spread.of(ratio).format("%.2f"));
    }
}
