package newsflow.common.model;

import java.time.Instant;

/**
 * A record a stage could not process, with why. Published to the dead-letter topic so nothing is silently lost.
 *
 * @param schemaVersion wire schema version
 * @param stage         the stage that gave up ({@code ingest}, {@code enrich}, {@code index})
 * @param sourceTopic   topic the record was read from, null when it did not come from Kafka
 * @param partition     its partition, -1 when not from Kafka
 * @param offset        its offset, -1 when not from Kafka
 * @param key           the original key
 * @param payload       the original payload, verbatim (UTF-8 text); null for a tombstone
 * @param error         human-readable cause
 * @param errorType     exception class or error category
 * @param time          when it was dead-lettered
 * @param payloadTruncated true when {@code payload} is only the first part of the original (the broker refused
 *                      the dead letter at full size): such a letter cannot be replayed. Absent (false) in dead
 *                      letters written before the field existed.
 */
public record DeadLetter(
        int schemaVersion,
        String stage,
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String payload,
        String error,
        String errorType,
        Instant time,
        boolean payloadTruncated) {

    /** Whether the original record can be republished as it was: a Kafka record, payload complete and present. */
    public boolean replayable() {
        return sourceTopic != null && payload != null && !payloadTruncated;
    }
}
