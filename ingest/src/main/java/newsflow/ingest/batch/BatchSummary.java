package newsflow.ingest.batch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Totals over a batch of parsed files, and their rendering as the table operators read. */
public record BatchSummary(int files, int parsed, Map<String, Integer> failedByCause, long entries, long datesMissing) {

    public BatchSummary {
        failedByCause = Map.copyOf(failedByCause);
    }

    public static BatchSummary of(List<FileReport> reports) {
        Map<String, Integer> failed = new TreeMap<>();
        int parsed = 0;
        long entries = 0;
        long datesMissing = 0;
        for (FileReport r : reports) {
            if (r.ok()) {
                parsed++;
            } else {
                failed.merge(r.error(), 1, Integer::sum);
            }
            entries += r.entries();
            datesMissing += r.datesMissing();
        }
        return new BatchSummary(reports.size(), parsed, failed, entries, datesMissing);
    }

    public int failed() {
        return files - parsed;
    }

    /** A fixed-width table: files, parsed, failed (then one line per cause), entries, dates missing. */
    public String table() {
        StringBuilder out = new StringBuilder();
        row(out, "files", files);
        row(out, "parsed", parsed);
        row(out, "failed", failed());
        new TreeMap<>(failedByCause).forEach((cause, n) -> row(out, "  " + cause, n));
        row(out, "entries", entries);
        row(out, "dates missing", datesMissing);
        return out.toString();
    }

    private static void row(StringBuilder out, String label, long value) {
        out.append(String.format("%-20s %8d%n", label, value));
    }
}
