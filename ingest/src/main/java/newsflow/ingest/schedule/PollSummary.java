package newsflow.ingest.schedule;

import java.util.List;

/**
 * Totals of one round of polls.
 *
 * @param feedsPolled      feeds that answered with a document or 304
 * @param feedsFailed      feeds whose poll failed
 * @param entriesPublished entries published
 * @param entriesSkipped   entries not published (already published unchanged, or not mappable)
 * @param outcomes         each feed's outcome, in configuration order
 */
public record PollSummary(int feedsPolled, int feedsFailed, int entriesPublished, int entriesSkipped,
                          List<PollOutcome> outcomes) {

    public PollSummary {
        outcomes = List.copyOf(outcomes);
    }

    public static PollSummary of(List<PollOutcome> outcomes) {
        int polled = 0;
        int failed = 0;
        int published = 0;
        int skipped = 0;
        for (PollOutcome o : outcomes) {
            if (o.failed()) {
                failed++;
            } else {
                polled++;
            }
            published += o.published();
            skipped += o.skipped();
        }
        return new PollSummary(polled, failed, published, skipped, outcomes);
    }
}
