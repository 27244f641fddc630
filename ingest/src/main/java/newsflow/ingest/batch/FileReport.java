package newsflow.ingest.batch;

/**
 * What parsing one file gave: the line {@code newsflow parse-feed DIR} prints per file.
 *
 * @param file         the path relative to the directory given
 * @param ok           the file parsed as a feed
 * @param format       the feed format ({@code rss_2.0}, {@code atom_1.0}, {@code json_1.1}, …), null when not ok
 * @param error        the failure cause label ({@code not_well_formed}, {@code not_a_feed}, …), null when ok
 * @param message      the failure in words, null when ok
 * @param entries      items read
 * @param datesMissing items read that carry neither a published nor an updated date
 */
public record FileReport(String file, boolean ok, String format, String error, String message, int entries,
                         int datesMissing) {
}
