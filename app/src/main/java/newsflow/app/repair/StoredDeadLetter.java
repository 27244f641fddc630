package newsflow.app.repair;

import newsflow.common.model.DeadLetter;

/**
 * A dead letter as the dead-letter topic holds it. Its id is its place there, {@code partition@offset}: unique,
 * unlike the record key, which an article dead-lettered twice shares.
 */
public record StoredDeadLetter(int partition, long offset, DeadLetter letter) {

    public String id() {
        return partition + "@" + offset;
    }

    /** Where the original record was read from, {@code topic-partition@offset}, or why there is no such place. */
    public String source() {
        return letter.sourceTopic() == null ? "(not from Kafka)"
                : letter.sourceTopic() + "-" + letter.partition() + "@" + letter.offset();
    }
}
