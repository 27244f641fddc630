package newsflow.common.kafka;

import java.time.Duration;

/**
 * How long a {@link StageLoop} leaves new records waiting in Kafka after a committed batch, so that the next batch
 * carries more of them. A stage whose per-batch cost dominates (a bulk request) trades a bounded delay for fewer,
 * fuller batches; the default holds nothing.
 */
@FunctionalInterface
public interface Pacing {

    /** Takes every next batch at once. */
    Pacing NONE = (records, bytes, took) -> Duration.ZERO;

    /**
     * @param records records in the batch just committed
     * @param bytes   the bytes of their values
     * @param took    how long the batch took from its start to its commit
     * @return how long to keep the partitions paused before the next poll may deliver; zero or positive
     */
    Duration holdAfter(int records, long bytes, Duration took);
}
