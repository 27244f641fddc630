package newsflow.enrich.retag;

import java.util.List;
import java.util.Map;

/**
 * What a re-tagging run did.
 *
 * @param records     records read (every version of every article, up to the end fixed at the start)
 * @param articles    distinct articles (their latest versions were re-tagged)
 * @param changed     articles whose topics changed (written back unless it was a dry run)
 * @param unchanged   articles whose topics stayed the same (not written)
 * @param undecodable latest versions that are no readable article (logged with their position; left alone)
 * @param written     changed articles the broker acknowledged
 * @param failed      changed articles whose write failed (logged with their id)
 * @param added       topic (as {@code name/source}) → articles that gained it
 * @param removed     topic (as {@code name/source}) → articles that lost it
 * @param warnings    what the operator should know about the run's reach (e.g. records lost to retention)
 */
public record RetagReport(long records, long articles, long changed, long unchanged, long undecodable, long written,
                          long failed, Map<String, Long> added, Map<String, Long> removed, List<String> warnings) {

    public RetagReport {
        added = Map.copyOf(added);
        removed = Map.copyOf(removed);
        warnings = List.copyOf(warnings);
    }

    RetagReport withWarnings(List<String> w) {
        return new RetagReport(records, articles, changed, unchanged, undecodable, written, failed, added, removed, w);
    }

    /** Older versions of articles, superseded by a later record with the same id. */
    public long superseded() {
        return records - articles;
    }
}
